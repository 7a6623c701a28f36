// After `vite build`: every Mantine class the built JavaScript puts on an element (m_0123abcd) is defined by
// the built CSS. The app imports Mantine's styles per component (web/src/app/mantine-styles.ts) rather than all
// of them; this catches a component that is used but whose stylesheet is not imported.
// Usage: node scripts/check-mantine-css.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const assets = join('web', 'dist', 'assets');
const classesIn = (ext) => {
  const found = new Set();
  for (const file of readdirSync(assets).filter((f) => f.endsWith(ext))) {
    for (const match of readFileSync(join(assets, file), 'utf8').matchAll(/\bm_[0-9a-f]{8}\b/g)) found.add(match[0]);
  }
  return found;
};
// Classes Mantine sets for other reasons than looks (none so far); listed here with why when one turns up.
const WITHOUT_STYLES = new Set([]);

const defined = classesIn('.css');
const missing = [...classesIn('.js')].filter((c) => !defined.has(c) && !WITHOUT_STYLES.has(c));
if (missing.length > 0) {
  console.error(
    `check-mantine-css: ${missing.length} Mantine classes are used but not styled: ${missing.join(', ')}.\n` +
      'Find the component in node_modules/@mantine/core/styles/*.css and import its file in ' +
      'web/src/app/mantine-styles.ts.',
  );
  process.exit(1);
}
console.log(`check-mantine-css: all ${defined.size} Mantine classes in use are styled`);
