import type { ConnectState, ConnectorStateInfo } from '../../protocol/connect-rest/entities';

/** One word for a connector and its tasks together, for icons, sorting and the CodeLens. */
export type Health = 'failed' | 'degraded' | 'restarting' | 'running' | 'paused' | 'stopped' | 'unassigned';

export interface HealthSummary {
  health: Health;
  state: ConnectState;
  runningTasks: number;
  totalTasks: number;
  failedTasks: number;
  /** e.g. "RUNNING · 2/2 tasks", "FAILED · 0/1 tasks (1 failed)" */
  label: string;
}

export function rollUp(status: ConnectorStateInfo): HealthSummary {
  const state = status.connector.state;
  const totalTasks = status.tasks.length;
  const runningTasks = status.tasks.filter((t) => t.state === 'RUNNING').length;
  const failedTasks = status.tasks.filter((t) => t.state === 'FAILED').length;
  const anyRestarting = state === 'RESTARTING' || status.tasks.some((t) => t.state === 'RESTARTING');
  let health: Health;
  if (state === 'FAILED') health = 'failed';
  else if (anyRestarting) health = 'restarting';
  else if (state === 'PAUSED') health = 'paused';
  else if (state === 'STOPPED') health = 'stopped';
  else if (state === 'UNASSIGNED') health = 'unassigned';
  else if (failedTasks > 0 && failedTasks === totalTasks) health = 'failed';
  else if (failedTasks > 0 || status.tasks.some((t) => t.state === 'UNASSIGNED')) health = 'degraded';
  else health = 'running';
  const failedNote = failedTasks > 0 ? ` (${failedTasks} failed)` : '';
  const label = `${state} · ${runningTasks}/${totalTasks} task${totalTasks === 1 ? '' : 's'}${failedNote}`;
  return { health, state, runningTasks, totalTasks, failedTasks, label };
}

const ORDER: Record<Health, number> = {
  failed: 0,
  degraded: 1,
  restarting: 2,
  unassigned: 3,
  paused: 4,
  stopped: 5,
  running: 6,
};

/** Failed first, then degraded and transitional, healthy last; by name within a group. */
export function compareByHealth(
  a: { name: string; health: Health },
  b: { name: string; health: Health },
): number {
  return ORDER[a.health] - ORDER[b.health] || a.name.localeCompare(b.name);
}

/** Cluster-wide roll-up shown on the cluster node. */
export function clusterSummary(healths: Health[]): string {
  if (healths.length === 0) return 'no connectors';
  const failed = healths.filter((h) => h === 'failed' || h === 'degraded').length;
  const running = healths.filter((h) => h === 'running').length;
  const parts = [`${healths.length} connector${healths.length === 1 ? '' : 's'}`, `${running} running`];
  if (failed > 0) parts.push(`${failed} failing`);
  return parts.join(' · ');
}

/** The first line of a Java stack trace, used in tooltips (the full trace opens in an editor). */
export function traceHeadline(trace: string | undefined): string | undefined {
  if (!trace) return undefined;
  return trace.split('\n', 1)[0]?.trim();
}
