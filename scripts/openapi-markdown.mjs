// Renders the endpoint tables and the schema reference of docs/api.md from the OpenAPI document, so the prose
// around them cannot drift from what the API does: `npm run openapi` rewrites the marked blocks and
// `npm run openapi:check` fails when they are stale.
//
//   <!-- endpoints: accounts -->  …generated…  <!-- /endpoints -->   one block per OpenAPI tag, every tag once
//   <!-- schemas -->  …generated…  <!-- /schemas -->                  every component schema

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const BLOCK = /<!-- (endpoints: ([a-z-]+)|schemas) -->\n[\s\S]*?<!-- \/(endpoints|schemas) -->/g;

const cell = (text) =>
  text
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
const refName = (ref) => ref.split('/').pop();
const anchor = (name) => `[${name}](#${name.toLowerCase()})`;

/** A schema as a short type expression, linking named schemas to their entry in the reference. */
function typeOf(schema) {
  if (!schema) return '—';
  if (schema.$ref) return anchor(refName(schema.$ref));
  const nullable = schema.nullable ? ' | null' : '';
  if (schema.allOf?.length === 1) return typeOf(schema.allOf[0]) + nullable;
  if (schema.enum) return schema.enum.map((v) => `\`${v}\``).join(' | ') + nullable;
  if (schema.type === 'array') return `${typeOf(schema.items)}[]${nullable}`;
  if (schema.type === 'object' && schema.additionalProperties) return `object${nullable}`;
  if (schema.type === 'object' && schema.properties) {
    return `{ ${Object.keys(schema.properties).join(', ')} }${nullable}`;
  }
  return (schema.type ?? 'any') + nullable;
}

function operationsOf(doc) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method] })),
  );
}

/** Error descriptions that many operations share are the conventions (described once, in prose). */
function conventionalErrors(doc) {
  const counts = new Map();
  for (const { op } of operationsOf(doc)) {
    for (const [status, r] of Object.entries(op.responses)) {
      if (Number(status) >= 400)
        counts.set(`${status} ${r.description}`, (counts.get(`${status} ${r.description}`) ?? 0) + 1);
    }
  }
  return new Set([...counts].filter(([, n]) => n > 5).map(([key]) => key));
}

function auth(op) {
  const requirements = op.security ?? [];
  const bearer = requirements.some((r) => 'bearer' in r);
  const role = op.responses['403']?.description.match(/^ROLE_REQUIRED: the caller is not (.*)\.$/)?.[1];
  if (!bearer) return 'none';
  // An empty requirement next to bearer: anonymous callers are let in, a token that is sent is checked.
  if (requirements.some((r) => Object.keys(r).length === 0)) return 'optional token';
  return role ? `token, ${role}` : 'token';
}

function query(op) {
  const names = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  return names.length ? `?${names.join('&')}` : '';
}

function answer(op) {
  return Object.entries(op.responses)
    .filter(([status]) => status.startsWith('2'))
    .map(([status, r]) => {
      const [type, media] = Object.entries(r.content ?? {})[0] ?? [];
      if (!media) return `**${status}**`;
      return `**${status}** ${type === 'application/json' ? typeOf(media.schema) : `\`${type}\``}`;
    })
    .join(', ');
}

function errors(op, conventional) {
  return Object.entries(op.responses)
    .filter(([status]) => Number(status) >= 400)
    .map(([status, r]) => (conventional.has(`${status} ${r.description}`) ? status : `${status} ${r.description}`))
    .join('; ');
}

function endpointTable(doc, tag, conventional) {
  const rows = operationsOf(doc)
    .filter(({ op }) => (op.tags ?? []).includes(tag))
    .map(({ path, method, op }) => {
      const body = op.requestBody?.content?.['application/json']?.schema;
      const notes = [op.summary, op.description].filter(Boolean).join(' ');
      return [
        `\`${method.toUpperCase()} ${path}${query(op)}\``,
        auth(op),
        body ? typeOf(body) : '—',
        answer(op),
        errors(op, conventional),
        notes,
      ];
    });
  const head = ['call', 'auth', 'body', 'answer', 'errors', 'what it does'];
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n');
}

function schemaReference(doc) {
  return Object.entries(doc.components.schemas)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, schema]) => {
      const required = new Set(schema.required ?? []);
      const fields = Object.entries(schema.properties ?? {}).map(([field, s]) => {
        const note = [s.description, s.minimum !== undefined || s.maximum !== undefined ? range(s) : '']
          .filter(Boolean)
          .join('; ');
        return `| \`${field}${required.has(field) ? '' : '?'}\` | ${cell(typeOf(s))} | ${cell(note)} |`;
      });
      const intro = schema.description ? `${cell(schema.description)}\n\n` : '';
      return `#### ${name}\n\n${intro}| field | type | notes |\n| --- | --- | --- |\n${fields.join('\n')}`;
    })
    .join('\n\n');
}

const range = (s) => `${s.minimum ?? '…'}..${s.maximum ?? '…'}`;

/** Rewrites every generated block of docs/api.md; throws when a tag has no block or a block no tag. */
export function fillApiMarkdown(text, doc) {
  const tags = new Set(operationsOf(doc).flatMap(({ op }) => op.tags ?? []));
  const conventional = conventionalErrors(doc);
  const seen = new Set();
  const filled = text.replace(BLOCK, (_, kind, tag) => {
    if (kind === 'schemas') return `<!-- schemas -->\n${schemaReference(doc)}\n<!-- /schemas -->`;
    if (!tags.has(tag)) throw new Error(`docs/api.md has an endpoints block for "${tag}", which no operation has`);
    seen.add(tag);
    return `<!-- endpoints: ${tag} -->\n${endpointTable(doc, tag, conventional)}\n<!-- /endpoints -->`;
  });
  const missing = [...tags].filter((t) => !seen.has(t));
  if (missing.length) throw new Error(`docs/api.md lacks an endpoints block for: ${missing.join(', ')}`);
  return filled;
}
