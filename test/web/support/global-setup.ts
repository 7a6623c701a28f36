import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The browser specs run the built API, worker and web app (`dist/`, `web/dist/`), as `npm start` does. A clean
 * clone after `npm ci`, or sources edited since the last build, would test something else, so this builds
 * whatever is missing or older than its sources before any browser spec starts.
 */
export default function globalSetup(_global: unknown, project: { rootDir: string }): void {
  const root = project.rootDir;
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts;
  const serverBuilt = builtAt(join(root, 'dist', 'main.js'), join(root, 'dist', 'worker.js'));
  const serverSources = newest(join(root, 'src'), join(root, 'migrations'));
  const webSources = newest(
    join(root, 'web', 'src'),
    join(root, 'web', 'index.html'),
    join(root, 'web', 'vite.config.ts'),
  );

  if (serverBuilt < serverSources) run(root, 'npm', ['run', 'build']);
  if (builtAt(join(root, 'web', 'dist', 'index.html')) < webSources) {
    if (scripts['build:web']) run(root, 'npm', ['run', 'build:web']);
    else run(root, 'npx', ['vite', 'build', '--config', 'web/vite.config.ts']);
  }
  for (const f of ['dist/main.js', 'dist/worker.js', 'web/dist/index.html']) {
    if (!existsSync(join(root, f))) throw new Error(`browser tests need ${f}; \`npm run build\` did not produce it`);
  }
}

function run(root: string, command: string, args: string[]): void {
  process.stdout.write(`\n[web tests] build output missing or older than its sources: ${command} ${args.join(' ')}\n`);
  // Jest sets NODE_ENV=test; the build must be the one `npm run build` makes from a shell (production React).
  const { NODE_ENV: _testEnv, ...env } = process.env;
  execFileSync(command, args, { cwd: root, stdio: 'inherit', env });
}

/** Modification time of the oldest of the files, 0 when one is missing. */
function builtAt(...files: string[]): number {
  let oldest = Infinity;
  for (const f of files) {
    if (!existsSync(f)) return 0;
    oldest = Math.min(oldest, statSync(f).mtimeMs);
  }
  return oldest;
}

/** Modification time of the newest source file under the paths (tests and specs excluded: they are not built). */
function newest(...paths: string[]): number {
  let max = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const st = statSync(p);
    if (!st.isDirectory()) {
      max = Math.max(max, st.mtimeMs);
      continue;
    }
    for (const e of readdirSync(p, { withFileTypes: true, recursive: true })) {
      if (!e.isFile() || /\.(spec|test)\.tsx?$/.test(e.name)) continue;
      max = Math.max(max, statSync(join(e.parentPath, e.name)).mtimeMs);
    }
  }
  return max;
}
