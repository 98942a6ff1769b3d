/**
 * The DeadLetterQueueReporter against the real broker: a sink task's conversion + transformation
 * path under RetryWithToleranceOperator (errors.tolerance=all) sends poison records to the DLQ topic
 * (created by createAndSetup, replication factor 3 capped to the one dev broker). Checked: the DLQ
 * record carries the ORIGINAL key/value/headers/timestamp plus Connect's `__connect.errors.*` headers
 * — and, when the real Connect jars are available, that it is identical to what the REAL Connect 4.4
 * DeadLetterQueueReporter writes for the same records (test/compat/java/SmtDlqHarness.java), the
 * stack-trace text excepted (its first line is compared); and that the LogReporter lines are the real ones.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { SinkRecord } from '../../runtime/api/records';
import { ConnectHeaders } from '../../runtime/api/headers';
import { JsonConverter } from '../../runtime/converters/json-converter';
import { StringConverter } from '../../runtime/converters/string-converter';
import {
  DeadLetterQueueReporter,
  ErrorHandlingMetrics,
  ProcessingContext,
  RetryWithToleranceOperator,
  SinkLogReporter,
  kafkajsDlqProducer,
} from '../../runtime/errors/tolerance';
import type { ConsumedRecord } from '../../runtime/errors/tolerance';
import { findSmtPlugin } from '../../runtime/transforms/plugins';
import { kafkaClient, testCluster, uniqueName } from '../support/cluster';
import { realConnectClasspath } from '../support/smt-harness';

const MASK = 'org.apache.kafka.connect.transforms.MaskField$Value';

interface InputRecord {
  key: string | null;
  value: string | null;
  headers: [string, string][];
  offset: number;
}

/** Good and poison records: bad JSON, an int32 payload that is not a struct, a tombstone the SMT rejects. */
const INPUT: InputRecord[] = [
  { key: 'k0', value: '{"schema":null,"payload":{"ssn":"1","id":1}}', headers: [['trace', 'a']], offset: 10 },
  {
    key: 'k1',
    value: '{bad json',
    headers: [
      ['trace', 'b'],
      ['trace', 'b2'],
    ],
    offset: 11,
  },
  { key: null, value: '{"schema":{"type":"int32","optional":false},"payload":"x"}', headers: [], offset: 12 },
  { key: 'k3', value: null, headers: [['tomb', 'yes']], offset: 13 },
];
const TIMESTAMP = 1700000000000;

interface DlqMessage {
  key: string | null;
  value: string | null;
  timestamp: string;
  headers: [string, string | null][];
}

function consumedOf(topic: string, r: InputRecord): ConsumedRecord {
  return {
    topic,
    partition: 0,
    offset: BigInt(r.offset),
    timestamp: TIMESTAMP,
    timestampType: 'CREATE_TIME',
    key: r.key === null ? null : Buffer.from(r.key),
    value: r.value === null ? null : Buffer.from(r.value),
    headers: r.headers.map(([k, v]) => ({ key: k, value: Buffer.from(v) })),
  };
}

interface PathResult {
  /** The failed stage, or null when the record went through. */
  stage: string | null;
  /** The LogReporter line with errors.log.include.messages=true. */
  log: string | null;
}

