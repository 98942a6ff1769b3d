/**
 * The `extension` suite: the extension in a real VS Code (code-server + Chromium, headless)
 * against a real Kafka Connect cluster.
 *
 *   node --import tsx test/extension/run.ts
 *
 * Connect target: KCL_EXT_CONNECT_URL when set (any Connect cluster: our runtime or a real one);
 * otherwise the real Kafka Connect 4.4.0 worker (test/support/real-connect.ts) on the broker at
 * KCL_BOOTSTRAP_SERVERS (default 127.0.0.1:19092). Screenshots and logs go to test-results/extension/.
 * Prints "N passed, N failed" last; exit code 1 on any failure.
 */
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeServer } from '../support/code-server';
import {
  ensureTools,
  interestingLogLine,
  openWorkbench,
  startCodeServer,
  workbenchUrl,
} from '../support/code-server';
import type { RealConnectWorker } from '../support/real-connect';
import { freePort, startRealConnect } from '../support/real-connect';
import { OUT_DIR, REPO_ROOT, buildExtensionTests } from './build';
import type { ExtensionTestResult } from './index';
import type { TestManifest } from './helpers';
import { httpsListenerProperties, makeTlsMaterial } from './tls-material';
import { runLessonsUi } from './lessons-ui.test-driver';
import { runRecordsE2e } from './records-e2e.test-driver';
import { runUiChecks } from './ui.test-driver';
import { prepareWorkspace } from './workspace';

export interface ExtensionSuiteOptions {
  /** A running Connect cluster; when absent the real Connect worker is started (and stopped). */
  connectUrl?: string;
  bootstrapServers?: string;
  resultsDir?: string;
  /** Skip the Playwright UI checks (mocha suites only). */
  skipUi?: boolean;
  /**
   * Let the suite start/stop the local lab by command. With KCL_LAB_STATE_DIR set (the launcher's
   * cluster) it reuses that cluster and never stops it; otherwise it gets a fresh state dir and
   * stops everything at the end. Default: on unless KCL_EXT_LAB=0.
   */
  lab?: boolean;
  log?: (line: string) => void;
}

export interface ExtensionSuiteResult {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
  resultsDir: string;
}

// Generous: the in-host mocha run (all suites, lessons included) takes 10+ min on a loaded 2-CPU machine.
const RUN_TIMEOUT_MS = 30 * 60_000;

