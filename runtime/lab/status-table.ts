import type { ClusterStatus } from './types';

/** The human form of `lab status`: one row per service. */
export function formatStatusTable(s: ClusterStatus): string {
  const rows: [string, string, string][] = [
    ['SERVICE', 'STATE', 'ADDRESS'],
    ['kafka', s.kafka.state, s.kafka.bootstrapServers ?? '-'],
    ['postgres', s.postgres.state, s.postgres.url ?? '-'],
    ['connect', s.connect.state, s.connect.url ?? '-'],
    ...(s.search ? [['search', s.search.state, s.search.url ?? '-'] as [string, string, string]] : []),
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  return rows.map((r) => `${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${r[2]}`).join('\n');
}