/** Our side of the sink path for each record. */
async function runOurs(
  admin: Admin,
  producer: Producer,
  dlqTopic: string,
  sourceTopic: string,
): Promise<PathResult[]> {
  const metrics = new ErrorHandlingMetrics();
  const reporter = await DeadLetterQueueReporter.createAndSetup(
    admin,
    { connector: 'dlq-sink', task: 0 },
    { dlqTopicName: dlqTopic, dlqTopicReplicationFactor: 3, isDlqContextHeadersEnabled: true },
    kafkajsDlqProducer(producer),
    metrics,
  );
  const op = new RetryWithToleranceOperator<ConsumedRecord>({
    retryTimeoutMs: 0,
    maxDelayMs: 60000,
    tolerance: 'ALL',
    metrics,
  });
  op.reporters([reporter]);
  const keyConverter = new StringConverter();
  keyConverter.configure({}, true);
  const valueConverter = new JsonConverter();
  valueConverter.configure({ 'schemas.enable': 'true' }, false);
  const plugin = findSmtPlugin(MASK, 'transformation');
  assert.ok(plugin);
  const mask = plugin.factory<SinkRecord>();
  mask.configure({ fields: 'ssn' });
  const stages: PathResult[] = [];
  const logReporter = new SinkLogReporter(
    { connector: 'dlq-sink', task: 0 },
    { enableErrorLog: true, includeRecordDetailsInErrorLog: true },
    metrics,
    () => {},
  );
  for (const r of INPUT) {
    const consumed = consumedOf(sourceTopic, r);
    const ctx = new ProcessingContext(consumed);
    const k = op.execute(
      ctx,
      () => keyConverter.toConnectData(sourceTopic, null, consumed.key),
      'KEY_CONVERTER',
      StringConverter.CLASS_NAME,
    );
    const v = op.execute(
      ctx,
      () => valueConverter.toConnectData(sourceTopic, null, consumed.value),
      'VALUE_CONVERTER',
      JsonConverter.CLASS_NAME,
    );
    if (!ctx.failed() && k !== null && v !== null) {
      const rec = new SinkRecord(
        sourceTopic,
        0,
        k.schema,
        k.value,
        v.schema,
        v.value,
        r.offset,
        TIMESTAMP,
        'CREATE_TIME',
        new ConnectHeaders(),
      );
      op.execute(ctx, () => mask.apply(rec), 'TRANSFORMATION', mask.className);
    }
    stages.push({
      stage: ctx.failed() ? ctx.stage : null,
      log: ctx.failed() ? logReporter.message(ctx) : null,
    });
  }
  await op.flushReports();
  assert.equal(metrics.dlqProduceRequests, 3);
  assert.equal(metrics.dlqProduceFailures, 0);
  return stages;
}

