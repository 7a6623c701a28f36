import type { MigrationInterface, QueryRunner } from 'typeorm';
import { loadWorldPlaces, type WorldPlace } from './data/world-places.js';

// Rows per INSERT: each column travels as one array parameter, so a batch is nine parameters however large.
const BATCH = 20000;

/**
 * The world gazetteer behind GET /v1/places: GeoNames' populated places of 1,000+ people with a time zone each,
 * searched typo-tolerantly (pg_trgm on a diacritic-free lower-case name) and by prefix.
 */
export class Places1700000006200 implements MigrationInterface {
  name = 'Places1700000006200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE places (
        id integer PRIMARY KEY,
        name text NOT NULL,
        search_name text NOT NULL,
        country char(2) NOT NULL,
        admin1 text,
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
        timezone text NOT NULL,
        population integer NOT NULL CHECK (population >= 0)
      )`);
    const places = loadWorldPlaces();
    for (let i = 0; i < places.length; i += BATCH) await insertBatch(q, places.slice(i, i + BATCH));
    // Indexes after the load: one build each instead of growing them row by row (the trigram one dominates the
    // migration's time; more sort memory shortens it).
    await q.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    await q.query(`CREATE INDEX places_search_trgm_idx ON places USING gin (search_name gin_trgm_ops)`);
    await q.query(`CREATE INDEX places_search_prefix_idx ON places (search_name text_pattern_ops)`);
    await q.query(`CREATE INDEX places_population_idx ON places (population DESC, id)`);
    await q.query(`CREATE INDEX places_country_population_idx ON places (country, population DESC, id)`);
    await q.query(`ANALYZE places`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE places`);
  }
}

async function insertBatch(q: QueryRunner, rows: WorldPlace[]): Promise<void> {
  await q.query(
    `INSERT INTO places (id, name, search_name, country, admin1, lat, lng, timezone, population)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[],
                          $6::float8[], $7::float8[], $8::text[], $9::int[])`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.name),
      rows.map((r) => r.searchName),
      rows.map((r) => r.country),
      rows.map((r) => r.admin1),
      rows.map((r) => r.lat),
      rows.map((r) => r.lng),
      rows.map((r) => r.timezone),
      rows.map((r) => r.population),
    ],
  );
}
