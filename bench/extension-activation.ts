/**
 * `npm run --silent bench -- extension-activation [--samples N] [--package]`
 *
 * Activation cost of the extension as shipped: the production bundle (minified, as `npm run
 * package` builds it) is loaded and activate() is called in a fresh Node process per sample, with
 * a stand-in `vscode` module whose every call is a no-op (so what is measured is our module load and
 * activate(), not the workbench). With --package, also builds the .vsix and reports its size.
 * Goals from issue 7: activation < 100 ms, .vsix < 5 MB.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = resolve(__dirname, '..');

// Runs in the child: a Proxy stands in for the whole vscode API.
const SAMPLE = `
const Module = require('module');
const stub = () => {
  const target = function () {};
  const p = new Proxy(target, {
    get: (_t, k) => (k === 'then' ? undefined : k === Symbol.toPrimitive ? () => '' : k === Symbol.iterator ? [][Symbol.iterator].bind([]) : p),
    set: () => true,
    apply: () => p,
    construct: () => p,
  });
  return p;
};
// esbuild's namespace import copies own properties, so name the API's top-level members.
const names = 'CancellationToken CodeAction CodeActionContext CodeActionKind CodeActionProvider CodeLens CodeLensProvider CompletionItem CompletionItemKind CompletionItemProvider ConfigurationTarget Diagnostic DiagnosticCollection DiagnosticSeverity Disposable DocumentSelector EventEmitter ExtensionContext Hover HoverProvider LogOutputChannel MarkdownString Position ProgressLocation QuickPickItem Range SecretStorage SnippetString StatusBarAlignment TabInputTextDiff TextDocument TextDocumentContentProvider TextEditor ThemeColor ThemeIcon TreeDataProvider TreeItem TreeItemCollapsibleState Uri ViewColumn WebviewPanel WorkspaceEdit commands diff env extensions languages window workspace'.split(' ');
const vscode = Object.fromEntries(names.map((n) => [n, stub()]));
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolveFilename.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };
const t0 = process.hrtime.bigint();
const ext = require(process.argv[1]);
const t1 = process.hrtime.bigint();
// Storage locations are file URIs with a real path (code joins paths onto them).
const dir = (name) => { const p = require('path').join(require('os').tmpdir(), 'kcl-bench-ext-' + name); return { fsPath: p, path: p, scheme: 'file' }; };
const context = { subscriptions: [], secrets: stub(), globalState: stub(), workspaceState: stub(), extensionUri: stub(), globalStorageUri: dir('storage'), storageUri: dir('workspace-storage'), logUri: dir('log'), extensionPath: '' };
ext.activate(context);
const t2 = process.hrtime.bigint();
process.stdout.write(JSON.stringify({ requireMs: Number(t1 - t0) / 1e6, activateMs: Number(t2 - t1) / 1e6, subscriptions: context.subscriptions.length }));
process.exit(0);
`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
const round = (n: number) => Math.round(n * 100) / 100;

export async function run(args: string[]): Promise<object> {
  const samplesArg = args.indexOf('--samples');
  const samples = samplesArg >= 0 ? Number(args[samplesArg + 1]) : 15;
  const out = mkdtempSync(join(tmpdir(), 'kcl-bench-ext-'));
  try {
    await esbuild.build({
      entryPoints: { extension: join(ROOT, 'src', 'extension.ts') },
      outdir: out,
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      mainFields: ['module', 'main'],
      external: ['vscode', 'pg-native', 'cpu-features', '*.node'],
      logLevel: 'error',
    });
    const bundle = join(out, 'extension.js');
    const results: { requireMs: number; activateMs: number; subscriptions: number }[] = [];
    for (let i = 0; i < samples; i++) {
      let json: string;
      try {
        json = execFileSync(process.execPath, ['-e', SAMPLE, bundle], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, KCL_STATE_DIR: join(out, 'state') },
        });
      } catch (err) {
        const raw = (err as { stderr?: unknown }).stderr;
        const stderr = typeof raw === 'string' ? raw : '';
        throw new Error(
          `activation sample failed: ${stderr
            .split('\n')
            .filter((l) => /^\w*Error/.test(l))
            .slice(0, 3)
            .join(' / ')
            .slice(0, 500)}`,
        );
      }
      results.push(JSON.parse(json) as (typeof results)[number]);
      process.stderr.write('.');
    }
    process.stderr.write('\n');
    const totals = results.map((r) => r.requireMs + r.activateMs);
    let vsixBytes: number | null = null;
    if (args.includes('--package')) {
      execFileSync('npm', ['run', '--silent', 'package'], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
    const vsix = join(ROOT, 'dist', 'kafka-connect-lab.vsix');
    if (existsSync(vsix)) vsixBytes = statSync(vsix).size;
    const activationMedianMs = round(median(totals));
    return {
      benchmark: 'extension-activation',
      samples,
      bundleBytes: statSync(bundle).size,
      requireMedianMs: round(median(results.map((r) => r.requireMs))),
      activateMedianMs: round(median(results.map((r) => r.activateMs))),
      activationMedianMs,
      activationMaxMs: round(Math.max(...totals)),
      disposablesOwned: results[0]?.subscriptions ?? 0,
      vsixBytes,
      goals: { activationMs: 100, vsixBytes: 5 * 1024 * 1024 },
      withinGoals: activationMedianMs < 100 && (vsixBytes === null || vsixBytes < 5 * 1024 * 1024),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
