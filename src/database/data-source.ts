import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';

/**
 * Entry point for the TypeORM CLI (`npm run migration:run`), run from dist/: migrations are read from
 * dist/migrations. There are no entities: every query is SQL (src/database/sql.ts).
 */
const dist = join(import.meta.dirname, '..');
export default new DataSource(
  dataSourceOptions(loadConfig(), {
    migrationsGlob: [join(dist, 'migrations', '*.js')],
  }),
);
