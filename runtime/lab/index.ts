/**
 * The `lab` dev cluster as a library: the CLI (runtime/lab/cli.ts), the test launcher
 * (test/run.ts), the benchmarks and the VS Code extension all call these functions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LabError } from './errors';
import { defaultStateDir } from './paths';
import { createProvider } from './provider';
import type { ProviderContext } from './provider';
import { inspectStateDir } from './state-dir';
import { withStateLock } from './state-lock';

/** How long up/down wait for another lab command on the same state dir (a cold up takes < 1 min). */
const LOCK_WAIT_MS = 180_000;
import type {
  ClusterStatus,
  CommonOptions,
  DownOptions,
  LogsOptions,
  ProviderName,
  ServiceName,
  StatusOptions,
  UpOptions,
} from './types';

export { LabError, LAB_ERROR_CODES, isLabError } from './errors';
export type { LabErrorCode } from './errors';
export { defaultStateDir } from './paths';
export { PROVIDER_NAMES, SERVICE_NAMES } from './types';
export type {
  ClusterStatus,
  CommonOptions,
  DownOptions,
  LogsOptions,
  ProgressSink,
  ProviderName,
  ServiceName,
  ServiceState,
  StatusOptions,
  UpOptions,
} from './types';
export type { ClusterProvider, ProviderContext } from './provider';

function context(opts: CommonOptions): ProviderContext {
  const env = opts.env ?? process.env;
  return {
    stateDir: resolve(opts.stateDir ?? defaultStateDir(env)),
    env,
    progress: opts.onProgress ?? (() => undefined),
  };
}

/** The provider a state dir was created with (local when there is none yet). */
function providerOf(ctx: ProviderContext): ProviderName {
  const found = inspectStateDir(ctx.stateDir);
  return found.kind === 'ours' ? found.state.provider : 'local';
}

/**
 * Starts the cluster (or reuses the running one: same ports, same data) and resolves once
 * every service answers its protocol. The processes outlive the caller; stop them with down().
 */
export async function up(opts: UpOptions = {}): Promise<ClusterStatus> {
  const ctx = context(opts);
  const provider = createProvider(opts.provider ?? 'local');
  // Refuse foreign/corrupt dirs before the lock writes anything into them.
  inspectStateDir(ctx.stateDir);
  return withStateLock(ctx.stateDir, ctx.progress, LOCK_WAIT_MS, () =>
    provider.up(ctx, { connect: opts.connect ?? true, readyTimeoutMs: opts.readyTimeoutMs ?? 90_000 }),
  );
}

/** Stops exactly the processes up() started; `purge` also deletes the data. */
export async function down(opts: DownOptions = {}): Promise<void> {
  const ctx = context(opts);
  const provider = createProvider(providerOf(ctx));
  if (!existsSync(ctx.stateDir)) {
    ctx.progress(`lab: no cluster in ${ctx.stateDir}`);
    return;
  }
  await withStateLock(ctx.stateDir, ctx.progress, LOCK_WAIT_MS, () =>
    provider.down(ctx, { purge: opts.purge ?? false }),
  );
}

/** Each service's address and state, checked with a real protocol call. */
export async function status(opts: StatusOptions = {}): Promise<ClusterStatus> {
  const ctx = context(opts);
  return createProvider(providerOf(ctx)).status(ctx);
}

/** Path of a service's log file in the state dir (it may not exist yet). */
export function logPath(service: ServiceName, opts: LogsOptions = {}): string {
  const ctx = context(opts);
  return createProvider(providerOf(ctx)).logFile(ctx, service);
}

/** The whole log of one service. */
export function logs(service: ServiceName, opts: LogsOptions = {}): Promise<string> {
  const file = logPath(service, opts);
  try {
    return Promise.resolve(readFileSync(file, 'utf8'));
  } catch {
    return Promise.reject(
      new LabError(
        'NO_LOG',
        `There is no ${service} log yet (${file}).`,
        service === 'connect'
          ? 'Start the cluster with the runtime: lab up'
          : 'Start the cluster first: lab up --detach',
      ),
    );
  }
}
