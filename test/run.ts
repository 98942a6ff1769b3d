/**
 * The one test launcher (`npm test`, CI): static checks, then unit tests, then ONE local dev
 * cluster (runtime/lab, fresh temp state dir) shared by the integration and compat suites, torn
 * down at the end whatever happens. Ends with one line: `N passed, N failed[, N skipped]`.
 *
 *   node --import tsx test/run.ts [unit|webview|integration|compat|extension|all ...] [FILE.test.ts ...]
 *        [--no-lint] [--no-typecheck]
 *
 * KCL_TEST_CONNECT=1 also starts the Connect runtime in the cluster and exports KCL_CONNECT_URL.
 * The integration and compat suites start the runtime from the production bundle (dist/runtime.js,
 * built first), as the extension and `lab up` from the .vsix do; KCL_RUNTIME_BUNDLE=0 runs it from
 * the TypeScript sources through tsx instead.
 * KCL_TEST_TIMEOUT_MS: per-test timeout (default 10 min; a test's own { timeout } wins).
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { down, isLabError, up } from '../runtime/lab/index';

const ROOT = resolve(__dirname, '..');
const SUITES = ['unit', 'webview', 'integration', 'compat', 'extension'] as const;
type Suite = (typeof SUITES)[number];
/** Suites that need the cluster. */
const CLUSTER_SUITES: readonly Suite[] = ['integration', 'compat', 'extension'];
/**
 * The extension suite is mocha inside a real VS Code (code-server driven by Playwright): its files are
 * not node:test files, so test/extension/run.ts runs them and reports one line we parse.
 */
const EXTENSION_RUNNER = join(ROOT, 'test', 'extension', 'run.ts');

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
let interrupted = false;
let current: ReturnType<typeof spawn> | undefined;

function say(line: string): void {
  process.stderr.write(`[test/run] ${line}\n`);
}

function usage(message: string): never {
  say(message);
  say(
    'usage: node --import tsx test/run.ts [unit|webview|integration|compat|extension|all ...] [FILE.test.ts ...] [--no-lint] [--no-typecheck]',
  );
  process.exit(2);
}

function parseArgs(argv: string[]): {
  suites: Set<Suite>;
  files: Map<Suite, string[]>;
  lint: boolean;
  typecheck: boolean;
} {
  const suites = new Set<Suite>();
  const files = new Map<Suite, string[]>();
  let lint = true;
  let typecheck = true;
  for (const arg of argv) {
    if (arg === '--no-lint') lint = false;
    else if (arg === '--no-typecheck') typecheck = false;
    else if (arg === 'all') SUITES.forEach((s) => suites.add(s));
    else if ((SUITES as readonly string[]).includes(arg)) suites.add(arg as Suite);
    else if (arg.endsWith('.test.ts') && existsSync(arg)) {
      // A single file: its suite is the folder under test/ it lives in.
      const rel = relative(join(ROOT, 'test'), resolve(arg)).split(sep)[0];
      const suite = SUITES.find((s) => s === rel);
      if (!suite || suite === 'extension')
        usage(`${arg} is not under test/unit, test/webview, test/integration or test/compat`);
      files.set(suite, [...(files.get(suite) ?? []), resolve(arg)]);
    } else usage(`unknown argument "${arg}"`);
  }
  if (suites.size === 0 && files.size === 0) SUITES.forEach((s) => suites.add(s));
  return { suites, files, lint, typecheck };
}

/** Node 20's --test takes no glob: walk the folder ourselves. */
function findTestFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findTestFiles(p));
    else if (entry.isFile() && entry.name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

function killGroup(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig);
  } catch {
    // the group is empty
  }
}

function runStep(
  name: string,
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const show = (a: string): string =>
    a.startsWith(`${ROOT}${sep}`) ? relative(ROOT, a) : a === process.execPath ? 'node' : a;
  say(`${name}: ${[cmd, ...args].map(show).join(' ')}`);
  return new Promise((resolvePromise) => {
    // Its own process group: on Ctrl-C or at the end, processes a test leaked (a runtime, a JVM)
    // go down with it instead of outliving the run.
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: 'inherit', detached: true });
    current = child;
    child.on('error', (e) => {
      say(`${name}: could not start: ${e.message}`);
      resolvePromise(127);
    });
    child.on('close', (code, signal) => {
      current = undefined;
      if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
      resolvePromise(code ?? (signal ? 128 : 1));
    });
  });
}

