// Writes Brotli and gzip siblings of the built web app's text assets, once at build time, so the API process
// serves them pre-compressed (@fastify/static `preCompressed`) instead of sending ~3x the bytes or compressing on
// every request. Usage: node scripts/compress-web.mjs [dir] (default web/dist).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'web/dist';
const TEXT = /\.(js|css|svg|json|txt|map|webmanifest)$/;
// Below about a packet, compression saves nothing worth a second file.
const MIN_BYTES = 1024;

let files = 0;
let before = 0;
let after = 0;
for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !TEXT.test(entry.name)) continue;
  const path = join(entry.parentPath, entry.name);
  const body = readFileSync(path);
  if (body.length < MIN_BYTES) continue;
  const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  files += 1;
  before += statSync(path).size;
  after += br.length;
}
console.log(`compress-web: ${files} files, ${(before / 1024).toFixed(0)} kB -> ${(after / 1024).toFixed(0)} kB brotli`);
