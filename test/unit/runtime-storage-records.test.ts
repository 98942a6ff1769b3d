import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  commitValue,
  connectorConfigValue,
  decodeConfigRecord,
  decodeOffsetKey,
  decodeStatusValue,
  offsetKey,
  parseTaskKey,
  restartValue,
  statusValue,
  targetStateValue,
  topicStatusKey,
  topicStatusValue,
} from '../../runtime/storage/records';
import { ConfigBackingStore } from '../../runtime/storage/config-backing-store';
import type { Producer } from 'kafkajs';

void describe('internal topic records (distributed Connect format)', () => {
  void it('encodes config-topic values like the internal JsonConverter (schemas.enable=false)', () => {
    assert.equal(
      connectorConfigValue({ 'connector.class': 'X', name: 'a' }).toString(),
      '{"properties":{"connector.class":"X","name":"a"}}',
    );
    assert.equal(targetStateValue('STOPPED').toString(), '{"state":"PAUSED","state.v2":"STOPPED"}');
    assert.equal(targetStateValue('STARTED').toString(), '{"state":"STARTED","state.v2":"STARTED"}');
    assert.equal(commitValue(2).toString(), '{"tasks":2}');
    assert.equal(
      restartValue({ connector: 'a', includeTasks: true, onlyFailed: false }).toString(),
      '{"include-tasks":true,"only-failed":false}',
    );
  });

  void it('encodes status and topic-status records', () => {
    assert.equal(
      statusValue({ state: 'RUNNING', trace: null, worker_id: '127.0.0.1:8083', generation: 3 }).toString(),
      '{"state":"RUNNING","trace":null,"worker_id":"127.0.0.1:8083","generation":3,"version":null}',
    );
    assert.equal(topicStatusKey('orders', 'my-sink'), 'status-topic-orders:connector-my-sink');
    assert.equal(
      topicStatusValue('orders', 'my-sink', 0, 1700000000000).toString(),
      '{"topic":{"name":"orders","connector":"my-sink","task":0,"discoverTimestamp":1700000000000}}',
    );
    assert.deepEqual(
      decodeStatusValue(Buffer.from('{"state":"FAILED","trace":"x","worker_id":"w","generation":1}')),
      {
        state: 'FAILED',
        trace: 'x',
        worker_id: 'w',
        generation: 1,
        version: null,
      },
    );
  });

  void it('encodes offsets keys as ["connector",{partition}] and keeps int64 exact', () => {
    assert.equal(offsetKey('src', { filename: '/tmp/a' }).toString(), '["src",{"filename":"/tmp/a"}]');
    const decoded = decodeOffsetKey(Buffer.from('["src",{"big":9007199254740993}]'));
    assert.deepEqual(decoded, { connector: 'src', partition: { big: 9007199254740993n } });
    assert.equal(decodeOffsetKey(Buffer.from('not json')), null);
  });

  void it('parses task keys whose connector names contain dashes', () => {
    assert.deepEqual(parseTaskKey('my-conn-12'), { connector: 'my-conn', task: 12 });
    assert.equal(parseTaskKey('nodash'), null);
  });

  void it('decodes every config-topic record type, STOPPED from state.v2', () => {
    assert.deepEqual(decodeConfigRecord('target-state-a', targetStateValue('STOPPED')), {
      type: 'target-state',
      connector: 'a',
      state: 'STOPPED',
    });
    assert.deepEqual(decodeConfigRecord('target-state-a', Buffer.from('{"state":"PAUSED"}')), {
      type: 'target-state',
      connector: 'a',
      state: 'PAUSED',
    });
    assert.deepEqual(decodeConfigRecord('connector-a', null), {
      type: 'connector',
      connector: 'a',
      config: null,
    });
    assert.deepEqual(decodeConfigRecord('task-a-b-0', Buffer.from('{"properties":{"k":"v"}}')), {
      type: 'task',
      connector: 'a-b',
      task: 0,
      config: { k: 'v' },
    });
    assert.deepEqual(decodeConfigRecord('commit-a', commitValue(1)), {
      type: 'commit',
      connector: 'a',
      tasks: 1,
    });
    assert.equal(decodeConfigRecord('session-key', Buffer.from('{}')).type, 'other');
  });

  void it('applies task configs only when their commit record arrives', () => {
    const store = new ConfigBackingStore({} as Producer, 'cfg');
    store.apply({ type: 'connector', connector: 'a', config: { name: 'a' } });
    store.apply({ type: 'task', connector: 'a', task: 0, config: { t: '0' } });
    assert.equal(store.taskCount('a'), 0);
    store.apply({ type: 'commit', connector: 'a', tasks: 1 });
    assert.deepEqual(store.taskConfigs.get('a'), [{ t: '0' }]);
    store.apply({ type: 'commit', connector: 'a', tasks: 0 });
    assert.equal(store.taskCount('a'), 0);
    store.apply({ type: 'target-state', connector: 'a', state: 'PAUSED' });
    assert.equal(store.targetState('a'), 'PAUSED');
    store.apply({ type: 'connector', connector: 'a', config: null });
    assert.equal(store.contains('a'), false);
    assert.equal(store.targetState('a'), 'STARTED');
  });
});
