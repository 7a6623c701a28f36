import { Injectable } from '@nestjs/common';
import { sql } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { PlaceView } from './dto/places.dto.js';
import { placeSearchQuery, type PlaceSearch } from './place-search.sql.js';

export const DEFAULT_PLACES_LIMIT = 10;

/** The world gazetteer (the places table, loaded by migration and read-only at runtime). */
@Injectable()
export class PlacesService {
  constructor(private readonly uow: UnitOfWork) {}

  async search(search: Omit<PlaceSearch, 'limit'> & { limit?: number }): Promise<PlaceView[]> {
    const { text, values, wordSimilarityThreshold } = placeSearchQuery({
      ...search,
      limit: search.limit ?? DEFAULT_PLACES_LIMIT,
    });
    if (wordSimilarityThreshold === undefined) return sql<PlaceView>(this.uow.db, text, values);
    // The threshold is a session setting: set for this transaction only, so pooled connections keep the default.
    return this.uow.run(async (tx) => {
      await sql(tx, `SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)`, [
        String(wordSimilarityThreshold),
      ]);
      return sql<PlaceView>(tx, text, values);
    });
  }
}
