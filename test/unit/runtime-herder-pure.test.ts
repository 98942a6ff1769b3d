import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConnectorStateInfo } from '../../protocol/connect-rest/entities';
import { copyCapacity, javaHashMap, javaHashOrder } from '../../runtime/herder/java-map-order';
import { buildRestartPlan, forceRestartConnectorOnly } from '../../runtime/herder/restart-plan';
import { invalidConfigMessage } from '../../runtime/herder/validation';
import { aliasesOf, PluginRegistry } from '../../runtime/plugins/registry';
import { validateSinkOffsets, validateSourceOffsets } from '../../runtime/worker/offsets';

const status = (c: string, tasks: string[]): ConnectorStateInfo => ({
  name: 'x',
  connector: { state: c as never, worker_id: 'w', ...(c === 'FAILED' ? { trace: 't' } : {}) },
  tasks: tasks.map((s, id) => ({ id, state: s as never, worker_id: 'w' })),
  type: 'source',
});

void describe('restart plans (RestartRequest semantics)', () => {
  void it('uses the legacy 204 path only without flags', () => {
    assert.equal(forceRestartConnectorOnly({ includeTasks: false, onlyFailed: false }), true);
    assert.equal(forceRestartConnectorOnly({ includeTasks: true, onlyFailed: false }), false);
    assert.equal(forceRestartConnectorOnly({ includeTasks: false, onlyFailed: true }), false);
  });

  void it('marks exactly the instances to restart as RESTARTING', () => {
    const cur = status('RUNNING', ['RUNNING', 'FAILED']);
    assert.deepEqual(
      buildRestartPlan({ includeTasks: true, onlyFailed: false }, cur).stateInfo.tasks.map((t) => t.state),
      ['RESTARTING', 'RESTARTING'],
    );
    const onlyFailed = buildRestartPlan({ includeTasks: true, onlyFailed: true }, cur);
    assert.equal(onlyFailed.restartConnector, false);
    assert.equal(onlyFailed.stateInfo.connector.state, 'RUNNING');
    assert.deepEqual(onlyFailed.taskIds, [1]);
    const connectorOnlyFailed = buildRestartPlan(
      { includeTasks: false, onlyFailed: true },
      status('FAILED', ['RUNNING']),
    );
    assert.equal(connectorOnlyFailed.restartConnector, true);
    assert.deepEqual(connectorOnlyFailed.stateInfo.connector, { state: 'RESTARTING', worker_id: 'w' });
    assert.deepEqual(connectorOnlyFailed.taskIds, []);
  });
});

void describe('Java HashMap order', () => {
  void it('matches java.util.HashMap for known key sets (checked with a JVM)', () => {
    assert.deepEqual(javaHashOrder(['kafka_topic', 'kafka_partition']), ['kafka_partition', 'kafka_topic']);
    assert.deepEqual(javaHashOrder(['connector.class', 'file', 'topic', 'tasks.max', 'name']), [
      'connector.class',
      'file',
      'tasks.max',
      'name',
      'topic',
    ]);
    assert.deepEqual(javaHashOrder(['topics', 'name'], copyCapacity(2)), ['name', 'topics']);
    assert.deepEqual(Object.keys(javaHashMap({ topic: '1', name: '2' })), ['name', 'topic']);
  });
});

void describe('plugin aliases and lookup', () => {
  void it('accepts the full class name, the simple name and the name without Connector', () => {
    assert.deepEqual(aliasesOf('org.apache.kafka.connect.file.FileStreamSourceConnector', 'source'), [
      'FileStreamSourceConnector',
      'FileStreamSource',
    ]);
    const r = new PluginRegistry();
    r.register({ className: 'a.b.FooConnector', type: 'sink', version: '1', create: () => ({}) });
    r.register({
      className: 'a.b.BarConverter',
      type: 'converter',
      version: 'undefined',
      create: () => ({}),
    });
    assert.equal(r.findConnector('Foo')?.className, 'a.b.FooConnector');
    assert.equal(r.findConnector('a.b.FooConnector')?.className, 'a.b.FooConnector');
    assert.equal(r.findConnector('Bar'), undefined);
    assert.deepEqual(r.infos(true), [{ class: 'a.b.FooConnector', type: 'sink', version: '1' }]);
    assert.deepEqual(r.infos(false)[1], { class: 'a.b.BarConverter', type: 'converter' });
  });
});

void describe('offsets validation messages', () => {
  void it('rejects malformed sink offsets with SinkUtils texts', () => {
    const msg = (e: Parameters<typeof validateSinkOffsets>[0]): string => {
      try {
        validateSinkOffsets(e);
        return 'ok';
      } catch (error) {
        return (error as Error).message;
      }
    };
    assert.equal(
      msg([{ partition: null, offset: null }]),
      'The partition for a sink connector offset cannot be null or missing',
    );
    assert.equal(
      msg([{ partition: { kafka_topic: 't' }, offset: null }]),
      "The partition for a sink connector offset must contain the keys 'kafka_topic' and 'kafka_partition'",
    );
    assert.equal(
      msg([{ partition: { kafka_topic: 't', kafka_partition: 'x' }, offset: null }]),
      "Failed to parse the following Kafka partition value in the provided offsets: 'x'. Partition values for sink connectors need to be integers.",
    );
    assert.equal(
      msg([{ partition: { kafka_topic: 't', kafka_partition: '1' }, offset: {} }]),
      "The offset for a sink connector should either be null or contain the key 'kafka_offset'",
    );
    assert.deepEqual(
      validateSinkOffsets([
        { partition: { kafka_topic: 't', kafka_partition: 2n }, offset: { kafka_offset: '10' } },
      ]),
      [{ tp: { topic: 't', partition: 2 }, offset: 10n }],
    );
  });

  void it('rejects non-primitive source offset values', () => {
    assert.throws(
      () => validateSourceOffsets([{ partition: { f: 'a' }, offset: { p: { x: 1 } } }]),
      /field p contains MAP/,
    );
  });
});

void describe('invalid config message', () => {
  void it('lists every error then points at the validate endpoint', () => {
    const text = invalidConfigMessage({
      name: 'X',
      error_count: 2,
      groups: [],
      configs: [
        {
          definition: null,
          value: { name: 'a', value: null, recommended_values: [], errors: ['e1'], visible: true },
        },
        {
          definition: null,
          value: { name: 'b', value: null, recommended_values: [], errors: ['e2'], visible: true },
        },
      ],
    });
    assert.equal(
      text,
      'Connector configuration is invalid and contains the following 2 error(s):\ne1\ne2\nYou can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`',
    );
  });
});
