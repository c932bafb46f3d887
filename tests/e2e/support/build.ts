/**
 * Builds dist/chrome and dist/firefox with vite, or checks that they are
 * newer than every input, so an end-to-end run never tests a stale build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export type Target = 'chrome' | 'firefox';
export const TARGETS: Target[] = ['chrome', 'firefox'];

const INPUTS = ['src', 'assets', 'manifest.json', 'vite.config.ts', 'package.json', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/<target>/manifest.json is missing or older than any build input. */
export function isStale(target: Target): boolean {
  const built = join(REPO_ROOT, 'dist', target, 'manifest.json');
  if (!existsSync(built)) return true;
  const inputs = Math.max(...INPUTS.map((p) => newestMtime(join(REPO_ROOT, p))));
  return statSync(built).mtimeMs < inputs;
}

/** Runs `vite build --mode <target>`; throws with vite's output if it fails. */
export function build(target: Target): void {
  const vite = join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--mode', target, '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0) {
    throw new Error(`vite build --mode ${target} failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
}

/** Builds each target that is stale (or all with `force`); returns the targets built. */
export function ensureBuilt(options: { force?: boolean; log?: (l: string) => void } = {}): Target[] {
  const built: Target[] = [];
  for (const target of TARGETS) {
    if (!options.force && !isStale(target)) continue;
    const t0 = performance.now();
    build(target);
    options.log?.(`built dist/${target} in ${Math.round(performance.now() - t0)} ms`);
    built.push(target);
  }
  return built;
}
