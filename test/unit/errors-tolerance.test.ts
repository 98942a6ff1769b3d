import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SourceRecord } from '../../runtime/api/records';
import { ConnectException, DataException, RetriableException } from '../../runtime/data/errors';
import {
  DeadLetterQueueReporter,
  ErrorHandlingMetrics,
  ProcessingContext,
  RetryWithToleranceOperator,
  SinkLogReporter,
  SourceLogReporter,
  errorHandlingConfig,
  sinkTaskErrorHandling,
  sourceTaskErrorHandling,
} from '../../runtime/errors/tolerance';
import type { ConsumedRecord, DlqProducerRecord, ErrorReporter } from '../../runtime/errors/tolerance';

const consumed: ConsumedRecord = {
  topic: 'orders',
  partition: 3,
  offset: 41n,
  timestamp: 1700000000000,
  timestampType: 'CREATE_TIME',
  key: Buffer.from('k'),
  value: Buffer.from('{bad json'),
  headers: [{ key: 'trace', value: Buffer.from('abc') }],
};

function operator(tolerance: 'NONE' | 'ALL', retryTimeoutMs = 0, maxDelayMs = 60000) {
  const reported: ProcessingContext<ConsumedRecord>[] = [];
  const reporter: ErrorReporter<ConsumedRecord> = {
    report: (ctx) => {
      reported.push(ctx);
      return Promise.resolve();
    },
    close: () => {},
  };
  const op = new RetryWithToleranceOperator<ConsumedRecord>({
    retryTimeoutMs,
    maxDelayMs,
    tolerance,
    random: () => 5,
  });
  op.reporters([reporter]);
  return { op, reported };
}

void describe('RetryWithToleranceOperator', () => {
  void it('errors.tolerance=none: a converter failure fails with "Tolerance exceeded in error handler" and is still reported', () => {
    const { op, reported } = operator('NONE');
    const ctx = new ProcessingContext(consumed);
    const bad = new DataException(
      'Converting byte[] to Kafka Connect data failed due to serialization error: ',
    );
    assert.throws(
      () =>
        op.execute(
          ctx,
          () => {
            throw bad;
          },
          'VALUE_CONVERTER',
          'org.apache.kafka.connect.json.JsonConverter',
        ),
      (e: unknown) =>
        e instanceof ConnectException &&
        e.message === 'Tolerance exceeded in error handler' &&
        e.cause === bad,
    );
    assert.equal(reported.length, 1);
    assert.equal(reported[0]?.stage, 'VALUE_CONVERTER');
    assert.equal(op.metrics.recordErrors, 1);
    assert.equal(op.metrics.recordFailures, 1);
    assert.equal(op.withinToleranceLimits(), false);
  });

  void it('errors.tolerance=all: failures are skipped (null), reported, counted; a failed context skips later stages', () => {
    const { op, reported } = operator('ALL');
    const ctx = new ProcessingContext(consumed);
    assert.equal(
      op.execute(
        ctx,
        () => {
          throw new Error('boom');
        },
        'TRANSFORMATION',
        'x.Y',
      ),
      null,
    );
    assert.ok(ctx.failed());
    let ran = false;
    assert.equal(
      op.execute(ctx, () => (ran = true), 'TRANSFORMATION', 'x.Z'),
      null,
    );
    assert.equal(ran, false);
    assert.equal(reported.length, 1);
    assert.deepEqual(
      [op.metrics.recordsSkipped, op.metrics.recordErrors, op.metrics.recordFailures],
      [1, 1, 1],
    );
    assert.equal(
      op.execute(new ProcessingContext(consumed), () => 7, 'KEY_CONVERTER', 'c'),
      7,
    );
  });

  void it('only RetriableException is tolerated outside conversion/transformation stages', async () => {
    const { op } = operator('ALL');
    await assert.rejects(
      op.executeAsync(
        new ProcessingContext(consumed),
        () => Promise.reject(new Error('db down')),
        'TASK_PUT',
        'Sink',
      ),
      (e: unknown) => e instanceof ConnectException && e.message === 'Unhandled exception in error handler',
    );
    const ctx = new ProcessingContext(consumed);
    assert.equal(
      await op.executeAsync(ctx, () => Promise.reject(new RetriableException('later')), 'TASK_PUT', 'Sink'),
      null,
    );
    assert.ok(ctx.error instanceof RetriableException);
  });

  void it('retries RetriableException with backoff until success within errors.retry.timeout', async () => {
    const { op } = operator('NONE', 5000, 20);
    let calls = 0;
    const start = Date.now();
    const result = await op.executeAsync(
      new ProcessingContext(consumed),
      () => {
        calls++;
        if (calls < 3) throw new RetriableException('not yet');
        return 'ok';
      },
      'TASK_PUT',
      'Sink',
    );
    assert.equal(result, 'ok');
    assert.equal(calls, 3);
    assert.equal(op.metrics.retries, 2);
    assert.ok(
      Date.now() - start < 1000,
      'delays above errors.retry.delay.max.ms are replaced by a random value below it',
    );
  });

  void it('gives up retrying at the deadline (no retries when errors.retry.timeout=0); the record is skipped', () => {
    const { op } = operator('NONE', 0);
    let calls = 0;
    const ctx = new ProcessingContext(consumed);
    const r = op.execute(
      ctx,
      () => {
        calls++;
        throw new RetriableException('x');
      },
      'KEY_CONVERTER',
      'c',
    );
    assert.equal(r, null);
    assert.equal(calls, 1);
    assert.equal(ctx.attempt, 1);
    assert.ok(ctx.failed());
  });

  void it('retries a RetriableException in a synchronous stage too (blocking backoff, as the Java task thread)', () => {
    const { op } = operator('NONE', 5000, 10);
    let calls = 0;
    const v = op.execute(
      new ProcessingContext(consumed),
      () => {
        calls++;
        if (calls < 3) throw new RetriableException('flaky');
        return 'converted';
      },
      'VALUE_CONVERTER',
      'c',
    );
    assert.equal(v, 'converted');
    assert.equal(op.metrics.retries, 2);
  });

  void it('executeFailed reports and throws when not tolerated', async () => {
    const all = operator('ALL');
    await all.op.executeFailed(new ProcessingContext(consumed), 'KAFKA_PRODUCE', 'p', new Error('x'));
    assert.equal(all.reported.length, 1);
    const none = operator('NONE');
    assert.throws(
      () => none.op.executeFailed(new ProcessingContext(consumed), 'KAFKA_PRODUCE', 'p', new Error('x')),
      /Tolerance exceeded/,
    );
    assert.equal(none.reported.length, 1);
  });
});

