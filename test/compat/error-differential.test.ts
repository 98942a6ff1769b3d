/**
 * Error-path differential (issue 5): the same connector configs on the real Kafka Connect 4.4.0 worker and
 * on our runtime, on the same broker and the same input topics/files, then compared side by side:
 * task states and failure traces, sink output files, DLQ records (key/value bytes, every header incl. the
 * `__connect.errors.*` context headers and null-valued ones), LogReporter lines, committed consumer-group
 * offsets (sinks) and committed source offsets (sources).
 *
 * Normalised, because it must differ between two workers: the connector name (each side has its own),
 * stack frames (Java vs JS: only the throwable lines — the first line and each `Caused by:` — are kept),
 * log timestamps. Everything else is compared as is.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { kafkajsHeaderValue } from '../../runtime/errors/tolerance/null-header';
import type { OurRuntime } from '../support/differential';
import { createTopics, kafka, request, startOurRuntime, topicSize } from '../support/differential';
import type { RealConnectWorker } from '../support/real-connect';
import { startRealConnect } from '../support/real-connect';

type SideName = 'real' | 'ours';
const SIDES: SideName[] = ['real', 'ours'];
type Config = Record<string, string>;

interface Input {
  key: string | null;
  value: string | null;
  headers?: Record<string, string | null>;
}

/** One Kafka record as compared: text of key/value, headers in order with null kept as null. */
interface Rec {
  key: string | null;
  value: string | null;
  headers: [string, string | null][];
}

interface SinkOutcome {
  connector: string;
  task: string;
  /** The trace's throwable lines (first line and `Caused by:` lines), frames dropped. */
  trace: string[];
  file: string | null;
  dlq: Rec[] | 'no topic';
  committed: string;
  log: string[];
}

const runId = Date.now().toString(36);
const dir = mkdtempSync(join(tmpdir(), 'kcl-error-diff-'));
const workers: Partial<Record<SideName, { url: string; logText: () => string }>> = {};
let real: RealConnectWorker | undefined;
let ours: OurRuntime | undefined;

const STRING_SCHEMA = (s: string): string =>
  JSON.stringify({ schema: { type: 'string', optional: false }, payload: s });

/**
 * The comparable part of a printed stack trace (Java's, or ours in Java's layout): the first line
 * (exception class and message) and every `Caused by:` of a Connect exception. Dropped: frames (Java vs
 * JS), and causes from below Connect — the JSON parser's (Jackson's JsonParseException wrapped in a
 * SerializationException on the real worker; the runtime's own parser error here) and the OS errors.
 */
