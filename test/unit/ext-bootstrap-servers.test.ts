import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClusterStatus } from '../../runtime/lab/types';
import { pickBootstrapServers } from '../../src/config/bootstrap-servers';
import { runningBootstrapServers } from '../../src/lab/local-cluster';

const none = { setting: '', lab: undefined, env: undefined, remembered: undefined };

void test('the records.bootstrapServers setting wins over the lab, the environment and the last answer', () => {
  assert.deepEqual(
    pickBootstrapServers({
      setting: ' kafka.prod:9093 ',
      lab: '127.0.0.1:19092',
      env: '127.0.0.1:9092',
      remembered: 'x:1',
    }),
    { servers: 'kafka.prod:9093', origin: 'setting' },
  );
});

void test('without the setting the running lab broker comes before KCL_BOOTSTRAP_SERVERS', () => {
  assert.deepEqual(pickBootstrapServers({ ...none, lab: '127.0.0.1:19092', env: '127.0.0.1:9092' }), {
    servers: '127.0.0.1:19092',
    origin: 'lab',
  });
  assert.deepEqual(pickBootstrapServers({ ...none, env: '127.0.0.1:9092', remembered: 'a:1' }), {
    servers: '127.0.0.1:9092',
    origin: 'env',
  });
  assert.deepEqual(pickBootstrapServers({ ...none, env: '  ', remembered: 'a:1' }), {
    servers: 'a:1',
    origin: 'remembered',
  });
});

void test('nothing known (blank values count as unset): undefined, the caller asks', () => {
  assert.equal(pickBootstrapServers(none), undefined);
  assert.equal(pickBootstrapServers({ setting: '   ', lab: '', env: '', remembered: undefined }), undefined);
});

function status(state: ClusterStatus['kafka']['state'], bootstrapServers: string | null): ClusterStatus {
  return {
    kafka: { bootstrapServers, state },
    postgres: { url: null, state: 'absent' },
    connect: { url: null, state: 'absent' },
  };
}

void test('the lab offers its broker only while Kafka is running', () => {
  assert.equal(runningBootstrapServers(status('running', '127.0.0.1:19092')), '127.0.0.1:19092');
  assert.equal(runningBootstrapServers(status('stopped', '127.0.0.1:19092')), undefined);
  assert.equal(runningBootstrapServers(status('unresponsive', '127.0.0.1:19092')), undefined);
  assert.equal(runningBootstrapServers(status('running', null)), undefined);
});
