/**
 * Builds what the extension tests load: the extension bundle (esbuild.mjs) and the mocha suites,
 * one CommonJS file each under out/test/extension/ (vscode and mocha stay external: the host
 * provides the first, node_modules the second).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const OUT_DIR = join(REPO_ROOT, 'out', 'test', 'extension');

export async function buildExtensionTests(): Promise<void> {
  execFileSync(process.execPath, ['esbuild.mjs', '--quiet'], { cwd: REPO_ROOT, stdio: 'inherit' });
  const dir = join(REPO_ROOT, 'test', 'extension');
  const entries = readdirSync(dir)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => join(dir, f));
  await esbuild.build({
    entryPoints: entries,
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'error',
  });
}

if (require.main === module) {
  buildExtensionTests().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
