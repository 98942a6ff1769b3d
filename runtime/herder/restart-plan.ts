/**
 * RestartPlan (Connect's RestartRequest/RestartPlan): which instances a restart request restarts and
 * the ConnectorStateInfo snapshot returned with 202, where those instances show RESTARTING.
 */
import type { ConnectorStateInfo } from '../../protocol/connect-rest/entities';

export interface RestartRequestFlags {
  onlyFailed: boolean;
  includeTasks: boolean;
}

/** includeTasks=false & onlyFailed=false is the legacy connector-only path answered with 204. */
export function forceRestartConnectorOnly(r: RestartRequestFlags): boolean {
  return !r.onlyFailed && !r.includeTasks;
}

export function shouldRestartConnector(r: RestartRequestFlags, state: string): boolean {
  return !r.onlyFailed || state === 'FAILED';
}

export function shouldRestartTask(r: RestartRequestFlags, state: string): boolean {
  return r.includeTasks && (!r.onlyFailed || state === 'FAILED');
}

export interface RestartPlan {
  restartConnector: boolean;
  taskIds: number[];
  stateInfo: ConnectorStateInfo;
}

/** Connect 4.4 status entries carry the plugin `version` (not yet in protocol's entity types). */
function versionOf(entry: object): { version?: string } {
  const v = (entry as { version?: string }).version;
  return v ? { version: v } : {};
}

export function buildRestartPlan(r: RestartRequestFlags, current: ConnectorStateInfo): RestartPlan {
  const restartConnector = shouldRestartConnector(r, current.connector.state);
  const taskIds: number[] = [];
  const tasks = current.tasks.map((t) => {
    if (!shouldRestartTask(r, t.state)) return t;
    taskIds.push(t.id);
    return { id: t.id, state: 'RESTARTING' as const, worker_id: t.worker_id, ...versionOf(t) };
  });
  const connector = restartConnector
    ? {
        state: 'RESTARTING' as const,
        worker_id: current.connector.worker_id,
        ...versionOf(current.connector),
      }
    : current.connector;
  return {
    restartConnector,
    taskIds,
    stateInfo: { name: current.name, connector, tasks, type: current.type },
  };
}
