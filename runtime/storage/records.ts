/**
 * Key and value encodings of the three internal topics, byte-compatible with distributed Connect
 * (KafkaConfigBackingStore / KafkaOffsetBackingStore / KafkaStatusBackingStore with the internal
 * JsonConverter, schemas.enable=false). Pure functions: unit-tested without Kafka.
 */
import type { TargetState } from '../../protocol/connect-rest/entities';
import { parsePlain, stringifyJson } from '../rest/json-parser';

export const CONNECTOR_PREFIX = 'connector-';
export const TARGET_STATE_PREFIX = 'target-state-';
export const TASK_PREFIX = 'task-';
export const COMMIT_TASKS_PREFIX = 'commit-';
export const RESTART_PREFIX = 'restart-connector-';
/** Cluster-scope logger levels (KIP-976); a worker applies only those written after its start-up. */
export const LOGGER_CLUSTER_PREFIX = 'logger-cluster-';
export const STATUS_CONNECTOR_PREFIX = 'status-connector-';
export const STATUS_TASK_PREFIX = 'status-task-';
export const STATUS_TOPIC_PREFIX = 'status-topic-';

export type StatusState =
  'UNASSIGNED' | 'RUNNING' | 'PAUSED' | 'FAILED' | 'RESTARTING' | 'STOPPED' | 'DESTROYED';

export interface RestartRequest {
  connector: string;
  onlyFailed: boolean;
  includeTasks: boolean;
}

/** One decoded config-topic record. */
export type ConfigRecord =
  | { type: 'connector'; connector: string; config: Record<string, string> | null }
  | { type: 'target-state'; connector: string; state: TargetState | null }
  | { type: 'task'; connector: string; task: number; config: Record<string, string> }
  | { type: 'commit'; connector: string; tasks: number }
  | { type: 'restart'; request: RestartRequest }
  | { type: 'other'; key: string };

const enc = (v: unknown): Buffer => Buffer.from(stringifyJson(v), 'utf8');

export function loggerLevelValue(level: string): Buffer {
  return enc({ level });
}

export function connectorConfigValue(config: Record<string, string>): Buffer {
  return enc({ properties: config });
}

/** Legacy `state` cannot say STOPPED, so it is written as PAUSED next to `state.v2` (KIP-875). */
export function targetStateValue(state: TargetState): Buffer {
  return enc({ state: state === 'STOPPED' ? 'PAUSED' : state, 'state.v2': state });
}

export function taskConfigValue(config: Record<string, string>): Buffer {
  return enc({ properties: config });
}

export function commitValue(tasks: number): Buffer {
  return enc({ tasks });
}

export function restartValue(r: RestartRequest): Buffer {
  return enc({ 'include-tasks': r.includeTasks, 'only-failed': r.onlyFailed });
}

function asStringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object') {
    for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
      if (val !== null && val !== undefined) out[k] = typeof val === 'string' ? val : JSON.stringify(val);
    }
  }
  return out;
}

/** Task keys are `task-<connector>-<n>`; the connector name itself may contain dashes. */
export function parseTaskKey(rest: string): { connector: string; task: number } | null {
  const dash = rest.lastIndexOf('-');
  if (dash <= 0) return null;
  const task = Number(rest.slice(dash + 1));
  if (!Number.isInteger(task) || task < 0) return null;
  return { connector: rest.slice(0, dash), task };
}

export function decodeConfigRecord(key: string, value: Buffer | null): ConfigRecord {
  const body = value === null ? null : (parsePlain(value.toString('utf8')) as Record<string, unknown> | null);
  if (key.startsWith(TARGET_STATE_PREFIX)) {
    const connector = key.slice(TARGET_STATE_PREFIX.length);
    if (!body) return { type: 'target-state', connector, state: null };
    const state = (body['state.v2'] ?? body['state']) as TargetState;
    return { type: 'target-state', connector, state };
  }
  if (key.startsWith(CONNECTOR_PREFIX)) {
    const connector = key.slice(CONNECTOR_PREFIX.length);
    return { type: 'connector', connector, config: body ? asStringMap(body['properties']) : null };
  }
  if (key.startsWith(TASK_PREFIX)) {
    const id = parseTaskKey(key.slice(TASK_PREFIX.length));
    if (id && body) return { type: 'task', ...id, config: asStringMap(body['properties']) };
  }
  if (key.startsWith(COMMIT_TASKS_PREFIX) && body) {
    return { type: 'commit', connector: key.slice(COMMIT_TASKS_PREFIX.length), tasks: Number(body['tasks']) };
  }
  if (key.startsWith(RESTART_PREFIX)) {
    const b = body ?? {};
    return {
      type: 'restart',
      request: {
        connector: key.slice(RESTART_PREFIX.length),
        includeTasks: b['include-tasks'] === true,
        onlyFailed: b['only-failed'] === true,
      },
    };
  }
  return { type: 'other', key };
}

export interface StatusValue {
  state: StatusState;
  trace: string | null;
  worker_id: string;
  generation: number;
  /** Connect 4.4 appends the plugin version; absent in records of older workers. */
  version?: string | null;
}

export function statusValue(s: StatusValue): Buffer {
  return enc({
    state: s.state,
    trace: s.trace,
    worker_id: s.worker_id,
    generation: s.generation,
    version: s.version ?? null,
  });
}

export function decodeStatusValue(value: Buffer): StatusValue {
  const b = parsePlain(value.toString('utf8')) as Record<string, unknown>;
  return {
    state: b['state'] as StatusState,
    trace: (b['trace'] as string | null) ?? null,
    worker_id: String(b['worker_id']),
    generation: Number(b['generation']),
    version: typeof b['version'] === 'string' ? b['version'] : null,
  };
}

export function topicStatusKey(topic: string, connector: string): string {
  return `${STATUS_TOPIC_PREFIX}${topic}:${CONNECTOR_PREFIX}${connector}`;
}

export function topicStatusValue(
  topic: string,
  connector: string,
  task: number,
  discoverTimestamp: number,
): Buffer {
  return enc({ topic: { name: topic, connector, task, discoverTimestamp: BigInt(discoverTimestamp) } });
}

/** Offsets topic key: `["<connector>",{partition}]`. */
export function offsetKey(connector: string, partition: Record<string, unknown>): Buffer {
  return enc([connector, partition]);
}

export function offsetValue(offset: Record<string, unknown> | null): Buffer | null {
  return offset === null ? null : enc(offset);
}

export function decodeOffsetKey(
  key: Buffer,
): { connector: string; partition: Record<string, unknown> } | null {
  try {
    const k = parsePlain(key.toString('utf8'));
    if (!Array.isArray(k) || k.length !== 2 || typeof k[0] !== 'string') return null;
    return { connector: k[0], partition: (k[1] ?? {}) as Record<string, unknown> };
  } catch {
    return null;
  }
}

export function decodeOffsetValue(value: Buffer | null): Record<string, unknown> | null {
  if (value === null) return null;
  return parsePlain(value.toString('utf8')) as Record<string, unknown>;
}
