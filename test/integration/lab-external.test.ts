/**
 * The external provider against the launcher's cluster (real Kafka, real PostgreSQL) and our real
 * runtime, once directly and once behind a reverse proxy that demands basic auth (as a Connect
 * cluster behind nginx would): up checks every address, status checks them again, down forgets
 * them and stops nothing; unreachable or wrong addresses get a clear error and nothing is saved.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { kafkaAnswers } from '../../runtime/lab/local/kafka';
import { down, isLabError, status, up } from '../../runtime/lab/index';
import type { LabErrorCode } from '../../runtime/lab/index';
import { basicAuthProxy } from '../support/basic-auth-proxy';
import { testCluster } from '../support/cluster';
import { freeTcpPort, startRuntimeProcess } from '../support/runtime-process';
import type { RuntimeProcess } from '../support/runtime-process';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'runtime', 'lab', 'cli.ts');
const USER = 'lab-admin';
const PASSWORD = 'pa55-w0rd-for-test';
const root = mkdtempSync(join(tmpdir(), 'kcl-lab-external-'));
let n = 0;
const freshDir = (): string => join(root, `s${n++}`);
const env = { ...process.env };
delete env.KCL_STATE_DIR;

let runtime: RuntimeProcess | undefined;
let connectUrl = '';
let proxy: Server | undefined;
let proxyUrl = '';

/** The basic-auth proxy in front of `target`, with this test's user and password. */
function authProxy(target: string): Promise<{ server: Server; url: string }> {
  return basicAuthProxy(target, USER, PASSWORD);
}

/** The CLI, asynchronously: the auth proxy lives in this process and must keep answering. */
function lab(
  args: string[],
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: ROOT,
      env: { ...env, ...extraEnv },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', rej);
    child.on('close', (code) => {
      clearTimeout(timer);
      res({ code, stdout, stderr });
    });
  });
}

async function expectLabError(p: Promise<unknown>, code: LabErrorCode, message: RegExp): Promise<string> {
  try {
    await p;
  } catch (e) {
    assert.ok(isLabError(e), `expected a LabError, got ${String(e)}`);
    assert.equal(e.code, code, e.describe());
    assert.match(e.message, message);
    return e.describe();
  }
  assert.fail(`expected ${code}`);
}

