import { DockerProvider } from './docker/provider';
import { ExternalProvider } from './external/provider';
import { LocalProvider } from './local/provider';
import type { ClusterStatus, ExternalClusterOptions, ProgressSink, ProviderName, ServiceName } from './types';

/** What every provider gets: where its state lives and how to talk to the user. */
export interface ProviderContext {
  stateDir: string;
  env: NodeJS.ProcessEnv;
  progress: ProgressSink;
}

export interface ProviderUpOptions {
  connect: boolean;
  /** Also the search engine (`up --search`). */
  search?: boolean;
  readyTimeoutMs: number;
  /** Docker provider: images (default apache/kafka:4.4.0 and postgres:17). */
  kafkaImage?: string;
  postgresImage?: string;
  /** Docker provider, with `search`: the search engine's image (default Elasticsearch 7.17). */
  searchImage?: string;
  /** External provider: the addresses of the cluster. */
  external?: ExternalClusterOptions;
}

/** One way of running the dev cluster: local processes, Docker containers, or an external cluster. */
export interface ClusterProvider {
  readonly name: ProviderName;
  /** Checks that need nothing written (engine reachable, options valid): run before the lock. */
  precheck?(ctx: ProviderContext, opts: ProviderUpOptions): Promise<void>;
  up(ctx: ProviderContext, opts: ProviderUpOptions): Promise<ClusterStatus>;
  down(ctx: ProviderContext, opts: { purge: boolean }): Promise<void>;
  status(ctx: ProviderContext): Promise<ClusterStatus>;
  logFile(ctx: ProviderContext, service: ServiceName): string;
  /** A service's log when it is not (only) a file, e.g. a container's output; undefined: use logFile. */
  logs?(ctx: ProviderContext, service: ServiceName): Promise<string | undefined>;
}

export function createProvider(name: ProviderName): ClusterProvider {
  switch (name) {
    case 'local':
      return new LocalProvider();
    case 'docker':
      return new DockerProvider();
    case 'external':
      return new ExternalProvider();
  }
}
