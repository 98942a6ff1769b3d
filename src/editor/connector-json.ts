/**
 * Positions in connector JSON (jsonc-parser): where the config object is, the node of each key and
 * value, and what the cursor is on. Both file shapes: `{name, config}` and the flat map.
 */
import { findNodeAtLocation, getLocation, parseTree } from 'jsonc-parser';
import type { Location, Node } from 'jsonc-parser';

export interface ConnectorJson {
  /** The object holding the connector keys (`config` in the wrapped shape, else the root). */
  configNode: Node;
  /** JSON path of configNode: ['config'] or []. */
  configPath: (string | number)[];
  config: Record<string, string>;
  connectorClass: string | undefined;
  /** The connector name: config.name, else the wrapped file's top-level name. */
  name: string | undefined;
}

export function parseConnectorJson(text: string): ConnectorJson | undefined {
  const root = parseTree(text);
  if (!root || root.type !== 'object') return undefined;
  const wrapped = findNodeAtLocation(root, ['config']);
  const configNode = wrapped?.type === 'object' ? wrapped : root;
  const rootName = configNode === root ? undefined : findNodeAtLocation(root, ['name']);
  const config: Record<string, string> = {};
  for (const prop of configNode.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (!k || !v || typeof k.value !== 'string') continue;
    if (v.type === 'string' || v.type === 'number' || v.type === 'boolean') config[k.value] = String(v.value);
  }
  return {
    configNode,
    configPath: configNode === root ? [] : ['config'],
    config,
    connectorClass: config['connector.class']?.trim() || undefined,
    name: config['name'] ?? (typeof rootName?.value === 'string' ? rootName.value : undefined),
  };
}

/** The property node (key + value) of a config key. */
export function propertyOf(cj: ConnectorJson, key: string): { key: Node; value: Node } | undefined {
  for (const prop of cj.configNode.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (k && v && k.value === key) return { key: k, value: v };
  }
  return undefined;
}

export type CursorContext =
  { kind: 'key'; prefix: string } | { kind: 'value'; key: string } | { kind: 'other' };

/** What the cursor is on, for completion: a key or value directly in the config object. */
export function cursorContext(text: string, offset: number, cj: ConnectorJson): CursorContext {
  const loc: Location = getLocation(text, offset);
  const depth = cj.configPath.length;
  if (loc.path.length !== depth + 1) return { kind: 'other' };
  if (depth === 1 && loc.path[0] !== 'config') return { kind: 'other' };
  const last = loc.path[depth];
  if (loc.isAtPropertyKey) return { kind: 'key', prefix: typeof last === 'string' ? last : '' };
  return typeof last === 'string' ? { kind: 'value', key: last } : { kind: 'other' };
}
