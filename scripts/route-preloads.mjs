// Writes web/dist/route-preloads.json: for each page route, the JavaScript chunks that route's lazy page needs
// beyond the entry's. The API process puts them in the document it serves for that page as modulepreload links,
// so the browser fetches them beside the entry bundle while it parses the HTML, instead of once the router starts.
// Reads the routes from web/src/app/router.tsx (`path: '…'` or `index: true`, then `import('…')` in the same
// route object) and the chunks from Vite's manifest, which it removes afterwards.
// Usage: node scripts/route-preloads.mjs (after vite build).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';

const web = 'web';
const dist = join(web, 'dist');
const manifestPath = join(dist, '.vite', 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const router = readFileSync(join(web, 'src/app/router.tsx'), 'utf8');

// (Stylesheets are left to Vite's loader: a preload of one is fetched twice.)
const entry = Object.values(manifest).find((c) => c.isEntry);
const closure = (key, seen = new Set()) => {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
  return seen;
};
const loaded = new Set(
  [...closure(Object.keys(manifest).find((k) => manifest[k] === entry))].map((k) => manifest[k].file),
);

const markers = [...router.matchAll(/path: '([^']+)'|index: true/g)].map((m) => ({ at: m.index, path: m[1] ?? '' }));
const routes = [];
for (const m of router.matchAll(/import\('(\.\.?\/[^']+)'\)/g)) {
  const marker = markers.filter((k) => k.at < m.index).at(-1);
  if (!marker || marker.path === '*') continue;
  const source = posix.join('src/app', m[1]) + '.tsx';
  if (!manifest[source]) throw new Error(`route-preloads: ${source} is not in Vite's manifest`);
  const files = new Set();
  for (const key of closure(source)) {
    const chunk = manifest[key];
    if (!loaded.has(chunk.file)) files.add(chunk.file);
  }
  const pattern = `^/${marker.path.replace(/:[^/]+/g, '[^/]+')}/?$`;
  routes.push([pattern, [...files]]);
}

// Read by the API process (src/app/web-app.ts), which lists the page's chunks in the document it serves.
writeFileSync(join(dist, 'route-preloads.json'), JSON.stringify(routes));
rmSync(join(dist, '.vite'), { recursive: true, force: true });
console.log(`route-preloads: ${routes.length} routes`);
