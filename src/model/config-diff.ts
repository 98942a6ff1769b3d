import type { ConnectorConfig } from '../../protocol/connect-rest/entities';
import { maskConfig } from './masking';

export type DiffKind = 'added' | 'removed' | 'changed';
export interface ConfigChange {
  key: string;
  kind: DiffKind;
  local?: string;
  running?: string;
}

/**
 * Differences between a workspace config and the running one. `name` is ignored: Connect inserts it
 * into every running config, while workspace files often keep it outside `config`.
 */
export function diffConfigs(local: ConnectorConfig, running: ConnectorConfig): ConfigChange[] {
  const keys = new Set([...Object.keys(local), ...Object.keys(running)]);
  keys.delete('name');
  const changes: ConfigChange[] = [];
  for (const key of [...keys].sort()) {
    const l = local[key];
    const r = running[key];
    if (l === undefined && r !== undefined) changes.push({ key, kind: 'removed', running: r });
    else if (l !== undefined && r === undefined) changes.push({ key, kind: 'added', local: l });
    else if (l !== r) changes.push({ key, kind: 'changed', local: l, running: r });
  }
  return changes;
}

/** Canonical text for the diff editor: sorted keys, sensitive values masked on both sides. */
export function canonicalConfigText(name: string, config: ConnectorConfig): string {
  const masked = maskConfig({ ...config, name });
  const sorted: ConnectorConfig = {};
  for (const key of Object.keys(masked).sort()) sorted[key] = masked[key];
  return JSON.stringify({ name, config: sorted }, null, 2) + '\n';
}

export function summarizeChanges(changes: ConfigChange[]): string {
  if (changes.length === 0) return 'The workspace file matches the running config.';
  const by = (k: DiffKind) => changes.filter((c) => c.kind === k).length;
  return `${changes.length} difference(s): ${by('changed')} changed, ${by('added')} only in the file, ${by('removed')} only running.`;
}
