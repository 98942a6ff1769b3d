/**
 * Sink error tolerance through the REST API of a real runtime process: a FileStream sink with
 * JsonConverter (schemas.enable=true) fed one poison record (invalid JSON) among good ones.
 * errors.tolerance=all + DLQ → good records written, the poison one in the DLQ with the
 * __connect.errors.* headers; errors.tolerance=none → task FAILED, no offset committed past it.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Admin, IHeaders, Producer } from 'kafkajs';
import { kafkaClient, uniqueName } from '../support/cluster';
import { eventually, http, startRuntimeProcess } from '../support/runtime-process';
import type { RuntimeProcess } from '../support/runtime-process';

const good = (s: string): string =>
  JSON.stringify({ schema: { type: 'string', optional: false }, payload: s });
const POISON = '{"schema": not json';

function sinkConfig(topic: string, file: string, extra: Record<string, string>): Record<string, string> {
  return {
    'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
    'tasks.max': '1',
    topics: topic,
    file,
    'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'value.converter.schemas.enable': 'true',
    ...extra,
  };
}

const header = (h: IHeaders | undefined, k: string): string | undefined => {
  const v = h?.[k];
  const one = Array.isArray(v) ? v[0] : v;
  return one === undefined ? undefined : Buffer.isBuffer(one) ? one.toString('utf8') : String(one);
};

void describe('sink error tolerance and dead letter queue (real broker)', () => {
  let rt: RuntimeProcess;
  let producer: Producer;
  let admin: Admin;
  const dir = mkdtempSync(join(tmpdir(), 'kcl-pipeline-dlq-'));
  const kafka = kafkaClient();
  before(async () => {
    rt = await startRuntimeProcess({ offsetFlushIntervalMs: 300 });
    producer = kafka.producer();
    admin = kafka.admin();
    await producer.connect();
    await admin.connect();
  });
  after(async () => {
    await producer.disconnect();
    await admin.disconnect();
    await rt.stop();
  });

  async function feed(topic: string): Promise<void> {
    // kafkajs' waitForLeaders gives up on UNKNOWN_TOPIC_OR_PARTITION when the broker is slow to
    // propagate the new topic (a loaded machine); wait for its leader here instead.
    await admin.createTopics({
      topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
      waitForLeaders: false,
    });
    await eventually(
      async () => {
        const meta = await admin.fetchTopicMetadata({ topics: [topic] });
        return (meta.topics[0]?.partitions[0]?.leader ?? -1) >= 0;
      },
      60000,
      `leader of ${topic}`,
    );
    await producer.send({
      topic,
      messages: [
        { key: 'k1', value: good('first') },
        { key: 'k2', value: POISON, headers: { origin: 'test' } },
        { key: 'k3', value: good('third') },
      ],
    });
  }

  void it('errors.tolerance=all: good records written, poison record in the DLQ with context headers', async () => {
    const topic = uniqueName('pipe_dlq_in');
    const dlq = uniqueName('pipe_dlq');
    const file = join(dir, `${topic}.txt`);
    await feed(topic);
    const name = uniqueName('dlq-sink');
    const created = await http(rt.url, 'POST', '/connectors', {
      name,
      config: sinkConfig(topic, file, {
        'errors.tolerance': 'all',
        'errors.deadletterqueue.topic.name': dlq,
        'errors.deadletterqueue.topic.replication.factor': '3',
        'errors.deadletterqueue.context.headers.enable': 'true',
        'errors.log.enable': 'true',
      }),
    });
    assert.equal(created.status, 201, created.text);
    await eventually(
      () => existsSync(file) && readFileSync(file, 'utf8').split('\n').filter(Boolean).length >= 2,
      60000,
      'sink file',
    );
    assert.deepEqual(readFileSync(file, 'utf8').split('\n').filter(Boolean), ['first', 'third']);

    const consumer = kafka.consumer({ groupId: uniqueName('dlq_reader') });
    const got: { key: string | undefined; value: string | undefined; headers: IHeaders | undefined }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [dlq], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        got.push({
          key: message.key?.toString('utf8'),
          value: message.value?.toString('utf8'),
          headers: message.headers,
        });
        await Promise.resolve();
      },
    });
    try {
      await eventually(() => got.length >= 1, 60000, 'DLQ record');
      const r = got[0];
      assert.equal(r.key, 'k2');
      assert.equal(r.value, POISON);
      assert.equal(header(r.headers, 'origin'), 'test');
      assert.equal(header(r.headers, '__connect.errors.topic'), topic);
      assert.equal(header(r.headers, '__connect.errors.partition'), '0');
      assert.equal(header(r.headers, '__connect.errors.offset'), '1');
      assert.equal(header(r.headers, '__connect.errors.connector.name'), name);
      assert.equal(header(r.headers, '__connect.errors.task.id'), '0');
      assert.equal(header(r.headers, '__connect.errors.stage'), 'VALUE_CONVERTER');
      assert.equal(
        header(r.headers, '__connect.errors.class.name'),
        'org.apache.kafka.connect.json.JsonConverter',
      );
      assert.equal(
        header(r.headers, '__connect.errors.exception.class.name'),
        'org.apache.kafka.connect.errors.DataException',
      );
      assert.ok((header(r.headers, '__connect.errors.exception.stacktrace') ?? '').length > 0);
    } finally {
      await consumer.disconnect();
    }
    const status = (await http(rt.url, 'GET', `/connectors/${name}/status`)).body as {
      tasks: { state: string }[];
    };
    assert.equal(status.tasks[0]?.state, 'RUNNING');
    // Everything (the poison record included) is committed once handled.
    await eventually(
      async () => {
        const offs = await admin.fetchOffsets({ groupId: `connect-${name}`, topics: [topic] });
        return offs[0]?.partitions[0]?.offset === '3';
      },
      30000,
      'committed offset 3',
    );
    await http(rt.url, 'DELETE', `/connectors/${name}`);
  });

  void it('errors.tolerance=none: the task fails with "Tolerance exceeded in error handler"', async () => {
    const topic = uniqueName('pipe_none_in');
    const file = join(dir, `${topic}.txt`);
    await feed(topic);
    const name = uniqueName('none-sink');
    const created = await http(rt.url, 'POST', '/connectors', {
      name,
      config: sinkConfig(topic, file, {}),
    });
    assert.equal(created.status, 201, created.text);
    const trace = await eventually(
      async () => {
        const s = (await http(rt.url, 'GET', `/connectors/${name}/status`)).body as {
          tasks?: { state: string; trace?: string }[];
        };
        const t = s.tasks?.[0];
        return t?.state === 'FAILED' ? (t.trace ?? '') : undefined;
      },
      60000,
      'task FAILED',
    );
    assert.match(
      trace,
      /^org\.apache\.kafka\.connect\.errors\.ConnectException: Tolerance exceeded in error handler/,
    );
    assert.match(trace, /Caused by: org\.apache\.kafka\.connect\.errors\.DataException/);
    // Give a wrongly running commit timer time to act, then check nothing was committed past the poison.
    await new Promise((r) => setTimeout(r, 1500));
    const offs = await admin.fetchOffsets({ groupId: `connect-${name}`, topics: [topic] });
    const committed = Number(offs[0]?.partitions[0]?.offset ?? '-1');
    assert.ok(committed <= 1, `committed offset ${committed}`);
    await http(rt.url, 'DELETE', `/connectors/${name}`);
  });
});