/**
 * Counts from node's TAP output: leaves only (a test with subtests is counted through them),
 * plus a parent whose own code failed (e.g. a file that crashed after its tests ran).
 */
export function countTap(tap: string): Counts {
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  const lines = tap.split('\n');
  const childSeen = new Map<number, boolean>();
  let yamlIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const indent = line.length - line.trimStart().length;
    const text = line.trim();
    if (yamlIndent >= 0) {
      if (indent === yamlIndent && text === '...') yamlIndent = -1;
      continue;
    }
    if (text === '---') {
      yamlIndent = indent;
      continue;
    }
    const m = /^(ok|not ok) \d+( - .*)?$/.exec(text);
    if (!m) continue;
    const hadChildren = childSeen.get(indent) ?? false;
    childSeen.set(indent, false);
    childSeen.set(indent - 4, true);
    const directive = / # (SKIP|TODO)\b/i.exec(text);
    if (hadChildren) {
      if (m[1] === 'not ok' && !ownFailureIsSubtests(lines, i)) counts.failed++;
      continue;
    }
    if (directive) counts.skipped++;
    else if (m[1] === 'ok') counts.passed++;
    else counts.failed++;
  }
  return counts;
}

function ownFailureIsSubtests(lines: string[], at: number): boolean {
  for (let j = at + 1; j < Math.min(lines.length, at + 12); j++) {
    const t = (lines[j] ?? '').trim();
    if (t === '...') break;
    if (t.startsWith('failureType:')) return t.includes('subtestsFailed');
  }
  return false;
}