export async function runExtensionSuite(opts: ExtensionSuiteOptions = {}): Promise<ExtensionSuiteResult> {
  const resultsDir = opts.resultsDir ?? join(REPO_ROOT, 'test-results', 'extension');
  mkdirSync(resultsDir, { recursive: true });
  const print = opts.log ?? ((line: string) => process.stdout.write(line + '\n'));
  const fullLog = createWriteStream(join(resultsDir, 'workbench.log'));
  const log = (line: string) => {
    if (!fullLog.writableEnded) fullLog.write(line + '\n');
    if (interestingLogLine(line)) print(line);
  };
  const tools = await ensureTools();
  await buildExtensionTests();

  const work = mkdtempSync(join(tmpdir(), 'kcl-ext-test-'));
  let worker: RealConnectWorker | undefined;
  let server: CodeServer | undefined;
  let labStateDir: string | undefined;
  let labOwned = false;
  let tls: TestManifest['tls'];
  const result: ExtensionSuiteResult = { passed: 0, failed: 0, pending: 0, failures: [], resultsDir };
  try {
    let connectUrl = opts.connectUrl ?? process.env.KCL_EXT_CONNECT_URL;
    if (!connectUrl) {
      log('extension suite: starting the real Kafka Connect 4.4.0 worker (http + https with client auth)');
      const restPort = await freePort();
      const httpsPort = await freePort();
      const material = makeTlsMaterial(join(work, 'tls'));
      worker = await startRealConnect({
        bootstrapServers: opts.bootstrapServers ?? process.env.KCL_BOOTSTRAP_SERVERS ?? '127.0.0.1:19092',
        jvmProfile: 'fast',
        workDir: join(work, 'connect'),
        restPort,
        workerProperties: httpsListenerProperties(`http://127.0.0.1:${restPort}`, httpsPort, material),
      });
      connectUrl = worker.url;
      tls = {
        url: `https://127.0.0.1:${httpsPort}`,
        ca: material.ca,
        cert: material.cert,
        key: material.key,
      };
    }
    const suffix = randomBytes(4).toString('hex');
    const ws = join(work, 'ws');
    // freePort() closes its probe socket, so nothing listens there afterwards.
    const manifest = prepareWorkspace(ws, connectUrl, suffix, `http://127.0.0.1:${await freePort()}`);
    if (tls) manifest.tls = tls;
    writeFileSync(join(ws, '.kcl-test.json'), JSON.stringify(manifest, null, 2));
    const env: NodeJS.ProcessEnv = {};
    if (opts.lab ?? process.env.KCL_EXT_LAB !== '0') {
      // test/run.ts exports its cluster's state dir as KCL_LAB_STATE_DIR.
      const shared = process.env.KCL_LAB_STATE_DIR ?? process.env.KCL_STATE_DIR;
      labStateDir = shared ?? join(work, 'lab-state');
      labOwned = shared === undefined;
      env.KCL_STATE_DIR = labStateDir;
      // With the shared cluster, the Stop Local Cluster test starts and stops a lab of its own here.
      manifest.lab = { stateDir: labStateDir, owned: labOwned, ownStateDir: join(work, 'own-lab') };
      writeFileSync(join(ws, '.kcl-test.json'), JSON.stringify(manifest, null, 2));
    }
    const resultsFile = join(work, 'mocha-results.json');
    server = await startCodeServer(tools, {
      workDir: join(work, 'code-server'),
      port: await freePort(),
      env: { ...env, KCL_EXT_RESULTS: resultsFile },
    });
    log(`extension suite: code-server at ${server.url}, Connect at ${connectUrl}`);

    // 1. mocha suites inside the extension host
    const wb = await openWorkbench(workbenchUrl(server, ws, REPO_ROOT, join(OUT_DIR, 'index.js')), log);
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      wb.exitCode,
      new Promise<number>((r) => (timer = setTimeout(() => r(-1), RUN_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    await wb.page.screenshot({ path: join(resultsDir, 'extension-host-run.png') }).catch(() => undefined);
    await wb.close();
    if (existsSync(resultsFile)) {
      const r = JSON.parse(readFileSync(resultsFile, 'utf8')) as ExtensionTestResult;
      result.passed += r.passed;
      result.failed += r.failed;
      result.pending += r.pending;
      result.failures.push(...r.failures);
    } else {
      result.failed++;
      result.failures.push({
        title: 'extension host test run',
        error:
          code === -1
            ? `no result within ${RUN_TIMEOUT_MS / 60000} min`
            : `the run ended with code ${code} and wrote no results`,
      });
    }

    // 2. UI checks with Playwright (a connector must exist for the tree and the CodeLens)
    if (!opts.skipUi) {
      const body = JSON.parse(readFileSync(manifest.files.source, 'utf8')) as {
        name: string;
        config: Record<string, string>;
      };
      const res = await fetch(`${connectUrl}/connectors/${encodeURIComponent(body.name)}/config`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...body.config, name: body.name }),
      });
      if (!res.ok)
        throw new Error(`could not create the UI test connector: HTTP ${res.status} ${await res.text()}`);
      await waitRunning(connectUrl, body.name);
      const checks = await runUiChecks({
        server,
        workspace: ws,
        extensionPath: REPO_ROOT,
        manifest,
        resultsDir,
        log,
      });
      // The Records webview end to end needs the local lab (our runtime runs Debezium).
      if (labStateDir)
        checks.push(
          ...(await runRecordsE2e({
            server,
            workspace: ws,
            extensionPath: REPO_ROOT,
            stateDir: labStateDir,
            log,
          })),
        );
      else log('extension suite: records e2e not run: it needs the local lab (KCL_EXT_LAB=0)');
      for (const c of checks) {
        log(`  ${c.error ? '✗' : '✓'} UI: ${c.name}${c.error ? `\n      ${c.error}` : ''}`);
        if (c.error) {
          result.failed++;
          result.failures.push({ title: `UI: ${c.name}`, error: c.error });
        } else result.passed++;
      }
      await fetch(`${connectUrl}/connectors/${encodeURIComponent(body.name)}`, { method: 'DELETE' }).catch(
        () => undefined,
      );
      // Exercise 1 of the lesson clicked through in the Lessons view (needs the lab).
      if (manifest.lab && process.env.KCL_EXT_LESSONS_UI !== '0') {
        const lessons = await runLessonsUi({
          server,
          workspace: ws,
          extensionPath: REPO_ROOT,
          resultsDir,
          log,
        });
        for (const c of lessons) {
          log(`  ${c.error ? '✗' : '✓'} UI: ${c.name}${c.error ? `\n      ${c.error}` : ''}`);
          if (c.error) {
            result.failed++;
            result.failures.push({ title: `UI: ${c.name}`, error: c.error });
          } else result.passed++;
        }
      }
    }
  } finally {
    if (server) {
      copyFileSync(server.logFile, join(resultsDir, 'code-server.log'));
      await server.stop();
    }
    if (worker) {
      copyFileSync(worker.logFile, join(resultsDir, 'real-connect.log'));
      await worker.stop();
    }
    // Whatever the suite left running in its own state dirs (a failed or killed test may skip the stop).
    for (const dir of [labOwned ? labStateDir : undefined, join(work, 'own-lab')]) {
      if (!dir || !existsSync(join(dir, 'lab-state.json'))) continue;
      const lab = await import('../../runtime/lab/index.js');
      await lab.down({ stateDir: dir }).catch((err: unknown) => log(`lab down: ${String(err)}`));
    }
    if (result.failed === 0) rmSync(work, { recursive: true, force: true });
    else log(`extension suite: work dir kept for inspection: ${work}`);
    fullLog.end();
  }
  return result;
}

async function waitRunning(url: string, name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${url}/connectors/${encodeURIComponent(name)}/status`);
    if (res.ok) {
      const s = (await res.json()) as { connector: { state: string }; tasks: { state: string }[] };
      if (
        s.connector.state === 'RUNNING' &&
        s.tasks.length > 0 &&
        s.tasks.every((t) => t.state === 'RUNNING')
      )
        return;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`connector ${name} did not reach RUNNING`);
}

if (require.main === module) {
  runExtensionSuite({ skipUi: process.env.KCL_EXT_SKIP_UI === '1' }).then(
    (r) => {
      for (const f of r.failures) process.stdout.write(`\nFAILED ${f.title}\n${f.error}\n`);
      process.stdout.write(
        `\nextension: ${r.passed} passed, ${r.failed} failed${r.pending ? `, ${r.pending} skipped` : ''}\n`,
      );
      process.exitCode = r.failed > 0 ? 1 : 0;
    },
    (err: unknown) => {
      process.stderr.write(
        `extension suite could not run: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
      process.stdout.write('\nextension: 0 passed, 1 failed\n');
      process.exitCode = 1;
    },
  );
}
