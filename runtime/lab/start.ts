/**
 * `npm start`: the lab in the foreground plus an editor with the extension. Brings the lab up
 * (same output as `lab up`), then opens VS Code with the extension in development mode when `code`
 * is on PATH, else code-server in the browser with the packaged extension installed. Ctrl-C stops
 * code-server and brings the lab down. The build (esbuild) runs before this, from package.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { isLabError } from './errors';
import { defaultStateDir, down, up } from './index';
import { cacheRoot, productRoot } from './paths';
import { pickFreePort } from './ports';
import { formatStatusTable } from './status-table';

const progress = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const REPO = productRoot();
const WORKSPACE = join(homedir(), 'kafka-connect-lab-workspace');

function onPath(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, cmd))) return join(dir, cmd);
  }
  return undefined;
}

/** A folder to open, with the lesson's connector JSON files (created once, never overwritten). */
function ensureWorkspace(): string {
  if (existsSync(WORKSPACE)) return WORKSPACE;
  mkdirSync(WORKSPACE, { recursive: true });
  const src = join(REPO, 'test', 'fixtures', 'lesson-configs');
  for (const f of readdirSync(src)) {
    if (!f.endsWith('.json')) continue;
    copyFileSync(join(src, f), join(WORKSPACE, f.replace(/\.json$/, '.connector.json')));
  }
  progress(`start: created ${WORKSPACE} with the lesson's connector files`);
  return WORKSPACE;
}

/** Runs a command with its output on stderr (stdout stays for results); throws on failure. */
function runStep(what: string, cmd: string, args: string[]): void {
  progress(`start: ${what}`);
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: ['ignore', 2, 2] });
  if (r.status !== 0)
    throw new Error(`${what} failed (${cmd} ${args.join(' ')} exited ${r.status ?? r.signal})`);
}

interface Tools {
  node: string;
  entry: string;
}

/** Node 24 + code-server from test/support/code-server-install.sh (run here if missing). */
function codeServerTools(): Tools {
  const dir = join(cacheRoot(), 'tools');
  const locate = (): Tools | undefined => {
    const node = join(dir, 'node24', 'node_modules', 'node', 'bin', 'node');
    const entry = join(dir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
    return existsSync(join(dir, 'code-server', '.complete')) && existsSync(node) && existsSync(entry)
      ? { node, entry }
      : undefined;
  };
  const found = locate();
  if (found) return found;
  runStep('installing code-server and Node 24 (a few minutes)', 'bash', [
    join(REPO, 'test', 'support', 'code-server-install.sh'),
  ]);
  const tools = locate();
  if (!tools) throw new Error(`code-server is still missing under ${dir} after code-server-install.sh`);
  return tools;
}

async function waitHealthy(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`code-server exited during startup; see ${logFile}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer within 90 s; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * code-server on 127.0.0.1 with the .vsix installed in its own extensions dir under the state dir.
 * auth: none is acceptable only because it listens on loopback (no other machine can reach it).
 */
async function startCodeServer(
  stateDir: string,
  folder: string,
): Promise<{ url: string; child: ChildProcess }> {
  const tools = codeServerTools();
  // What `npm run package` does, plus --no-rewrite-relative-links: vsce refuses the README's
  // relative links without a repository URL, and the packaged README is not what we are after here.
  runStep('building the extension for production', process.execPath, [
    join(REPO, 'esbuild.mjs'),
    '--production',
    '--quiet',
  ]);
  runStep('packaging the extension (dist/kafka-connect-lab.vsix)', process.execPath, [
    join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'),
    'package',
    '--no-dependencies',
    '--allow-missing-repository',
    '--no-rewrite-relative-links',
    '--out',
    join(REPO, 'dist', 'kafka-connect-lab.vsix'),
  ]);
  const base = join(stateDir, 'code-server');
  const extensions = join(base, 'extensions');
  const userData = join(base, 'user-data');
  mkdirSync(extensions, { recursive: true });
  mkdirSync(join(userData, 'User'), { recursive: true });
  const settings = join(userData, 'User', 'settings.json');
  if (!existsSync(settings))
    writeFileSync(
      settings,
      JSON.stringify({ 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off' }),
    );
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
  runStep('installing the extension into code-server', tools.node, [
    tools.entry,
    ...common,
    '--install-extension',
    join(REPO, 'dist', 'kafka-connect-lab.vsix'),
    '--force',
  ]);
  const port = await pickFreePort(new Set());
  const logFile = join(base, 'code-server.log');
  const config = join(base, 'code-server.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\n`);
  const fd = openSync(logFile, 'a');
  const child = spawn(
    tools.node,
    [
      tools.entry,
      '--config',
      config,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      ...common,
    ],
    { stdio: ['ignore', fd, fd] },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, child, logFile).catch((e: unknown) => {
    child.kill('SIGKILL');
    throw e;
  });
  return { url: `${url}/?folder=${encodeURIComponent(folder)}`, child };
}

function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function main(): Promise<number> {
  const stateDir = defaultStateDir();
  let interrupted = false;
  let wake: () => void = () => undefined;
  const stopped = new Promise<void>((r) => (wake = r));
  const onSignal = (sig: NodeJS.Signals): void => {
    if (interrupted) return;
    interrupted = true;
    progress(`start: ${sig} received, stopping`);
    wake();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let codeServer: ChildProcess | undefined;
  // A failed up() cleans up after itself (as with `lab up`); from here on we own the stop.
  const s = await up({ stateDir, onProgress: progress });
  try {
    process.stdout.write(`${formatStatusTable(s)}\n`);
    if (!interrupted) {
      const folder = ensureWorkspace();
      const code = onPath('code');
      if (code) {
        progress('start: opening VS Code with the extension in development mode');
        spawn(code, [`--extensionDevelopmentPath=${REPO}`, folder], {
          stdio: 'ignore',
          detached: true,
        }).unref();
      } else {
        const cs = await startCodeServer(stateDir, folder);
        codeServer = cs.child;
        codeServer.once('exit', (c, sig) => {
          if (!interrupted) progress(`start: code-server exited (${c ?? sig}); the lab keeps running`);
        });
        process.stdout.write(`code-server (extension installed, 127.0.0.1 only, no password): ${cs.url}\n`);
      }
      if (!interrupted) progress('start: running in the foreground; press Ctrl-C to stop everything');
      // A pending promise alone does not keep Node alive (the lab's processes are not our children).
      const keepAlive = setInterval(() => undefined, 1 << 30);
      await stopped;
      clearInterval(keepAlive);
    }
    return 0;
  } finally {
    await stopChild(codeServer);
    await down({ stateDir, onProgress: progress });
  }
}

main().then(
  (code) => setImmediate(() => process.exit(code)),
  (e: unknown) => {
    progress(isLabError(e) ? `lab: ${e.describe()}` : `start: ${e instanceof Error ? e.message : String(e)}`);
    setImmediate(() => process.exit(1));
  },
);