async function runSuite(suite: Suite, files: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const tapFile = join(tmpdir(), `kcl-test-${process.pid}-${suite}.tap`);
  rmSync(tapFile, { force: true });
  const code = await runStep(
    suite,
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=1',
      // A hung test fails after this instead of stalling CI (a test's own { timeout } wins);
      // --test-force-exit ends a file whose leaked handles would keep its process alive.
      `--test-timeout=${process.env.KCL_TEST_TIMEOUT_MS ?? '600000'}`,
      '--test-force-exit',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      ...files,
    ],
    env,
  );
  const counts = existsSync(tapFile)
    ? countTap(readFileSync(tapFile, 'utf8'))
    : { passed: 0, failed: 0, skipped: 0 };
  rmSync(tapFile, { force: true });
  if (code !== 0 && counts.failed === 0) {
    // The runner itself failed (killed, crashed before reporting): never let that read as green.
    say(`${suite}: node --test exited with ${code} without a failed test in its report; counting 1 failure`);
    counts.failed = 1;
  }
  say(`${suite}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}

async function runExtensionSuite(env: NodeJS.ProcessEnv): Promise<void> {
  const logFile = join(tmpdir(), `kcl-test-${process.pid}-extension.log`);
  rmSync(logFile, { force: true });
  // The runner prints its own progress; its last line is `extension: N passed, N failed[, N skipped]`.
  const code = await runStep(
    'extension',
    'bash',
    [
      '-o',
      'pipefail',
      '-c',
      `"${process.execPath}" --import tsx "${EXTENSION_RUNNER}" 2>&1 | tee "${logFile}"`,
    ],
    env,
  );
  const out = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
  rmSync(logFile, { force: true });
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  const m = /^extension: (\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/m.exec(out);
  if (m) {
    counts.passed = Number(m[1]);
    counts.failed = Number(m[2]);
    counts.skipped = Number(m[3] ?? 0);
  }
  if (code !== 0 && counts.failed === 0) {
    say(`extension: the runner exited with ${code} without a failed test in its report; counting 1 failure`);
    counts.failed = 1;
  }
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}

function finish(): never {
  const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : '';
  process.stdout.write(`${total.passed} passed, ${total.failed} failed${skipped}\n`);
  process.exit(total.failed > 0 || interrupted ? 1 : 0);
}

async function main(): Promise<void> {
  const { suites, files, lint, typecheck } = parseArgs(process.argv.slice(2));
  const onSignal = (sig: NodeJS.Signals): void => {
    if (interrupted) return;
    interrupted = true;
    say(`${sig}: stopping the running tests, then the cluster`);
    if (current?.pid !== undefined) killGroup(current.pid, 'SIGTERM');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const bin = (name: string): string => join(ROOT, 'node_modules', '.bin', name);
  if (
    typecheck &&
    ((await runStep('typecheck', bin('tsc'), ['-b'])) !== 0 ||
      (await runStep('typecheck', bin('tsc'), ['-p', 'test/extension', '--noEmit'])) !== 0)
  ) {
    say('typecheck failed: no tests were run (use --no-typecheck to skip while iterating)');
    total.failed++;
    finish();
  }
  if (lint && !interrupted && (await runStep('lint', bin('eslint'), ['.'])) !== 0) {
    say('lint failed: no tests were run (use --no-lint to skip while iterating)');
    total.failed++;
    finish();
  }

  const plan = SUITES.map((s) => {
    const explicit = files.get(s);
    const found =
      s === 'extension'
        ? existsSync(EXTENSION_RUNNER)
          ? [EXTENSION_RUNNER]
          : []
        : findTestFiles(join(ROOT, 'test', s));
    return { suite: s, files: explicit ?? (suites.has(s) ? found : []) };
  }).filter((p) => suites.has(p.suite) || files.has(p.suite));
  for (const p of plan) if (p.files.length === 0) say(`${p.suite}: no test files`);

  // A test that starts its own lab stays on the local provider unless it names one (lab-docker does).
  process.env.KCL_LAB_PROVIDER ??= 'local';
  // Suites without services first: plain Node unit tests, then webview tests in headless Chromium.
  for (const p of plan.filter((s) => !CLUSTER_SUITES.includes(s.suite) && s.files.length > 0)) {
    if (!interrupted) await runSuite(p.suite, p.files, process.env);
  }

  const needCluster = plan.filter((p) => CLUSTER_SUITES.includes(p.suite) && p.files.length > 0);
  if (needCluster.length === 0 || interrupted) finish();
  // What ships is the bundle (its produce path is patched at build time, docs/architecture.md): the
  // runtime that integration and compat tests start is that bundle, built from this checkout now.
  if (process.env.KCL_RUNTIME_BUNDLE !== '0' && needCluster.some((p) => p.suite !== 'extension')) {
    const built = await runStep('build', process.execPath, ['esbuild.mjs', '--quiet']);
    if (built !== 0) {
      say(`build: esbuild.mjs exited with ${built}; the runtime bundle is not current`);
      total.failed++;
      finish();
    }
    process.env.KCL_RUNTIME_BUNDLE = '1';
  }

  const stateDir = mkdtempSync(join(tmpdir(), 'kcl-test-cluster-'));
  // mkdtemp makes it 0700; PostgreSQL (run as the postgres user when we are root) must reach its data inside.
  chmodSync(stateDir, 0o755);
  const withConnect = process.env.KCL_TEST_CONNECT === '1';
  const progress = (line: string): void => say(`cluster: ${line}`);
  try {
    say(`cluster: starting a fresh local cluster in ${stateDir}`);
    const started = Date.now();
    const status = await up({
      stateDir,
      provider: 'local',
      connect: withConnect,
      onProgress: progress,
    }).catch((e: unknown) => {
      const why = isLabError(e) ? e.describe() : e instanceof Error ? (e.stack ?? e.message) : String(e);
      say(
        `cluster: could not start, so ${needCluster.map((p) => p.suite).join(' and ')} did not run:\n${why}`,
      );
      total.failed++;
      return undefined;
    });
    if (status) say(`cluster: ready in ${Date.now() - started} ms`);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      KCL_BOOTSTRAP_SERVERS: status?.kafka.bootstrapServers ?? '',
      KCL_POSTGRES_URL: status?.postgres.url ?? '',
      KCL_LAB_STATE_DIR: stateDir,
      // kafkajs 2 warns about its default partitioner on every producer; tests do not care.
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      ...(status?.connect.url ? { KCL_CONNECT_URL: status.connect.url } : {}),
    };
    for (const p of needCluster) {
      if (interrupted || !status) break;
      if (p.suite === 'extension') await runExtensionSuite(env);
      else await runSuite(p.suite, p.files, env);
    }
  } finally {
    say('cluster: stopping');
    try {
      await down({ stateDir, purge: true, onProgress: progress });
    } catch (e) {
      say(`cluster: down failed: ${e instanceof Error ? e.message : String(e)}`);
      total.failed++;
    }
    if (existsSync(stateDir) && statSync(stateDir).isDirectory())
      rmSync(stateDir, { recursive: true, force: true });
  }
  finish();
}

if (require.main === module) {
  main().catch((e: unknown) => {
    say(`launcher failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  });
}
