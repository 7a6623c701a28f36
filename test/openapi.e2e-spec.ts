import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { generateOpenApiDocument } from '../src/app/openapi-document.js';
import { startHarness, type Harness } from './support/harness.js';

type Doc = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

/**
 * Every operation as "METHOD path → error statuses", leaving out what the @nestjs/swagger compiler plugin adds in
 * `nest build` but not under Jest: 2xx answers (from return types) and 400 (from query parameters typed by it).
 */
function operations(doc: Doc): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => `${method.toUpperCase()} ${path} → ${errorStatuses(op.responses)}`),
    )
    .sort();
}

const errorStatuses = (responses: Record<string, unknown>): string =>
  Object.keys(responses)
    .filter((status) => Number(status) > 400)
    .join(',');

describe('OpenAPI document', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ worker: false });
  });
  afterAll(() => h.close());

  it('serves at /docs-json exactly what `npm run openapi` generates without a database', async () => {
    const served = await h.http().get('/docs-json');
    expect(served.status).toBe(200);
    const generated = await generateOpenApiDocument(h.config);
    expect(served.body).toEqual(JSON.parse(JSON.stringify(generated)));
  });

  it('has every served operation and its error answers in the committed docs/openapi.json, and no other', async () => {
    const served = (await h.http().get('/docs-json')).body as Doc;
    const committed = JSON.parse(readFileSync(new URL('../docs/openapi.json', import.meta.url), 'utf8')) as Doc;
    expect(operations(committed)).toEqual(operations(served));
  });
});
