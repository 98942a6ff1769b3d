/**
 * The `lab` dev cluster as a library: the CLI (runtime/lab/cli.ts), the test launcher
 * (test/run.ts), the benchmarks and the VS Code extension all call these functions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LabError } from './errors';
import { defaultStateDir } from './paths';
import { engineAnswers } from './docker/engine';
import { createProvider } from './provider';
import type { ProviderContext, ProviderUpOptions } from './provider';
import { inspectStateDir } from './state-dir';
import { PROVIDER_NAMES } from './types';
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
  ExternalClusterOptions,
  DownOptions,
  LogsOptions,
  ProgressSink,
  ProviderName,
  ServiceName,
  ServiceState,
  StatusOptions,
  UpOptions,
} from './types';
export type { ClusterProvider, ProviderContext, ProviderUpOptions } from './provider';

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
 * The provider `up` uses when none is named: the state dir's own, else $KCL_LAB_PROVIDER, else
 * docker when a Docker engine answers (DOCKER_HOST or a default socket), else local.
 */
export async function defaultProvider(opts: UpOptions = {}): Promise<ProviderName> {
  const ctx = context(opts);
  const found = inspectStateDir(ctx.stateDir);
  if (found.kind === 'ours') return found.state.provider;
  if (opts.external) return 'external';
  const forced = ctx.env.KCL_LAB_PROVIDER;
  if (forced !== undefined && forced !== '') {
    if (!(PROVIDER_NAMES as readonly string[]).includes(forced)) {
      throw new LabError(
        'USAGE',
        `KCL_LAB_PROVIDER=${forced} is not a provider. Providers: ${PROVIDER_NAMES.join(', ')}.`,
        'Set KCL_LAB_PROVIDER to local, docker or external, or unset it.',
      );
    }
    return forced as ProviderName;
  }
  return (await engineAnswers(ctx.env)) ? 'docker' : 'local';
}

/**
 * Starts the cluster (or reuses the running one: same ports, same data) and resolves once
 * every service answers its protocol. The processes outlive the caller; stop them with down().
 */
export async function up(opts: UpOptions = {}): Promise<ClusterStatus> {
  const ctx = context(opts);
  // Refuse foreign/corrupt dirs before the lock writes anything into them.
  inspectStateDir(ctx.stateDir);
  const name = opts.provider ?? (await defaultProvider(opts));
  const provider = createProvider(name);
  const upOpts: ProviderUpOptions = {
    connect: opts.connect ?? true,
    search: opts.search ?? false,
    readyTimeoutMs: opts.readyTimeoutMs ?? 90_000,
    ...(opts.kafkaImage !== undefined ? { kafkaImage: opts.kafkaImage } : {}),
    ...(opts.postgresImage !== undefined ? { postgresImage: opts.postgresImage } : {}),
    ...(opts.searchImage !== undefined ? { searchImage: opts.searchImage } : {}),
    ...(opts.external !== undefined ? { external: opts.external } : {}),
  };
  // Bad options or an absent engine fail before anything is written.
  if (provider.precheck) await provider.precheck(ctx, upOpts);
  return withStateLock(ctx.stateDir, ctx.progress, LOCK_WAIT_MS, () => provider.up(ctx, upOpts));
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

/** The whole log of one service (a container's output with the docker provider). */
export async function logs(service: ServiceName, opts: LogsOptions = {}): Promise<string> {
  const ctx = context(opts);
  const provider = createProvider(providerOf(ctx));
  const live = provider.logs ? await provider.logs(ctx, service) : undefined;
  if (live !== undefined) return live;
  const file = provider.logFile(ctx, service);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new LabError(
      'NO_LOG',
      `There is no ${service} log yet (${file}).`,
      service === 'connect'
        ? 'Start the cluster with the runtime: lab up'
        : 'Start the cluster first: lab up --detach',
    );
  }
}