void describe('LogReporter', () => {
  void it("writes Connect's line, with record details only when errors.log.include.messages", async () => {
    const lines: string[] = [];
    const metrics = new ErrorHandlingMetrics();
    const ctx = new ProcessingContext(consumed);
    ctx.currentContext('VALUE_CONVERTER', 'org.apache.kafka.connect.json.JsonConverter');
    ctx.error = new DataException('bad');
    const id = { connector: 'jdbc-sink', task: 0 };
    await new SinkLogReporter(
      id,
      { enableErrorLog: true, includeRecordDetailsInErrorLog: false },
      metrics,
      (m) => lines.push(m),
    ).report(ctx);
    await new SinkLogReporter(
      id,
      { enableErrorLog: true, includeRecordDetailsInErrorLog: true },
      metrics,
      (m) => lines.push(m),
    ).report(ctx);
    await new SinkLogReporter(
      id,
      { enableErrorLog: false, includeRecordDetailsInErrorLog: true },
      metrics,
      (m) => lines.push(m),
    ).report(ctx);
    assert.deepEqual(lines, [
      "Error encountered in task jdbc-sink-0. Executing stage 'VALUE_CONVERTER' with class 'org.apache.kafka.connect.json.JsonConverter'.",
      "Error encountered in task jdbc-sink-0. Executing stage 'VALUE_CONVERTER' with class 'org.apache.kafka.connect.json.JsonConverter', where consumed record is {topic='orders', partition=3, offset=41, timestamp=1700000000000, timestampType=CreateTime}.",
    ]);
    assert.equal(metrics.errorsLogged, 2);
    const src = new SourceRecord({ f: 1 }, { o: 2 }, 't', null, null, null, null, 'v');
    const sctx = new ProcessingContext(src);
    sctx.currentContext('TRANSFORMATION', 'x.Y');
    sctx.error = new Error('e');
    const out: string[] = [];
    await new SourceLogReporter(
      id,
      { enableErrorLog: true, includeRecordDetailsInErrorLog: true },
      metrics,
      (m) => out.push(m),
    ).report(sctx);
    assert.equal(
      out[0],
      `Error encountered in task jdbc-sink-0. Executing stage 'TRANSFORMATION' with class 'x.Y', where source record is = ${src.toString()}.`,
    );
  });
});

