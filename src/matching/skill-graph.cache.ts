import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createSkillGraph, type SkillGraph } from './scoring/index.js';
import { loadTaxonomy } from './suggestion-queries.js';

const TTL_MS = 10 * 60_000;

/**
 * The taxonomy changes only with a migration, so each process loads it once and rebuilds it every few
 * minutes; concurrent refreshes share one load.
 */
@Injectable()
export class SkillGraphCache {
  private graph?: Promise<SkillGraph>;
  private loadedAt = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get(): Promise<SkillGraph> {
    if (!this.graph || Date.now() - this.loadedAt > TTL_MS) {
      this.loadedAt = Date.now();
      const loading = loadTaxonomy(this.dataSource).then(createSkillGraph);
      // A failed load must not be cached.
      loading.catch(() => {
        if (this.graph === loading) this.graph = undefined;
      });
      this.graph = loading;
    }
    return this.graph;
  }
}
