/**
 * Our runtime's metrics endpoint (not part of Kafka Connect's REST API; real Connect answers 404):
 * GET /kcl/connectors/{name}/metrics → the connector's and its tasks' metric groups with the names
 * Connect exposes over JMX (kafka.connect:type=<group>,connector=<name>[,task=<id>]). Rates are
 * per second over Kafka's default window (metrics.num.samples = 2 × metrics.sample.window.ms =
 * 30000); a windowed max/avg with no event in the window is null (JMX shows NaN).
 */

/** The path of a connector's metrics; the `kcl` prefix keeps it clear of Connect's own resources. */
export const METRICS_PATH_PREFIX = '/kcl/connectors';

export function connectorMetricsPath(connector: string): string {
  return `${METRICS_PATH_PREFIX}/${encodeURIComponent(connector)}/metrics`;
}

export type MetricValue = number | string | null;
export type MetricGroupValues = Record<string, MetricValue>;

export interface TaskMetricsEntry {
  id: number;
  worker_id: string;
  /** status, running-ratio, pause-ratio, offset-commit-*-percentage / -time-ms, batch-size-*. */
  'connector-task-metrics': MetricGroupValues;
  /** source-record-poll-rate/-total, source-record-write-rate/-total, poll-batch-*-time-ms, … */
  'source-task-metrics'?: MetricGroupValues;
  /** sink-record-read-rate/-total, sink-record-send-rate/-total, put-batch-*-time-ms, … */
  'sink-task-metrics'?: MetricGroupValues;
  /** total-record-failures/-errors, total-records-skipped, deadletterqueue-produce-requests, … */
  'task-error-metrics': MetricGroupValues;
}

export interface ConnectorMetrics {
  name: string;
  type: 'source' | 'sink' | 'unknown';
  'metrics.sample.window.ms': number;
  'metrics.num.samples': number;
  /** connector-class, connector-type, connector-version, status. */
  'connector-metrics': MetricGroupValues;
  /** The tasks running on this worker, by id. */
  tasks: TaskMetricsEntry[];
}