/** The real Connect 4.4 reporter over the same records (one JVM). */
async function runReal(
  classpath: string,
  bootstrap: string,
  dlqTopic: string,
  sourceTopic: string,
): Promise<PathResult[]> {
  const source = resolve(__dirname, '../compat/java/SmtDlqHarness.java');
  const hash = createHash('sha256').update(readFileSync(source)).update(classpath).digest('hex').slice(0, 16);
  const classes = join(tmpdir(), `kcl-smt-dlq-harness-${hash}`);
  if (!existsSync(join(classes, 'SmtDlqHarness.class'))) {
    mkdirSync(classes, { recursive: true });
    const c = spawnSync('javac', ['-nowarn', '-d', classes, '-cp', classpath, source], { encoding: 'utf8' });
    if (c.status !== 0) throw new Error(`javac: ${c.stderr}`);
  }
  const input = {
    bootstrap,
    dlqTopic,
    connector: 'dlq-sink',
    task: 0,
    contextHeaders: true,
    transform: { type: MASK, config: { fields: 'ssn' } },
    records: INPUT.map((r) => ({
      topic: sourceTopic,
      partition: 0,
      offset: r.offset,
      timestamp: TIMESTAMP,
      key: r.key === null ? null : Buffer.from(r.key).toString('base64'),
      value: r.value === null ? null : Buffer.from(r.value).toString('base64'),
      headers: r.headers.map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
    })),
  };
  const child = spawn('java', ['-cp', `${classes}:${classpath}`, 'SmtDlqHarness'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  const code = await new Promise<number>((res, rej) => {
    child.on('error', rej);
    child.on('close', (c) => res(c ?? -1));
    child.stdin.end(JSON.stringify(input));
  });
  if (code !== 0)
    throw new Error(`SmtDlqHarness exited ${code}: ${Buffer.concat(err).toString().slice(-3000)}`);
  const text = Buffer.concat(out).toString();
  const marker = text.indexOf('@@RESULT@@');
  if (marker < 0) throw new Error(`no result from SmtDlqHarness: ${text.slice(-2000)}`);
  return (JSON.parse(text.slice(marker + '@@RESULT@@'.length)) as (PathResult & { failed: boolean })[]).map(
    (r) => ({ stage: r.stage, log: r.log }),
  );
}

async function readTopic(kafka: Kafka, topic: string, count: number): Promise<DlqMessage[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('dlq-reader') });
  const messages: DlqMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((res, rej) => {
      const timer = setTimeout(
        () => rej(new Error(`only ${messages.length}/${count} messages on ${topic}`)),
        90000, // a fresh cluster under load can take long to create __consumer_offsets
      );
      void consumer
        .run({
          eachMessage: ({ message }) => {
            const headers: [string, string | null][] = [];
            for (const [k, v] of Object.entries(message.headers ?? {})) {
              for (const one of Array.isArray(v) ? v : [v])
                headers.push([k, one === undefined || one === null ? null : one.toString()]);
            }
            messages.push({
              key: message.key?.toString() ?? null,
              value: message.value?.toString() ?? null,
              timestamp: message.timestamp,
              headers,
            });
            if (messages.length >= count) {
              clearTimeout(timer);
              res();
            }
            return Promise.resolve();
          },
        })
        .catch(rej);
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

void describe('DeadLetterQueueReporter on the real broker', () => {
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  const sourceTopic = uniqueName('orders');
  const ourDlq = uniqueName('orders-dlq-ours');

  before(async () => {
    kafka = kafkaClient();
    admin = kafka.admin();
    producer = kafka.producer();
    await admin.connect();
    await producer.connect();
  });

  after(async () => {
    await producer.disconnect();
    await admin.disconnect();
  });

  let ours: DlqMessage[] = [];
  let ourStages: PathResult[] = [];

  void it('writes each poison record with its original bytes and the __connect.errors.* headers', async () => {
    ourStages = await runOurs(admin, producer, ourDlq, sourceTopic);
    // Jackson reads a text node as int 0, so the mismatching payload passes conversion and fails in MaskField.
    assert.deepEqual(
      ourStages.map((s) => s.stage),
      [null, 'VALUE_CONVERTER', 'TRANSFORMATION', 'TRANSFORMATION'],
    );
    assert.equal(
      ourStages[1]?.log,
      `Error encountered in task dlq-sink-0. Executing stage 'VALUE_CONVERTER' with class 'org.apache.kafka.connect.json.JsonConverter', where consumed record is {topic='${sourceTopic}', partition=0, offset=11, timestamp=${TIMESTAMP}, timestampType=CreateTime}.`,
    );
    const meta = await admin.fetchTopicMetadata({ topics: [ourDlq] });
    assert.equal(meta.topics[0]?.partitions.length, 1, 'DLQ topic created with one partition');
    ours = await readTopic(kafka, ourDlq, 3);
    assert.deepEqual(
      ours.map((m) => [m.key, m.value, m.timestamp]),
      [
        ['k1', '{bad json', String(TIMESTAMP)],
        [null, '{"schema":{"type":"int32","optional":false},"payload":"x"}', String(TIMESTAMP)],
        ['k3', null, String(TIMESTAMP)],
      ],
    );
    const tomb = ours[2];
    assert.ok(tomb);
    const h = new Map(tomb.headers.filter(([k]) => k !== '__connect.errors.exception.stacktrace'));
    assert.deepEqual(Object.fromEntries(h), {
      tomb: 'yes',
      '__connect.errors.topic': sourceTopic,
      '__connect.errors.partition': '0',
      '__connect.errors.offset': '13',
      '__connect.errors.connector.name': 'dlq-sink',
      '__connect.errors.task.id': '0',
      '__connect.errors.stage': 'TRANSFORMATION',
      '__connect.errors.class.name': MASK,
      '__connect.errors.exception.class.name': 'org.apache.kafka.connect.errors.DataException',
      '__connect.errors.exception.message':
        'Only Map objects supported in absence of schema for [mask fields], found: null',
    });
    assert.deepEqual(
      ours[0]?.headers.filter(([k]) => k === 'trace'),
      [
        ['trace', 'b'],
        ['trace', 'b2'],
      ],
      'repeated original headers are kept',
    );
  });

  const classpath = realConnectClasspath();
  void it(
    'is identical to the real Connect 4.4 DeadLetterQueueReporter',
    { skip: classpath === null ? 'real Connect jars not available' : false },
    async () => {
      assert.ok(classpath);
      const realDlq = uniqueName('orders-dlq-real');
      const realStages = await runReal(classpath, testCluster().bootstrapServers, realDlq, sourceTopic);
      assert.deepEqual(ourStages, realStages, 'failed stages and LogReporter lines');
      const real = await readTopic(kafka, realDlq, 3);
      const comparable = (m: DlqMessage) => ({
        ...m,
        // The stack trace differs by nature (JVM frames vs JS frames); its first line must not.
        headers: m.headers.map(([k, v]): [string, string | null] => [
          k,
          k === '__connect.errors.exception.stacktrace' ? ((v ?? '').split('\n')[0] ?? '') : v,
        ]),
      });
      assert.deepEqual(ours.map(comparable), real.map(comparable));
    },
  );
});
