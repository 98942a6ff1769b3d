/**
 * A real VS Code for the extension tests, offline: code-server (VS Code 1.139 web workbench with a
 * Node extension host) started headless, opened by Playwright in Debian's Chromium. Tools come from
 * test/support/code-server-install.sh (Node 24, code-server, chromium) in ~/.cache/kafka-connect-lab/tools.
 */
import { execFile, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { format, promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

const execFileAsync = promisify(execFile);
const REPO_ROOT = resolve(__dirname, '..', '..');

export interface CodeServerTools {
  node: string;
  entry: string;
}

export const CHROMIUM = process.env.KCL_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function toolsDir(): string {
  const cache = process.env.KCL_CACHE_DIR ?? join(homedir(), '.cache', 'kafka-connect-lab');
  return join(cache, 'tools');
}

export function locateTools(): CodeServerTools | undefined {
  const dir = toolsDir();
  const node = join(dir, 'node24', 'node_modules', 'node', 'bin', 'node');
  const entry = join(dir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(join(dir, 'code-server', '.complete')) || !existsSync(node) || !existsSync(entry))
    return undefined;
  if (!existsSync(CHROMIUM)) return undefined;
  return { node, entry };
}

/** Runs the (idempotent) install script when something is missing. */
export async function ensureTools(): Promise<CodeServerTools> {
  const found = locateTools();
  if (found) return found;
  await execFileAsync('bash', [join(REPO_ROOT, 'test', 'support', 'code-server-install.sh')], {
    maxBuffer: 64 * 1024 * 1024,
    timeout: 20 * 60_000,
  });
  const tools = locateTools();
  if (!tools)
    throw new Error('code-server-install.sh finished but code-server/Node 24/chromium are still missing');
  return tools;
}

export interface CodeServer {
  url: string;
  port: number;
  logFile: string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  workDir: string;
  port: number;
  env?: NodeJS.ProcessEnv;
}

/** Starts code-server on 127.0.0.1 with a fresh user-data and extensions dir under workDir. */
export async function startCodeServer(tools: CodeServerTools, opts: CodeServerOptions): Promise<CodeServer> {
  const userData = join(opts.workDir, 'user-data');
  const extensions = join(opts.workDir, 'extensions');
  mkdirSync(userData, { recursive: true });
  mkdirSync(extensions, { recursive: true });
  // Keep VS Code from opening walkthroughs and asking about trust over the test workspace.
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'telemetry.telemetryLevel': 'off',
      'workbench.tips.enabled': false,
      'update.mode': 'none',
      'chat.disableAIFeatures': true,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    }),
  );
  const config = join(opts.workDir, 'code-server.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${opts.port}\nauth: none\n`);
  const logFile = join(opts.workDir, 'code-server.log');
  const out = createWriteStream(logFile);
  const args = [
    tools.entry,
    '--config',
    config,
    '--bind-addr',
    `127.0.0.1:${opts.port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensions,
    '--vscode-option',
    'enable-smoke-test-driver',
  ];
  const child = spawn(tools.node, args, {
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `http://127.0.0.1:${opts.port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(t);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`code-server exited during startup (code ${child.exitCode}); see ${logFile}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer /healthz within 60 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, port: opts.port, logFile, stop };
}

/** The workbench URL that opens `folder` with the extension in development mode (and tests, if given). */
export function workbenchUrl(
  server: CodeServer,
  folder: string,
  extensionPath: string,
  testsPath?: string,
): string {
  const host = `127.0.0.1:${server.port}`;
  const payload: [string, string][] = [
    ['extensionDevelopmentPath', `vscode-remote://${host}${extensionPath}`],
  ];
  if (testsPath) payload.push(['extensionTestsPath', `vscode-remote://${host}${testsPath}`]);
  return `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

// Workbench chatter that says nothing about our extension (offline marketplace, chat, accounts).
const NOISE = [
  /ChatModelSelection|ChatSessionStore|chat editing session|AgentHost|AccountPolicyGate|open-vsx|authentication provider 'github'/,
  /^\s+at /,
  /^CodeExpectedError$/,
  /Creating a socket|Resolv(ing|ed) connection token|Creation of workbench contribution/,
];

/** True for workbench log lines worth showing on the console (the full log still goes to a file). */
export function interestingLogLine(line: string): boolean {
  const first = line.split('\n', 1)[0] ?? '';
  return !NOISE.some((re) => re.test(first));
}

export interface Workbench {
  browser: Browser;
  page: Page;
  /** Resolves with the exit code the test run reports through codeAutomationExit. */
  exitCode: Promise<number>;
  close(): Promise<void>;
}

export async function openWorkbench(url: string, onLog: (line: string) => void): Promise<Workbench> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let resolveExit: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((r) => (resolveExit = r));
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
    // The workbench forwards console calls as (format, ...values), like console.log.
    const text = format(...(Array.isArray(args) ? args : [args]));
    onLog(type === 'error' ? `[ext-host error] ${text}` : text);
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
  page.on('pageerror', (err) => onLog(`[page error] ${err.message}`));
  try {
    // The workbench can take a while on a busy 2-core machine; the run itself is bounded by the caller.
    await page.goto(url, { timeout: 180_000, waitUntil: 'domcontentloaded' });
  } catch (err) {
    await browser.close();
    throw err;
  }
  return {
    browser,
    page,
    exitCode,
    close: () => browser.close(),
  };
}
