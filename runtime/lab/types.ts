/** Public types of the `lab` module (shared by the CLI, the test launcher and the extension). */

export const PROVIDER_NAMES = ['local', 'docker', 'external'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export const SERVICE_NAMES = ['kafka', 'postgres', 'connect', 'search'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/**
 * - running: our process is alive and answers its protocol
 * - unresponsive: our process is alive but does not answer (starting, or stuck)
 * - stopped: configured in the state dir, not running
 * - absent: not configured (no cluster in this state dir, or no connect runtime in this build)
 */
export type ServiceState = 'running' | 'unresponsive' | 'stopped' | 'absent';

export interface ClusterStatus {
  kafka: { bootstrapServers: string | null; state: ServiceState };
  postgres: { url: string | null; state: ServiceState };
  /** `urls`: every Connect REST URL of an external cluster (`url` is the first). */
  connect: { url: string | null; state: ServiceState; urls?: string[] };
  /** The search engine (`up --search`; local: OpenSearch 2.19, docker: Elasticsearch 7.17); absent when not offered. */
  search?: { url: string | null; state: ServiceState };
}

/** An existing cluster for the external provider. */
export interface ExternalClusterOptions {
  bootstrapServers: string;
  /** One or more Connect REST base URLs (http or https). */
  connectUrls?: string[];
  postgresUrl?: string;
  /** Basic auth for the Connect REST URLs. */
  connectUsername?: string;
  connectPassword?: string;
}

/** Receives one human-readable progress line at a time (the CLI writes them to stderr). */
export type ProgressSink = (line: string) => void;

export interface CommonOptions {
  /** Defaults to $KCL_STATE_DIR, then ~/.local/state/kafka-connect-lab/default. */
  stateDir?: string;
  onProgress?: ProgressSink;
  /** Environment used to find java, mvn, PostgreSQL, KAFKA_HOME (defaults to process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface UpOptions extends CommonOptions {
  /**
   * Default: the provider of an existing state dir, else docker when a Docker engine answers,
   * else local.
   */
  provider?: ProviderName;
  /** Docker provider images (defaults apache/kafka:4.4.0, postgres:17; env KCL_DOCKER_*_IMAGE). */
  kafkaImage?: string;
  postgresImage?: string;
  /** Docker provider with `search`: the search engine's image (default Elasticsearch 7.17; env KCL_DOCKER_SEARCH_IMAGE). */
  searchImage?: string;
  /** External provider: the cluster's addresses (required with provider 'external'). */
  external?: ExternalClusterOptions;
  /** Start the Connect runtime too when this build has one (default true). */
  connect?: boolean;
  /** Start the search engine too (local: OpenSearch 2.19, docker: an Elasticsearch 7.17 container; default false). */
  search?: boolean;
  /** Upper bound for each service to become ready (default 90 s). */
  readyTimeoutMs?: number;
}

export interface DownOptions extends CommonOptions {
  /** Also delete the state dir (topics, tables, offsets): the next `up` starts empty. */
  purge?: boolean;
}

export type StatusOptions = CommonOptions;
export type LogsOptions = CommonOptions;
