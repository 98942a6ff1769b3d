import { LabError } from './errors';
import { LocalProvider } from './local/provider';
import type { ClusterStatus, ProgressSink, ProviderName, ServiceName } from './types';

/** What every provider gets: where its state lives and how to talk to the user. */
export interface ProviderContext {
  stateDir: string;
  env: NodeJS.ProcessEnv;
  progress: ProgressSink;
}

/** One way of running the dev cluster (local processes now; Docker and external later). */
export interface ClusterProvider {
  readonly name: ProviderName;
  up(ctx: ProviderContext, opts: { connect: boolean; readyTimeoutMs: number }): Promise<ClusterStatus>;
  down(ctx: ProviderContext, opts: { purge: boolean }): Promise<void>;
  status(ctx: ProviderContext): Promise<ClusterStatus>;
  logFile(ctx: ProviderContext, service: ServiceName): string;
}

/** Issue that delivers the providers not built yet. */
const LATER: Record<Exclude<ProviderName, 'local'>, string> = {
  docker: 'issue 6 (Dev cluster through Docker)',
  external: 'issue 6 (external clusters)',
};

export function createProvider(name: ProviderName): ClusterProvider {
  if (name === 'local') return new LocalProvider();
  throw new LabError(
    'PROVIDER_NOT_AVAILABLE',
    `The ${name} provider is not available yet; it comes with ${LATER[name]}.`,
    'Use the local provider: lab up --provider local (the default).',
  );
}
