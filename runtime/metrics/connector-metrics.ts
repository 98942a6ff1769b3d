/**
 * The body of GET /kcl/connectors/{name}/metrics: connector-metrics from the herder's view of the
 * connector, then each task's groups from the worker (connector-task-metrics, source- or
 * sink-task-metrics, task-error-metrics). Unknown connector → Connect's 404 message.
 */
import type { ConnectorMetrics, TaskMetricsEntry } from '../../protocol/connect-rest/metrics';
import type { Herder } from '../herder/herder';
import type { TaskMetricGroups } from '../worker/worker';
import { DEFAULT_METRIC_CONFIG } from './sampled-stats';

export type TaskMetricsLookup = (connector: string) => [number, TaskMetricGroups][];

export function connectorMetrics(herder: Herder, tasks: TaskMetricsLookup, name: string): ConnectorMetrics {
  const info = herder.connectorInfo(name);
  let status: string | null = null;
  let version: string | null = null;
  try {
    const s = herder.connectorStatus(name);
    status = s.connector.state.toLowerCase();
    version = s.connector.version ?? null;
  } catch {
    // No status written yet: the connector is still being assigned.
    status = 'unassigned';
  }
  const entries: TaskMetricsEntry[] = tasks(name).map(([id, groups]) => {
    let workerId = '';
    try {
      workerId = herder.taskStatus(name, id).worker_id;
    } catch {
      // not reported yet
    }
    return {
      id,
      worker_id: workerId,
      ...groups.task.snapshot(),
      'task-error-metrics': groups.errors.snapshot(),
    } as TaskMetricsEntry;
  });
  return {
    name,
    type: info.type,
    'metrics.sample.window.ms': DEFAULT_METRIC_CONFIG.windowMs,
    'metrics.num.samples': DEFAULT_METRIC_CONFIG.samples,
    'connector-metrics': {
      'connector-class': info.config['connector.class'] ?? null,
      'connector-type': info.type,
      'connector-version': version,
      status,
    },
    tasks: entries,
  };
}