void describe('lab --provider external', { concurrency: false }, () => {
  const cluster = testCluster();

  before(async () => {
    if (process.env.KCL_CONNECT_URL) connectUrl = process.env.KCL_CONNECT_URL;
    else {
      runtime = await startRuntimeProcess({ bootstrapServers: cluster.bootstrapServers });
      connectUrl = runtime.url;
    }
    const p = await authProxy(connectUrl);
    proxy = p.server;
    proxyUrl = p.url;
  });

  after(async () => {
    proxy?.close();
    await runtime?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  void it('up checks Kafka, two Connect URLs (one with basic auth) and PostgreSQL; status --json', async () => {
    const stateDir = freshDir();
    const s = await up({
      stateDir,
      env,
      provider: 'external',
      external: {
        bootstrapServers: cluster.bootstrapServers,
        connectUrls: [connectUrl, proxyUrl],
        postgresUrl: cluster.postgresUrl,
        connectUsername: USER,
        connectPassword: PASSWORD,
      },
    });
    assert.deepEqual(s, {
      kafka: { bootstrapServers: cluster.bootstrapServers, state: 'running' },
      postgres: { url: cluster.postgresUrl, state: 'running' },
      connect: { url: connectUrl, state: 'running', urls: [connectUrl, proxyUrl] },
    });
    // The password sits only in the state file, readable by its owner alone.
    assert.equal(statSync(join(stateDir, 'lab-state.json')).mode & 0o077, 0);
    const r = await lab(['status', '--json', '--state-dir', stateDir]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), s);
    assert.ok(!r.stdout.includes(PASSWORD) && !r.stderr.includes(PASSWORD));

    // A Connect URL that stops answering shows as unresponsive.
    proxy?.close();
    const later = await status({ stateDir, env });
    assert.equal(later.connect.state, 'unresponsive');
    assert.equal(later.kafka.state, 'running');
    const p = await authProxy(connectUrl);
    proxy = p.server;
    proxyUrl = p.url;

    // down forgets the cluster and stops nothing.
    await down({ stateDir, env });
    assert.equal(existsSync(stateDir), false);
    assert.equal(await kafkaAnswers(cluster.bootstrapServers, 5000), true);
    assert.equal((await fetch(`${connectUrl}/`)).ok, true);
  });

  void it('the CLI: flags, credentials in the URL (taken out of it) or KCL_CONNECT_PASSWORD', async () => {
    const stateDir = freshDir();
    const withAuth = new URL(proxyUrl);
    withAuth.username = USER;
    withAuth.password = PASSWORD;
    const r = await lab([
      'up',
      '--detach',
      '--json',
      '--state-dir',
      stateDir,
      '--bootstrap-servers',
      cluster.bootstrapServers,
      '--connect-url',
      withAuth.toString(),
    ]);
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout) as { connect: { url: string; state: string } };
    assert.equal(s.connect.state, 'running');
    assert.equal(s.connect.url, proxyUrl, 'credentials are taken out of the URL');
    assert.ok(!r.stdout.includes(PASSWORD) && !r.stderr.includes(PASSWORD));
    const state = readFileSync(join(stateDir, 'lab-state.json'), 'utf8');
    assert.match(state, /"username": "lab-admin"/);

    // --connect-user with the password from the environment (never on the command line).
    const r2 = await lab(
      [
        'up',
        '--detach',
        '--json',
        '--state-dir',
        freshDir(),
        '--bootstrap-servers',
        cluster.bootstrapServers,
        '--connect-url',
        proxyUrl,
        '--connect-user',
        USER,
      ],
      { KCL_CONNECT_PASSWORD: PASSWORD },
    );
    assert.equal(r2.code, 0, r2.stderr);
    assert.equal((JSON.parse(r2.stdout) as { connect: { state: string } }).connect.state, 'running');
  });

  void it('basic auth missing or wrong: the HTTP status and what to do; nothing saved', async () => {
    const stateDir = freshDir();
    const base = { bootstrapServers: cluster.bootstrapServers, connectUrls: [proxyUrl] };
    await expectLabError(
      up({ stateDir, env, provider: 'external', external: base }),
      'EXTERNAL_UNREACHABLE',
      /Connect at http:\/\/127\.0\.0\.1:\d+ did not answer GET \/ \(HTTP 401: it needs basic auth/,
    );
    const text = await expectLabError(
      up({
        stateDir,
        env,
        provider: 'external',
        external: { ...base, connectUsername: USER, connectPassword: 'wrong-secret' },
      }),
      'EXTERNAL_UNREACHABLE',
      /HTTP 401: the user or password is wrong/,
    );
    assert.ok(!text.includes('wrong-secret'));
    assert.equal(existsSync(join(stateDir, 'lab-state.json')), false);
  });

  void it('Kafka or PostgreSQL not answering: named in the error (password redacted); nothing saved', async () => {
    const stateDir = freshDir();
    const port = await freeTcpPort();
    await expectLabError(
      up({
        stateDir,
        env,
        provider: 'external',
        external: { bootstrapServers: `127.0.0.1:${port}` },
        readyTimeoutMs: 5000,
      }),
      'EXTERNAL_UNREACHABLE',
      new RegExp(`Kafka at 127\\.0\\.0\\.1:${port} did not answer a metadata request`),
    );
    const badPg = cluster.postgresUrl.replace(/:\/\/([^:]+):([^@]+)@/, '://$1:not-the-password@');
    const text = await expectLabError(
      up({
        stateDir,
        env,
        provider: 'external',
        external: { bootstrapServers: cluster.bootstrapServers, postgresUrl: badPg },
      }),
      'EXTERNAL_UNREACHABLE',
      /PostgreSQL at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres did not answer SELECT 1 \(password authentication failed/,
    );
    assert.ok(!text.includes('not-the-password'));
    assert.equal(existsSync(join(stateDir, 'lab-state.json')), false);
  });
});