void describe('DeadLetterQueueReporter record', () => {
  void it('is the original bytes + headers + timestamp, plus __connect.errors.* context headers', async () => {
    const sent: DlqProducerRecord[] = [];
    const metrics = new ErrorHandlingMetrics();
    const reporter = new DeadLetterQueueReporter(
      {
        send: (r) => {
          sent.push(r);
          return Promise.resolve();
        },
        close: () => {},
      },
      { dlqTopicName: ' orders-dlq ', dlqTopicReplicationFactor: 3, isDlqContextHeadersEnabled: true },
      { connector: 'jdbc-sink', task: 2 },
      metrics,
    );
    const ctx = new ProcessingContext(consumed);
    ctx.currentContext('VALUE_CONVERTER', 'org.apache.kafka.connect.json.JsonConverter');
    ctx.error = new DataException(
      'Converting byte[] to Kafka Connect data failed due to serialization error: ',
      { cause: new Error('x') },
    );
    await reporter.report(ctx);
    const r = sent[0];
    assert.ok(r);
    assert.equal(r.topic, 'orders-dlq');
    assert.equal(r.partition, null);
    assert.equal(r.timestamp, 1700000000000);
    assert.deepEqual([r.key, r.value], [consumed.key, consumed.value]);
    const headers = r.headers.map((h) => [h.key, h.value?.toString('utf8') ?? null]);
    assert.deepEqual(headers.slice(0, 10), [
      ['trace', 'abc'],
      ['__connect.errors.topic', 'orders'],
      ['__connect.errors.partition', '3'],
      ['__connect.errors.offset', '41'],
      ['__connect.errors.connector.name', 'jdbc-sink'],
      ['__connect.errors.task.id', '2'],
      ['__connect.errors.stage', 'VALUE_CONVERTER'],
      ['__connect.errors.class.name', 'org.apache.kafka.connect.json.JsonConverter'],
      ['__connect.errors.exception.class.name', 'org.apache.kafka.connect.errors.DataException'],
      [
        '__connect.errors.exception.message',
        'Converting byte[] to Kafka Connect data failed due to serialization error: ',
      ],
    ]);
    assert.equal(headers[10]?.[0], '__connect.errors.exception.stacktrace');
    assert.match(
      String(headers[10]?.[1]),
      /^org\.apache\.kafka\.connect\.errors\.DataException: Converting[^\n]*\n\tat .*\nCaused by: java\.lang\.RuntimeException: x\n/s,
    );
    assert.equal(metrics.dlqProduceRequests, 1);

    // No DLQ topic configured: nothing is sent, nothing counted.
    const quiet = new DeadLetterQueueReporter(
      { send: () => Promise.reject(new Error('must not send')), close: () => {} },
      { dlqTopicName: '', dlqTopicReplicationFactor: 3, isDlqContextHeadersEnabled: false },
      { connector: 'c', task: 0 },
      new ErrorHandlingMetrics(),
    );
    await quiet.report(ctx);
  });

  void it('reads errors.* settings with Connect defaults', () => {
    assert.deepEqual(errorHandlingConfig({}), {
      retryTimeoutMs: 0,
      maxDelayMs: 60000,
      tolerance: 'NONE',
      enableErrorLog: false,
      includeRecordDetailsInErrorLog: false,
      dlqTopicName: '',
      dlqTopicReplicationFactor: 3,
      isDlqContextHeadersEnabled: false,
    });
    assert.equal(errorHandlingConfig({ 'errors.tolerance': 'ALL' }).tolerance, 'ALL');
  });
});

void describe('task error handling wiring', () => {
  void it('builds the sink operator from the connector config (LogReporter only without a DLQ topic)', async () => {
    const lines: string[] = [];
    const sink = await sinkTaskErrorHandling({
      id: { connector: 'c', task: 1 },
      connectorConfig: { 'errors.tolerance': 'all', 'errors.log.enable': 'true' },
      log: (m) => lines.push(m),
    });
    assert.equal(sink.reporters.length, 1);
    const ctx = new ProcessingContext(consumed);
    assert.equal(
      sink.operator.execute(
        ctx,
        () => {
          throw new DataException('x');
        },
        'KEY_CONVERTER',
        'k.C',
      ),
      null,
    );
    await sink.operator.flushReports();
    assert.deepEqual(lines, [
      "Error encountered in task c-1. Executing stage 'KEY_CONVERTER' with class 'k.C'.",
    ]);
    await assert.rejects(
      sinkTaskErrorHandling({
        id: { connector: 'c', task: 1 },
        connectorConfig: { 'errors.deadletterqueue.topic.name': 'dlq' },
        log: () => {},
      }),
      /admin and dlqProducer are required/,
    );
    const source = sourceTaskErrorHandling({
      id: { connector: 's', task: 0 },
      connectorConfig: {},
      log: () => {},
    });
    assert.equal(source.operator.toleranceType, 'NONE');
  });
});
