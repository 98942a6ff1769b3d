import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  ConnectorStateInfo,
  ConnectState,
  ExpandedConnector,
} from '../../protocol/connect-rest/entities';
import { clusterSummary, rollUp, traceHeadline } from '../../src/model/health';
import { buildConnectorViews, connectorContext, connectorDescription } from '../../src/model/tree-model';

function status(
  name: string,
  connector: ConnectState,
  tasks: ConnectState[],
  trace?: string,
): ConnectorStateInfo {
  return {
    name,
    connector: { state: connector, worker_id: '127.0.0.1:8083' },
    tasks: tasks.map((state, id) => ({
      id,
      state,
      worker_id: '127.0.0.1:8083',
      ...(state === 'FAILED' && trace ? { trace } : {}),
    })),
    type: 'sink',
  };
}

void describe('health roll-up', () => {
  void it('labels state and task counts like the CodeLens shows them', () => {
    assert.equal(rollUp(status('a', 'RUNNING', ['RUNNING', 'RUNNING'])).label, 'RUNNING · 2/2 tasks');
    assert.equal(rollUp(status('a', 'RUNNING', ['RUNNING'])).label, 'RUNNING · 1/1 task');
    assert.equal(
      rollUp(status('a', 'RUNNING', ['RUNNING', 'FAILED'])).label,
      'RUNNING · 1/2 tasks (1 failed)',
    );
  });

  void it('rolls connector and task states into one health', () => {
    const h = (c: ConnectState, t: ConnectState[]) => rollUp(status('a', c, t)).health;
    assert.equal(h('RUNNING', ['RUNNING']), 'running');
    assert.equal(h('RUNNING', ['FAILED']), 'failed');
    assert.equal(h('RUNNING', ['FAILED', 'RUNNING']), 'degraded');
    assert.equal(h('RUNNING', ['UNASSIGNED']), 'degraded');
    assert.equal(h('FAILED', []), 'failed');
    assert.equal(h('RUNNING', ['RESTARTING']), 'restarting');
    assert.equal(h('PAUSED', ['PAUSED']), 'paused');
    assert.equal(h('STOPPED', []), 'stopped');
    assert.equal(h('UNASSIGNED', []), 'unassigned');
  });

  void it('sorts failed connectors first, then degraded, healthy last, by name within a group', () => {
    const expanded: Record<string, ExpandedConnector> = {
      zeta: { status: status('zeta', 'RUNNING', ['RUNNING']) },
      alpha: { status: status('alpha', 'RUNNING', ['RUNNING']) },
      broken: { status: status('broken', 'RUNNING', ['FAILED'], 'java.lang.RuntimeException: boom\n\tat X') },
      half: { status: status('half', 'RUNNING', ['FAILED', 'RUNNING']) },
      paused: { status: status('paused', 'PAUSED', ['PAUSED']) },
      nostatus: { info: { name: 'nostatus', config: {}, tasks: [], type: 'source' } },
    };
    const views = buildConnectorViews(expanded);
    assert.deepEqual(
      views.map((v) => v.name),
      ['broken', 'half', 'paused', 'alpha', 'zeta', 'nostatus'],
    );
    const broken = views[0];
    assert.ok(broken);
    assert.equal(connectorDescription(broken), 'sink · RUNNING · 0/1 task (1 failed)');
    assert.equal(connectorContext(broken), 'connector;state=RUNNING;type=sink;failed');
    assert.equal(connectorContext(views[3] ?? broken), 'connector;state=RUNNING;type=sink');
  });

  void it('summarises a cluster and takes the first line of a trace', () => {
    assert.equal(clusterSummary([]), 'no connectors');
    assert.equal(clusterSummary(['running', 'failed', 'degraded']), '3 connectors · 1 running · 2 failing');
    assert.equal(traceHeadline('org.X: boom\n\tat a.b'), 'org.X: boom');
    assert.equal(traceHeadline(undefined), undefined);
  });
});
