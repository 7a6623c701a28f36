import { Injectable } from '@nestjs/common';
import { createSkillGraph, type SkillGraph } from './scoring/index.js';
import { loadTaxonomy } from './suggestion-queries.js';
import { UnitOfWork } from '../database/unit-of-work.js';

const TTL_MS = 10 * 60_000;

/**
 * The taxonomy changes only with a migration, so each process loads it once and rebuilds it every few
 * minutes; concurrent refreshes share one load.
 */
@Injectable()
export class SkillGraphCache {
  private graph?: Promise<SkillGraph>;
  private loadedAt = 0;

  constructor(private readonly uow: UnitOfWork) {}

  get(): Promise<SkillGraph> {
    if (!this.graph || Date.now() - this.loadedAt > TTL_MS) {
      this.loadedAt = Date.now();
      const loading = loadTaxonomy(this.uow.db).then(createSkillGraph);
      // A failed load must not be cached.
      loading.catch(() => {
        if (this.graph === loading) this.graph = undefined;
      });
      this.graph = loading;
    }
    return this.graph;
  }
}
