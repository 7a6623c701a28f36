// Some npm mirrors lack other platforms' optional binaries, so `npm install` leaves them out of the lock and
// `npm ci` then refuses it. This adds platform-tagged entries that npm ci skips on non-matching machines.
// Usage: npm ci 2>&1 | node scripts/complete-lockfile.mjs [package-lock.json]
import { readFileSync, writeFileSync } from 'node:fs';
const file = process.argv[2] ?? 'package-lock.json';
const names = readFileSync(0, 'utf8')
  .split('\n')
  .map((l) => /Missing: (\S+?)@ from lock file/.exec(l)?.[1])
  .filter(Boolean);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const pk = lock.packages;
const versionOf = (name) => {
  for (const [k, v] of Object.entries(pk)) {
    const spec = v.optionalDependencies?.[name];
    if (spec) return spec.replace(/^[\^~]/, '');
  }
  throw new Error('no parent for ' + name);
};
const platform = (name) => {
  const os = ['darwin', 'win32', 'android', 'freebsd', 'openharmony', 'linux'].find((o) => name.includes(o));
  const cpu = ['arm64', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'arm'].find((c) =>
    name.includes(`-${c}`),
  );
  const e = { os: [os], cpu: [cpu] };
  if (name.includes('musl')) e.libc = ['musl'];
  else if (name.includes('gnu')) e.libc = ['glibc'];
  return e;
};
for (const n of names) {
  pk[`node_modules/${n}`] = {
    version: versionOf(n),
    dev: !n.includes('msgpackr') ? true : undefined,
    optional: true,
    ...platform(n),
  };
}
lock.packages = Object.fromEntries(
  Object.entries(pk).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
