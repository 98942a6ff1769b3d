/**
 * The worker's sink loop calls put() on every poll, with an empty batch when the poll returned no
 * records (WorkerSinkTask.poll → deliverMessages), through a real runtime process and a real broker,
 * with a probe plugin (test/support/verifiable-plugins/put-probe-sink.ts) that logs each put() and
 * preCommit() call:
 * - an idle topic: put([]) once the offset commit is due, then the commit; context.timeout(ms) bounds
 *   the poll, so put([]) comes that often between commits;
 * - put([]) throwing RetriableException: every partition paused (a record produced meanwhile is not
 *   delivered), the task stays RUNNING, the next successful put([]) resumes them;
 * - put(records) throwing RetriableException: the same batch is put again, then delivered once;
 * - a paused connector's task still gets put([]), and no record until it is resumed.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Admin, Producer } from 'kafkajs';
import { kafkaClient, uniqueName } from '../support/cluster';
import { createTopicsWithLeaders } from '../support/kafka-topics';
import { REPO_ROOT, eventually, http, startRuntimeProcess } from '../support/runtime-process';
import type { RuntimeProcess } from '../support/runtime-process';

/** The runtime's offset.flush.interval.ms: an idle task's poll timeout when it asks for none. */
const FLUSH_INTERVAL_MS = 1500;

interface Call {
  call: 'put' | 'preCommit';
  values?: string[];
  retriable?: boolean;
}

const isEmptyPut = (c: Call): boolean => c.call === 'put' && c.values?.length === 0;

