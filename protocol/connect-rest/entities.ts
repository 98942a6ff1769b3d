/**
 * Kafka Connect REST entities, with the exact JSON field names Connect 4.x uses.
 * Shared by the REST server in runtime/ and the client in src/, so neither can drift from the other.
 */

export type ConnectorType = 'source' | 'sink' | 'unknown';

/** AbstractStatus.State as serialized; DESTROYED is never shown. */
export type ConnectState = 'UNASSIGNED' | 'RUNNING' | 'PAUSED' | 'FAILED' | 'RESTARTING' | 'STOPPED';

/** Target state a user asks for; `initial_state` at create time uses RUNNING for STARTED. */
export type TargetState = 'STARTED' | 'PAUSED' | 'STOPPED';
export type InitialState = 'RUNNING' | 'PAUSED' | 'STOPPED';

export interface ServerInfo {
  version: string;
  commit: string;
  kafka_cluster_id: string;
}

export interface WorkerStatus {
  status: 'healthy' | 'starting' | 'unhealthy';
  message: string;
}

export interface ErrorMessage {
  error_code: number;
  message: string;
}

export interface ConnectorTaskId {
  connector: string;
  task: number;
}

export type ConnectorConfig = Record<string, string>;

export interface ConnectorInfo {
  name: string;
  config: ConnectorConfig;
  tasks: ConnectorTaskId[];
  type: ConnectorType;
}

export interface CreateConnectorRequest {
  name: string;
  config: ConnectorConfig;
  initial_state?: InitialState;
}

export interface ConnectorStateEntry {
  state: ConnectState;
  worker_id: string;
  /** Connect 4.x adds the plugin version to every connector and task status entry. */
  version?: string;
  trace?: string;
}

export interface TaskStateEntry extends ConnectorStateEntry {
  id: number;
}

export interface ConnectorStateInfo {
  name: string;
  connector: ConnectorStateEntry;
  tasks: TaskStateEntry[];
  type: ConnectorType;
}

export interface ExpandedConnector {
  status?: ConnectorStateInfo;
  info?: ConnectorInfo;
}

export interface TaskInfo {
  id: ConnectorTaskId;
  config: Record<string, string>;
}

export interface ConnectorTopics {
  [connector: string]: { topics: string[] };
}

export interface ConnectorOffset {
  partition: Record<string, unknown>;
  offset: Record<string, unknown> | null;
}

export interface ConnectorOffsets {
  offsets: ConnectorOffset[];
}

export interface Message {
  message: string;
}

export type PluginType =
  'source' | 'sink' | 'converter' | 'header_converter' | 'transformation' | 'predicate';

export interface PluginInfo {
  class: string;
  type: PluginType;
  version?: string;
}

export type ConfigType =
  'BOOLEAN' | 'STRING' | 'INT' | 'SHORT' | 'LONG' | 'DOUBLE' | 'LIST' | 'CLASS' | 'PASSWORD';
export type Importance = 'HIGH' | 'MEDIUM' | 'LOW';
export type Width = 'NONE' | 'SHORT' | 'MEDIUM' | 'LONG';

export interface ConfigKeyInfo {
  name: string;
  type: ConfigType;
  required: boolean;
  default_value: string | null;
  importance: Importance;
  documentation: string | null;
  group: string | null;
  /** Connect 4.x serializes orderInGroup under this name, right after `group` (observed on a 4.4.0 worker). */
  order_in_group: number;
  width: Width;
  display_name: string;
  dependents: string[];
}

export interface ConfigValueInfo {
  name: string;
  value: string | null;
  recommended_values: string[];
  errors: string[];
  visible: boolean;
}

export interface ConfigInfo {
  definition: ConfigKeyInfo | null;
  value: ConfigValueInfo | null;
}

export interface ConfigInfos {
  name: string;
  error_count: number;
  groups: string[];
  configs: ConfigInfo[];
}

export interface LoggerLevel {
  level: string;
  last_modified: number | null;
}
