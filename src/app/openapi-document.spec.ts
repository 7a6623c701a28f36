import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';

// The committed document, which `npm run openapi:check` (in CI, after the build) proves current.
interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}
interface Response {
  content?: Record<string, { schema: Schema }>;
}
interface Operation {
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string }[];
  responses: Record<string, Response>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, Record<string, string>> };
}

const doc = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8')) as Document;
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
);
const resolve = (s: Schema): Schema => (s.$ref ? doc.components.schemas[s.$ref.split('/').pop()!] : s);

/** Where a schema leaves its values' type open: untyped, or an object without a declared shape. */
function untyped(schema: Schema, where: string): string[] {
  if (schema.$ref) return [];
  const parts = schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (parts) return parts.flatMap((s, i) => untyped(s, `${where}|${i}`));
  if (!schema.type && !schema.enum) return [where];
  if (schema.type === 'array') return schema.items ? untyped(schema.items, `${where}[]`) : [where];
  if (schema.type === 'object' && !schema.properties && !schema.additionalProperties) return [where];
  return Object.entries(schema.properties ?? {}).flatMap(([k, s]) => untyped(s, `${where}.${k}`));
}

describe('the OpenAPI document (docs/openapi.json)', () => {
  it('declares bearer authentication', () => {
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('gives every operation a 2xx answer, typed unless it is 204 No Content', () => {
    const lacking = operations.flatMap(({ name, op }) => {
      const ok = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      if (!ok.length) return [`${name}: no 2xx answer`];
      return ok
        .filter(([status, r]) => status !== '204' && !Object.values(r.content ?? {}).some((c) => c.schema))
        .map(([status]) => `${name}: ${status} has no body schema`);
    });
    expect(lacking).toEqual([]);
  });

  it('types every schema, parameter and answer body completely', () => {
    const open = [
      ...Object.entries(doc.components.schemas).flatMap(([name, s]) => untyped(s, name)),
      ...operations.flatMap(({ name, op }) =>
        Object.entries(op.responses).flatMap(([status, r]) =>
          Object.values(r.content ?? {}).flatMap((c) => untyped(c.schema, `${name} ${status}`)),
        ),
      ),
    ];
    expect(open).toEqual([]);
  });

  it('answers every error as application/problem+json with the shared Problem schema', () => {
    const bad = operations.flatMap(({ name, op }) =>
      Object.entries(op.responses)
        .filter(([status]) => Number(status) >= 400)
        .filter(([, r]) => r.content?.['application/problem+json']?.schema.$ref !== '#/components/schemas/Problem')
        .map(([status]) => `${name} ${status}`),
    );
    expect(bad).toEqual([]);
    expect(doc.components.schemas.Problem.required).toEqual(['type', 'title', 'status', 'detail', 'code']);
  });

  it('documents 401 wherever a token is needed and 429 on every /v1 route', () => {
    const missing = operations.flatMap(({ name, op }) => [
      ...(op.security?.some((r) => 'bearer' in r) && !op.responses['401'] ? [`${name} 401`] : []),
      ...(name.includes(' /v1/') && !op.responses['429'] ? [`${name} 429`] : []),
    ]);
    expect(missing).toEqual([]);
  });

  it('answers every paged list as { items: T[], nextCursor: string | null }', () => {
    const paged = operations.filter(({ op }) => op.parameters?.some((p) => p.in === 'query' && p.name === 'cursor'));
    expect(paged.length).toBeGreaterThan(5);
    for (const { name, op } of paged) {
      const page = resolve(op.responses['200'].content!['application/json'].schema);
      expect({ name, required: [...(page.required ?? [])].sort() }).toEqual({
        name,
        required: expect.arrayContaining(['items', 'nextCursor']),
      });
      expect({ name, items: page.properties!.items.type }).toEqual({ name, items: 'array' });
      expect({ name, nextCursor: page.properties!.nextCursor }).toEqual({
        name,
        nextCursor: expect.objectContaining({ type: 'string', nullable: true }),
      });
    }
  });
});
