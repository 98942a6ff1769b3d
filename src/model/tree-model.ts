import type {
  ConnectorInfo,
  ConnectorStateInfo,
  ConnectorType,
  ExpandedConnector,
} from '../../protocol/connect-rest/entities';
import type { HealthSummary } from './health';
import { compareByHealth, rollUp } from './health';

/** What the tree, the CodeLens and the status bar know about one connector. */
export interface ConnectorView {
  name: string;
  type: ConnectorType;
  status?: ConnectorStateInfo;
  info?: ConnectorInfo;
  summary?: HealthSummary;
  health: HealthSummary['health'] | 'unknown';
}

/** From GET /connectors?expand=status&expand=info to views sorted failed first. */
export function buildConnectorViews(expanded: Record<string, ExpandedConnector>): ConnectorView[] {
  const views: ConnectorView[] = Object.entries(expanded).map(([name, e]) => {
    const summary = e.status ? rollUp(e.status) : undefined;
    return {
      name,
      type: e.status?.type ?? e.info?.type ?? 'unknown',
      status: e.status,
      info: e.info,
      summary,
      health: summary?.health ?? 'unknown',
    };
  });
  return views.sort((a, b) =>
    a.health === 'unknown' || b.health === 'unknown'
      ? Number(a.health === 'unknown') - Number(b.health === 'unknown') || a.name.localeCompare(b.name)
      : compareByHealth({ name: a.name, health: a.health }, { name: b.name, health: b.health }),
  );
}

/** Tree description of a connector: "source · RUNNING · 2/2 tasks". */
export function connectorDescription(v: ConnectorView): string {
  return v.summary ? `${v.type} · ${v.summary.label}` : `${v.type} · status unknown`;
}

/** ThemeIcon id + color id per health, so icons and colors stay consistent everywhere. */
export function healthIcon(health: ConnectorView['health']): { icon: string; color?: string } {
  switch (health) {
    case 'running':
      return { icon: 'pass-filled', color: 'testing.iconPassed' };
    case 'failed':
      return { icon: 'error', color: 'testing.iconFailed' };
    case 'degraded':
      return { icon: 'warning', color: 'list.warningForeground' };
    case 'restarting':
      return { icon: 'sync' };
    case 'paused':
      return { icon: 'debug-pause' };
    case 'stopped':
      return { icon: 'debug-stop' };
    case 'unassigned':
      return { icon: 'circle-outline' };
    case 'unknown':
      return { icon: 'question' };
  }
}

/**
 * contextValue for menus: "connector;state=RUNNING;type=source;failedTasks" — package.json `when`
 * clauses match on substrings with =~.
 */
export function connectorContext(v: ConnectorView): string {
  const parts = ['connector', `state=${v.status?.connector.state ?? 'UNKNOWN'}`, `type=${v.type}`];
  if ((v.summary?.failedTasks ?? 0) > 0 || v.status?.connector.state === 'FAILED') parts.push('failed');
  return parts.join(';');
}
