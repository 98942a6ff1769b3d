import type { PluginInfo } from '../../protocol/connect-rest/entities';

/**
 * Tree nodes are plain data. Commands receive them as arguments, so a command invoked from code
 * (tests, other commands) passes the same `{clusterId, connector, task}` shape.
 */
export type TreeNode =
  | { kind: 'cluster'; clusterId: string }
  | { kind: 'connector'; clusterId: string; connector: string }
  | { kind: 'task'; clusterId: string; connector: string; task: number }
  | { kind: 'topics'; clusterId: string; connector: string }
  | { kind: 'topic'; clusterId: string; connector: string; topic: string }
  | { kind: 'plugins'; clusterId: string }
  | { kind: 'plugin-group'; clusterId: string; type: PluginInfo['type']; plugins: PluginInfo[] }
  | { kind: 'plugin'; clusterId: string; plugin: PluginInfo }
  | { kind: 'message'; clusterId: string; text: string; detail?: string; icon: string; command?: string };

export interface ConnectorRef {
  clusterId: string;
  connector: string;
}
export interface TaskRef extends ConnectorRef {
  task: number;
}

export function isConnectorRef(x: unknown): x is ConnectorRef {
  const r = x as Partial<ConnectorRef> | undefined;
  return typeof r?.clusterId === 'string' && typeof r.connector === 'string';
}
export function isTaskRef(x: unknown): x is TaskRef {
  return isConnectorRef(x) && typeof (x as Partial<TaskRef>).task === 'number';
}
