import type { ClusterStatus } from '../../runtime/lab/types';

export type LocalState = 'stopped' | 'starting' | 'running' | 'stopping' | 'degraded' | 'unavailable';

/**
 * The extension's view of the `lab` module (runtime/lab). The runtime and the broker always run as
 * child processes started by it; the extension host never runs a connector.
 */
export interface LocalClusterProvider {
  /** `search`: the search engine too (`lab up --search`). */
  up(opts: { onProgress: (line: string) => void; search?: boolean }): Promise<ClusterStatus>;
  down(opts: { onProgress: (line: string) => void }): Promise<void>;
  status(): Promise<ClusterStatus>;
}

/** The lab's Kafka bootstrap servers while its broker answers, else undefined. */
export function runningBootstrapServers(status: ClusterStatus): string | undefined {
  return status.kafka.state === 'running' ? (status.kafka.bootstrapServers ?? undefined) : undefined;
}

/** Roll the lab's three services up into the one state the status bar and tree show. */
export function localStateOf(status: ClusterStatus): LocalState {
  const states = [status.kafka.state, status.connect.state];
  if (states.every((s) => s === 'running')) return 'running';
  if (states.every((s) => s === 'stopped' || s === 'absent')) return 'stopped';
  if (status.connect.state === 'unresponsive' || status.kafka.state === 'unresponsive') return 'starting';
  return 'degraded';
}