function throwableLines(trace: string | null | undefined): string[] {
  if (!trace) return [];
  const lines = trace.split('\n');
  return [lines[0], ...lines.slice(1).filter((l) => l.startsWith('Caused by: org.apache.kafka.connect.'))];
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function call(url: string, method: 'GET' | 'POST' | 'DELETE', path: string, body?: object) {
  return request(
    url,
    method,
    path,
    body ? { text: JSON.stringify(body), contentType: 'application/json' } : undefined,
  );
}

async function produce(topic: string, inputs: Input[]): Promise<void> {
  const producer = kafka().producer();
  await producer.connect();
  try {
    await producer.send({
      topic,
      messages: inputs.map((m) => {
        const headers: Record<string, Buffer> = {};
        for (const [k, v] of Object.entries(m.headers ?? {}))
          headers[k] = kafkajsHeaderValue(v === null ? null : Buffer.from(v));
        return {
          key: m.key === null ? null : Buffer.from(m.key),
          value: m.value === null ? null : Buffer.from(m.value),
          headers,
        };
      }),
    });
  } finally {
    await producer.disconnect();
  }
}

/** Every record of a topic, headers in wire order per key, null header values kept as null. */
async function readAll(topic: string): Promise<Rec[] | 'no topic'> {
  const admin = kafka().admin();
  await admin.connect();
  const exists = (await admin.listTopics().finally(() => admin.disconnect())).includes(topic);
  if (!exists) return 'no topic';
  const end = await topicSize(topic);
  const out: Rec[] = [];
  if (end === 0) return out;
  const consumer = kafka().consumer({ groupId: `kcl-errdiff-reader-${Date.now()}-${Math.random()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`read ${out.length} of ${end} from ${topic}`)), 60_000);
      void consumer.run({
        autoCommit: false,
        eachMessage: ({ message }) => {
          const headers: [string, string | null][] = [];
          for (const [k, v] of Object.entries(message.headers ?? {})) {
            const list: (Buffer | string | null | undefined)[] = Array.isArray(v) ? v : [v];
            for (const one of list)
              headers.push([k, one === null || one === undefined ? null : one.toString()]);
          }
          out.push({
            key: message.key === null ? null : message.key.toString('utf8'),
            value: message.value === null ? null : message.value.toString('utf8'),
            headers,
          });
          if (out.length >= end) {
            clearTimeout(timer);
            ok();
          }
          return Promise.resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return out;
}

async function committedOffset(group: string, topic: string): Promise<string> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    const offs = await admin.fetchOffsets({ groupId: group, topics: [topic] });
    return offs[0]?.partitions.map((p) => p.offset).join(',') ?? 'none';
  } finally {
    await admin.disconnect();
  }
}

interface Status {
  connector?: { state: string };
  tasks?: { state: string; trace?: string }[];
}

async function status(url: string, name: string): Promise<Status> {
  return ((await call(url, 'GET', `/connectors/${name}/status`)).body ?? {}) as Status;
}

/** LogReporter lines of one connector from a worker log (timestamps, logger suffix and name normalised). */
function reporterLines(logText: string, name: string): string[] {
  return logText
    .split('\n')
    .filter((l) => l.includes(`Error encountered in task ${name}-`))
    .map((l) =>
      l
        .slice(l.indexOf('Error encountered'))
        .replace(/ \(org\.apache\.kafka\.connect\.runtime\.errors\.LogReporter:\d+\)$/, '')
        .replace(/timestamp=\d+/, 'timestamp=<ts>')
        .split(name)
        .join('<connector>'),
    );
}

function normaliseRecords(records: Rec[] | 'no topic', name: string): Rec[] | 'no topic' {
  if (records === 'no topic') return records;
  return records.map((r) => ({
    ...r,
    headers: r.headers.map(([k, v]): [string, string | null] => {
      if (k === '__connect.errors.connector.name' && v === name) return [k, '<connector>'];
      if (k === '__connect.errors.exception.stacktrace') return [k, throwableLines(v).join('\n')];
      return [k, v];
    }),
  }));
}

async function waitSettled(url: string, name: string, group: string, topic: string, total: number) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const s = await status(url, name);
    const state = s.tasks?.[0]?.state;
    if (state === 'FAILED' || s.connector?.state === 'FAILED') return;
    if (state === 'RUNNING' && (await committedOffset(group, topic)) === String(total)) return;
    await sleep(500);
  }
}

/** Runs one sink config on both workers (one connector each) over the same input topic. */
async function sinkScenario(id: string, inputs: Input[], extra: (side: SideName) => Config) {
  const topic = `kcl-errdiff-${runId}-${id}`;
  await createTopics([topic]);
  await produce(topic, inputs);
  const names = { real: `${topic}-real`, ours: `${topic}-ours` };
  const files = { real: join(dir, `${id}-real.txt`), ours: join(dir, `${id}-ours.txt`) };
  await Promise.all(
    SIDES.map(async (side) => {
      const res = await call(workers[side]!.url, 'POST', '/connectors', {
        name: names[side],
        config: {
          'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
          'tasks.max': '1',
          topics: topic,
          file: files[side],
          'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
          ...extra(side),
        },
      });
      assert.equal(res.status, 201, `${side}: ${JSON.stringify(res.body)}`);
    }),
  );
  await Promise.all(
    SIDES.map((side) =>
      waitSettled(workers[side]!.url, names[side], `connect-${names[side]}`, topic, inputs.length),
    ),
  );
  await sleep(2500); // a worker that goes on (commits, writes, fails late) must show it
  const outcome = async (side: SideName): Promise<SinkOutcome> => {
    const s = await status(workers[side]!.url, names[side]);
    const dlqTopic = extra(side)['errors.deadletterqueue.topic.name'];
    return {
      connector: s.connector?.state ?? 'missing',
      task: s.tasks?.[0]?.state ?? 'missing',
      trace: throwableLines(s.tasks?.[0]?.trace).map((l) => l.split(names[side]).join('<connector>')),
      file: existsSync(files[side]) ? readFileSync(files[side], 'utf8') : null,
      dlq: dlqTopic ? normaliseRecords(await readAll(dlqTopic), names[side]) : 'no topic',
      committed: await committedOffset(`connect-${names[side]}`, topic),
      log: reporterLines(workers[side]!.logText(), names[side]),
    };
  };
  const [r, o] = await Promise.all([outcome('real'), outcome('ours')]);
  await Promise.all(SIDES.map((side) => call(workers[side]!.url, 'DELETE', `/connectors/${names[side]}`)));
  return { real: r, ours: o, topic };
}

interface SourceOutcome {
  connector: string;
  task: string;
  trace: string[];
  records: Rec[] | 'no topic';
  offsets: unknown;
  dlq: 'no topic' | Rec[];
  log: string[];
}

/** Runs one FileStreamSource config on both workers over the same file; each side writes its own topic. */
async function sourceScenario(id: string, text: string, extra: Config, settleMs = 60_000) {
  const file = join(dir, `${id}.txt`);
  writeFileSync(file, text);
  const base = `kcl-errdiff-${runId}-${id}`;
  const topics = { real: `${base}-out-real`, ours: `${base}-out-ours` };
  const dlqs = { real: `${base}-dlq-real`, ours: `${base}-dlq-ours` };
  const names = { real: `${base}-real`, ours: `${base}-ours` };
  await createTopics([topics.real, topics.ours]);
  await Promise.all(
    SIDES.map(async (side) => {
      const res = await call(workers[side]!.url, 'POST', '/connectors', {
        name: names[side],
        config: {
          'connector.class': 'FileStreamSource',
          'tasks.max': '1',
          file,
          topic: topics[side],
          // Connect has no DLQ for source connectors: this key must create nothing on either side.
          'errors.deadletterqueue.topic.name': dlqs[side],
          ...extra,
        },
      });
      assert.equal(res.status, 201, `${side}: ${JSON.stringify(res.body)}`);
    }),
  );
  const offsetsOf = async (side: SideName) =>
    (await call(workers[side]!.url, 'GET', `/connectors/${names[side]}/offsets`)).body;
  await Promise.all(
    SIDES.map(async (side) => {
      const deadline = Date.now() + settleMs;
      while (Date.now() < deadline) {
        const s = await status(workers[side]!.url, names[side]);
        if (s.tasks?.[0]?.state === 'FAILED') return;
        if (JSON.stringify(await offsetsOf(side)).includes(`"position":${Buffer.byteLength(text)}`)) return;
        await sleep(500);
      }
    }),
  );
  await sleep(2500);
  const outcome = async (side: SideName): Promise<SourceOutcome> => {
    const s = await status(workers[side]!.url, names[side]);
    return {
      connector: s.connector?.state ?? 'missing',
      task: s.tasks?.[0]?.state ?? 'missing',
      trace: throwableLines(s.tasks?.[0]?.trace),
      records: await readAll(topics[side]),
      offsets: await offsetsOf(side),
      dlq: await readAll(dlqs[side]),
      log: reporterLines(workers[side]!.logText(), names[side]).map((l) =>
        l.split(topics[side]).join('<topic>'),
      ),
    };
  };
  const [r, o] = await Promise.all([outcome('real'), outcome('ours')]);
  await Promise.all(SIDES.map((side) => call(workers[side]!.url, 'DELETE', `/connectors/${names[side]}`)));
  return { real: r, ours: o };
}

const CAST_TO_INT32 = {
  transforms: 'toInt',
  'transforms.toInt.type': 'org.apache.kafka.connect.transforms.Cast$Value',
  'transforms.toInt.spec': 'int32',
};

const dlqTopic = (id: string) => (side: SideName) => `kcl-errdiff-${runId}-${id}-dlq-${side}`;

const TOLERATE_ALL_WITH_DLQ = (id: string) => (side: SideName) => ({
  'errors.tolerance': 'all',
  'errors.deadletterqueue.topic.name': dlqTopic(id)(side),
  'errors.deadletterqueue.topic.replication.factor': '1',
  'errors.deadletterqueue.context.headers.enable': 'true',
  'errors.log.enable': 'true',
  'errors.log.include.messages': 'true',
});

void describe('error handling and DLQ: our runtime vs Kafka Connect 4.4.0', { timeout: 15 * 60_000 }, () => {
  before(async () => {
    [real, ours] = await Promise.all([
      // Generous start-up bound: on a loaded 2-CPU machine the JVM worker has taken over 2 minutes.
      startRealConnect({ offsetFlushIntervalMs: 1000, startupTimeoutMs: 300_000 }),
      startOurRuntime({ offsetFlushIntervalMs: 1000 }),
    ]);
    const r = real;
    const o = ours;
    workers.real = { url: r.url, logText: () => readFileSync(r.logFile, 'utf8') };
    workers.ours = { url: o.url, logText: () => o.stderr() };
  });
  after(async () => {
    await Promise.all([real?.stop(), ours?.stop()]);
  });

  void test('sink, JsonConverter schemas.enable=true, tolerance all + DLQ: same file, DLQ records, headers, log, offsets', async () => {
    const inputs: Input[] = [
      { key: 'k0', value: STRING_SCHEMA('first'), headers: { origin: 'test' } },
      // invalid JSON; the input carries a null-valued header, which the DLQ copies as null
      { key: 'k1', value: '{"schema": not json', headers: { origin: 'test', empty: null } },
      { key: 'k2', value: '{"a":1}' }, // valid JSON without the schema/payload envelope
      { key: 'k3', value: STRING_SCHEMA('fourth') },
      { key: 'k4', value: null }, // tombstone: JsonConverter gives null, FileStreamSink writes "null"
      { key: 'k5', value: JSON.stringify({ schema: { type: 'int32', optional: false }, payload: 'abc' }) },
      { key: null, value: STRING_SCHEMA('last') },
    ];
    const id = 'json-schemas';
    const { real: r, ours: o } = await sinkScenario(id, inputs, (side) => ({
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'true',
      ...TOLERATE_ALL_WITH_DLQ(id)(side),
    }));
    assert.equal(r.task, 'RUNNING', 'real worker tolerated every failure (harness check)');
    // k5 is not a failure: Jackson's intValue() of a text node is 0 (the sink writes 0).
    assert.ok(Array.isArray(r.dlq) && r.dlq.length === 2, `real DLQ: ${JSON.stringify(r.dlq)}`);
    assert.deepEqual(o, r);
  });

  void test('sink, JsonConverter schemas.enable=false, tolerance all + DLQ, retry settings: same outcome', async () => {
    const inputs: Input[] = [
      { key: 'a', value: '{"n":1}' },
      { key: 'b', value: '{"n":' },
      { key: 'c', value: 'not json at all' },
      { key: 'd', value: '"a string"' },
      { key: 'e', value: '[1,2]' },
    ];
    const id = 'json-plain';
    const { real: r, ours: o } = await sinkScenario(id, inputs, (side) => ({
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'false',
      // Conversion errors are not retriable: these settings must change nothing.
      'errors.retry.timeout': '3000',
      'errors.retry.delay.max.ms': '500',
      ...TOLERATE_ALL_WITH_DLQ(id)(side),
    }));
    assert.ok(Array.isArray(r.dlq) && r.dlq.length === 2, `real DLQ: ${JSON.stringify(r.dlq)}`);
    assert.deepEqual(o, r);
  });

  void test('sink, predicate-gated Cast and Filter, tolerance all + DLQ: transformation failures alike', async () => {
    const inputs: Input[] = [
      { key: 'a', value: '{"n":"12"}', headers: { cast: 'yes' } },
      { key: 'b', value: '{"n":"abc"}', headers: { cast: 'yes' } }, // Cast fails
      { key: 'c', value: '{"n":"abc"}' }, // predicate false: passes untouched
      { key: 'd', value: null, headers: { cast: 'yes' } }, // tombstone: Cast passes it, Filter drops it
      { key: 'e', value: '"plain"', headers: { cast: 'yes' } }, // Cast on a non-map value fails
      { key: 'f', value: '{"n":"7"}', headers: { cast: 'yes' } },
    ];
    const id = 'transforms';
    const { real: r, ours: o } = await sinkScenario(id, inputs, (side) => ({
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'false',
      transforms: 'cast,dropTombstones',
      'transforms.cast.type': 'org.apache.kafka.connect.transforms.Cast$Value',
      'transforms.cast.spec': 'n:int32',
      'transforms.cast.predicate': 'hasCast',
      'transforms.dropTombstones.type': 'org.apache.kafka.connect.transforms.Filter',
      'transforms.dropTombstones.predicate': 'tomb',
      predicates: 'hasCast,tomb',
      'predicates.hasCast.type': 'org.apache.kafka.connect.transforms.predicates.HasHeaderKey',
      'predicates.hasCast.name': 'cast',
      'predicates.tomb.type': 'org.apache.kafka.connect.transforms.predicates.RecordIsTombstone',
      ...TOLERATE_ALL_WITH_DLQ(id)(side),
    }));
    assert.ok(Array.isArray(r.dlq) && r.dlq.length === 2, `real DLQ: ${JSON.stringify(r.dlq)}`);
    assert.deepEqual(o, r);
  });

  void test('sink, tolerance none, bad JSON: task FAILED alike, nothing committed past the poison record', async () => {
    const inputs: Input[] = [
      { key: 'a', value: STRING_SCHEMA('one') },
      { key: 'b', value: '{"schema": not json' },
      { key: 'c', value: STRING_SCHEMA('three') },
    ];
    const { real: r, ours: o } = await sinkScenario('none-json', inputs, () => ({
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'true',
      'errors.log.enable': 'true',
    }));
    assert.equal(r.task, 'FAILED', 'real task failed (harness check)');
    assert.deepEqual(o, r);
  });

  void test('sink, tolerance none, Cast on a wrong type: task FAILED alike', async () => {
    const inputs: Input[] = [
      { key: 'a', value: '{"n":"1"}' },
      { key: 'b', value: '{"n":"x"}' },
    ];
    const { real: r, ours: o } = await sinkScenario('none-cast', inputs, () => ({
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'false',
      transforms: 'cast',
      'transforms.cast.type': 'org.apache.kafka.connect.transforms.Cast$Value',
      'transforms.cast.spec': 'n:int32',
    }));
    assert.equal(r.task, 'FAILED', 'real task failed (harness check)');
    assert.deepEqual(o, r);
  });

  void test('sink task failing outside the tolerated stages (file is a directory): FAILED alike even with tolerance all', async () => {
    const id = 'start-fail';
    const topic = `kcl-errdiff-${runId}-${id}`;
    await createTopics([topic]);
    const badFile = join(dir, 'a-directory');
    mkdirSync(badFile, { recursive: true });
    const names = { real: `${topic}-real`, ours: `${topic}-ours` };
    const traces: Record<SideName, string[]> = { real: [], ours: [] };
    await Promise.all(
      SIDES.map(async (side) => {
        const url = workers[side]!.url;
        const res = await call(url, 'POST', '/connectors', {
          name: names[side],
          config: {
            'connector.class': 'FileStreamSink',
            topics: topic,
            file: badFile,
            'errors.tolerance': 'all',
          },
        });
        assert.equal(res.status, 201);
        const deadline = Date.now() + 60_000;
        while (Date.now() < deadline) {
          const t = (await status(url, names[side])).tasks?.[0];
          if (t?.state === 'FAILED') {
            traces[side] = throwableLines(t.trace);
            break;
          }
          await sleep(300);
        }
        await call(url, 'DELETE', `/connectors/${names[side]}`);
      }),
    );
    assert.ok(traces.real.length > 0, 'real task failed (harness check)');
    assert.deepEqual(traces.ours, traces.real);
  });

  void test("the lesson's Exercise 3 DLQ settings (orders-sink.json error keys) on both workers", async () => {
    // The lesson's JDBC sink is not installed on the real worker; its six errors.* keys are applied
    // verbatim to a FileStreamSink. First as written (replication factor 3 on this one-broker cluster),
    // then with the factor a one-broker cluster can take.
    const lesson = JSON.parse(
      readFileSync(join(__dirname, '..', 'fixtures', 'lesson-configs', 'orders-sink.json'), 'utf8'),
    ) as { config: Config };
    const errorKeys = Object.fromEntries(
      Object.entries(lesson.config).filter(([k]) => k.startsWith('errors.')),
    );
    assert.equal(Object.keys(errorKeys).length, 6);
    const inputs: Input[] = [
      { key: '1', value: STRING_SCHEMA('order 1') },
      { key: '2', value: 'not an order' },
      { key: '3', value: STRING_SCHEMA('order 3') },
    ];
    const asWritten = await sinkScenario('ex3-rf3', inputs, (side) => ({
      ...errorKeys,
      'errors.deadletterqueue.topic.name': `${dlqTopic('ex3-rf3')(side)}`,
    }));
    // Documented difference (docs/errors-and-dlq.md): real Connect cannot create the DLQ topic with
    // replication factor 3 on one broker and fails the task; our runtime caps the factor to the brokers
    // available (issue 5) and runs. Everything else must then be what real Connect does with factor 1.
    assert.equal(asWritten.real.task, 'FAILED');
    assert.equal(
      asWritten.real.trace[0],
      `org.apache.kafka.connect.errors.ConnectException: Could not initialize dead letter queue with topic=${dlqTopic('ex3-rf3')('real')}`,
    );
    assert.equal(asWritten.ours.task, 'RUNNING');
    const rf1 = await sinkScenario('ex3-rf1', inputs, (side) => ({
      ...errorKeys,
      'errors.deadletterqueue.topic.name': `${dlqTopic('ex3-rf1')(side)}`,
      'errors.deadletterqueue.topic.replication.factor': '1',
    }));
    assert.ok(Array.isArray(rf1.real.dlq) && rf1.real.dlq.length === 1);
    assert.deepEqual(rf1.ours, rf1.real);
    const essentials = (x: SinkOutcome, id: string) => ({
      task: x.task,
      file: x.file,
      committed: x.committed,
      dlq: normaliseDlqName(x.dlq, id),
    });
    assert.deepEqual(essentials(asWritten.ours, 'ex3-rf3'), essentials(rf1.real, 'ex3-rf1'));
  });

  void test('source, Cast failure, tolerance all: the record is skipped alike, offsets pass it, no DLQ', async () => {
    const { real: r, ours: o } = await sourceScenario('src-all', '12\nabc\n7\n', {
      ...CAST_TO_INT32,
      'errors.tolerance': 'all',
      'errors.log.enable': 'true',
      'errors.log.include.messages': 'true',
    });
    assert.ok(Array.isArray(r.records) && r.records.length === 2, `real: ${JSON.stringify(r.records)}`);
    assert.equal(r.dlq, 'no topic');
    // The LogReporter line too: SourceRecord.toString prints the partition/offset maps as Java does.
    assert.equal(r.log.length, 1);
    assert.match(r.log[0], /sourceOffset=\{position=\d+\}/);
    assert.deepEqual(o, r);
  });

  void test('source, Cast failure, tolerance none: task FAILED alike, the records before the poison one written and committed alike', async () => {
    const { real: r, ours: o } = await sourceScenario('src-none', '12\nabc\n7\n', CAST_TO_INT32);
    assert.equal(r.task, 'FAILED');
    // "12" (before the poison line, same poll) is written and its offset committed before the task fails.
    assert.equal(r.records === 'no topic' ? -1 : r.records.length, 1);
    assert.deepEqual(o, r);
  });

  void test('source, value conversion failure (IntegerConverter on strings), tolerance all and none', async () => {
    const conv = { 'value.converter': 'org.apache.kafka.connect.converters.IntegerConverter' };
    const all = await sourceScenario(
      'src-conv-all',
      'x\ny\n',
      { ...conv, 'errors.tolerance': 'all', 'errors.log.enable': 'true' },
      15_000,
    );
    assert.deepEqual(all.real.records, []);
    // Every polled record dropped by a conversion failure: no source offset is committed (a dropped
    // record is never submitted to the producer, so its offset is not committable).
    assert.deepEqual(all.real.offsets, { offsets: [] });
    assert.deepEqual(all.ours, all.real);
    const none = await sourceScenario('src-conv-none', 'x\ny\n', conv);
    assert.equal(none.real.task, 'FAILED');
    assert.deepEqual(none.ours, none.real);
  });
});

/** The DLQ records of two scenarios compare once the scenario's input topic name is masked. */
function normaliseDlqName(records: Rec[] | 'no topic', id: string): Rec[] | 'no topic' {
  if (records === 'no topic') return records;
  const topic = `kcl-errdiff-${runId}-${id}`;
  return records.map((r) => ({
    ...r,
    headers: r.headers.map(([k, v]): [string, string | null] => [
      k,
      v === null ? v : v.split(topic).join('<topic>'),
    ]),
  }));
}