void describe('sink loop: put() on every poll, empty batches included (real broker, runtime process)', () => {
  let rt: RuntimeProcess;
  let producer: Producer;
  let admin: Admin;
  const kafka = kafkaClient();
  const dir = mkdtempSync(join(tmpdir(), 'kcl-empty-put-'));

  before(async () => {
    rt = await startRuntimeProcess({
      // The probe plugin is TypeScript extending runtime/api's sources: only the runtime run from
      // those same sources (through tsx) loads it.
      bundle: false,
      pluginPaths: [resolve(REPO_ROOT, 'test/support/verifiable-plugins')],
      offsetFlushIntervalMs: FLUSH_INTERVAL_MS,
    });
    producer = kafka.producer();
    admin = kafka.admin();
    await Promise.all([producer.connect(), admin.connect()]);
  });

  after(async () => {
    await producer?.disconnect().catch(() => undefined);
    await admin?.disconnect().catch(() => undefined);
    await rt?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function calls(file: string): Call[] {
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Call);
  }

  const putIndex = (log: Call[], value: string): number =>
    log.findIndex((c) => c.call === 'put' && !c.retriable && c.values?.includes(value));

  async function taskState(name: string): Promise<{ state: string; trace?: string } | undefined> {
    const s = (await http(rt.url, 'GET', `/connectors/${name}/status`)).body as {
      tasks?: { state: string; trace?: string }[];
    };
    return s.tasks?.[0];
  }

  /** A one-partition topic holding `first`, a probe connector on it, and its first put of `first`. */
  async function probe(
    extra: Record<string, string> = {},
  ): Promise<{ name: string; topic: string; file: string }> {
    const topic = uniqueName('empty_put');
    const name = uniqueName('probe');
    const file = join(dir, `${name}.jsonl`);
    await createTopicsWithLeaders(admin, [topic]);
    await producer.send({ topic, messages: [{ value: 'first' }] });
    const res = await http(rt.url, 'POST', '/connectors', {
      name,
      config: {
        'connector.class': 'io.kcl.test.PutProbeSinkConnector',
        topics: topic,
        'output.file': file,
        'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
        'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
        ...extra,
      },
    });
    assert.equal(res.status, 201, res.text);
    await eventually(() => putIndex(calls(file), 'first') >= 0, 90000, `${name} put(first)`);
    return { name, topic, file };
  }

  /** The empty puts between consecutive preCommit calls after `from` (the idle stretches). */
  function emptyPutsBetweenCommits(log: Call[], from: number): number[] {
    const gaps: number[] = [];
    let count: number | null = null;
    for (const c of log.slice(from)) {
      if (c.call === 'preCommit') {
        if (count !== null) gaps.push(count);
        count = 0;
      } else if (count !== null && isEmptyPut(c)) count++;
    }
    return gaps;
  }

  /** Waits for `n` idle commit intervals after put(first); their empty-put counts. */
  function idleGaps(file: string, n: number): Promise<number[]> {
    return eventually(
      () => {
        const log = calls(file);
        const gaps = emptyPutsBetweenCommits(log, putIndex(log, 'first'));
        return gaps.length >= n ? gaps : undefined;
      },
      60000,
      `${n} idle commit intervals in ${file}`,
    );
  }

  void it('idle topic: put([]) when the commit is due, then the commit; context.timeout() polls sooner', async () => {
    const plain = await probe();
    const quick = await probe({ 'timeout.ms': '50' });
    // No record is produced from here on.
    const plainGaps = await idleGaps(plain.file, 3);
    // Without context.timeout() the poll lasts until the commit is due: one empty put per interval
    // (two when the timer fires a hair before the due time), never none.
    assert.ok(
      plainGaps.every((n) => n >= 1 && n <= 2),
      `empty puts per commit interval: ${plainGaps.join()}`,
    );
    const quickGaps = await idleGaps(quick.file, 2);
    // timeout.ms=50 against a 1500 ms commit interval: many polls, each one an empty put.
    assert.ok(
      quickGaps.every((n) => n >= 5),
      `empty puts per commit interval with timeout.ms=50: ${quickGaps.join()}`,
    );
    for (const p of [plain, quick]) {
      assert.equal((await taskState(p.name))?.state, 'RUNNING');
      await http(rt.url, 'DELETE', `/connectors/${p.name}`);
    }
  });

  void it('put([]) throwing RetriableException pauses every partition until a put([]) succeeds; the task stays RUNNING', async () => {
    const marker = join(dir, `retriable-${Date.now()}`);
    const p = await probe({ 'timeout.ms': '100', 'retriable.while.file': marker });
    writeFileSync(marker, '');
    const retriedBefore = await eventually(
      () => {
        const n = calls(p.file).filter((c) => c.retriable).length;
        return n >= 1 ? n : undefined;
      },
      30000,
      'a retriable empty put',
    );
    await producer.send({ topic: p.topic, messages: [{ value: 'while-retrying' }] });
    // Ten more redeliveries of the empty batch (100 ms apart): a consumer that was not paused would
    // have handed the new record to put() long before.
    await eventually(
      () => calls(p.file).filter((c) => c.retriable).length >= retriedBefore + 10,
      30000,
      'ten more retriable empty puts',
    );
    assert.equal(
      putIndex(calls(p.file), 'while-retrying'),
      -1,
      'nothing delivered while paused for redelivery',
    );
    assert.equal((await taskState(p.name))?.state, 'RUNNING');
    rmSync(marker);
    await eventually(
      () => putIndex(calls(p.file), 'while-retrying') >= 0,
      30000,
      'the record after the resume',
    );
    const log = calls(p.file);
    const delivered = putIndex(log, 'while-retrying');
    const lastRetriable = log.map((c) => c.retriable === true).lastIndexOf(true);
    assert.ok(lastRetriable < delivered, 'delivered only after the last retriable put');
    assert.ok(
      log.slice(lastRetriable + 1, delivered).some(isEmptyPut),
      'a successful put([]) came first and resumed the partitions',
    );
    assert.equal(log.filter((c) => c.values?.includes('while-retrying')).length, 1, 'delivered once');
    assert.equal((await taskState(p.name))?.state, 'RUNNING');
    await http(rt.url, 'DELETE', `/connectors/${p.name}`);
  });

  void it('put(records) throwing RetriableException: the same batch is put again, then delivered once', async () => {
    const p = await probe({ 'timeout.ms': '100', 'retriable.puts.with.records': '2' });
    const log = calls(p.file);
    const withRecords = log.filter((c) => c.call === 'put' && (c.values?.length ?? 0) > 0);
    assert.deepEqual(
      withRecords.map((c) => [c.values, c.retriable === true]),
      [
        [['first'], true],
        [['first'], true],
        [['first'], false],
      ],
    );
    assert.equal((await taskState(p.name))?.state, 'RUNNING');
    await producer.send({ topic: p.topic, messages: [{ value: 'second' }] });
    await eventually(() => putIndex(calls(p.file), 'second') >= 0, 30000, 'the next record');
    await http(rt.url, 'DELETE', `/connectors/${p.name}`);
  });

  void it('a paused connector: put([]) goes on, records wait for the resume', async () => {
    const p = await probe({ 'timeout.ms': '100' });
    assert.equal((await http(rt.url, 'PUT', `/connectors/${p.name}/pause`)).status, 202);
    await eventually(async () => (await taskState(p.name))?.state === 'PAUSED', 30000, 'PAUSED');
    await producer.send({ topic: p.topic, messages: [{ value: 'while-paused' }] });
    const pausedAt = calls(p.file).length;
    await eventually(
      () => calls(p.file).slice(pausedAt).filter(isEmptyPut).length >= 10,
      30000,
      'empty puts while PAUSED',
    );
    assert.equal(putIndex(calls(p.file), 'while-paused'), -1, 'nothing delivered while PAUSED');
    assert.equal((await http(rt.url, 'PUT', `/connectors/${p.name}/resume`)).status, 202);
    await eventually(() => putIndex(calls(p.file), 'while-paused') >= 0, 30000, 'the record after RESUME');
    await http(rt.url, 'DELETE', `/connectors/${p.name}`);
  });
});
