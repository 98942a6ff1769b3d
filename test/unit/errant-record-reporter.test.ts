import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SinkRecord } from '../../runtime/api/records';
import { ConnectHeaders } from '../../runtime/api/headers';
import { JsonConverter } from '../../runtime/converters/json-converter';
import { SimpleHeaderConverter } from '../../runtime/converters/simple-header-converter';
import { StringConverter } from '../../runtime/converters/string-converter';
import { RetryWithToleranceOperator } from '../../runtime/errors/tolerance';
import type { ConsumedRecord, ErrorReporter, ProcessingContext } from '../../runtime/errors/tolerance';
import { workerErrantRecordReporter } from '../../runtime/worker/errant-record-reporter';
import { InternalSinkRecord } from '../../runtime/worker/internal-sink-record';

// What was on the topic: JSON with spacing and key order a JsonConverter round trip does not keep.
const consumed: ConsumedRecord = {
  topic: 'orders',
  partition: 2,
  offset: 17n,
  timestamp: 1700000000000,
  timestampType: 'CREATE_TIME',
  key: Buffer.from('k-1'),
  value: Buffer.from('{ "b": 2,   "a": 1 }'),
  headers: [{ key: 'trace', value: Buffer.from('abc') }],
};

function setup() {
  const reported: ProcessingContext<ConsumedRecord>[] = [];
  const reporter: ErrorReporter<ConsumedRecord> = {
    report: (ctx) => {
      reported.push(ctx);
      return Promise.resolve();
    },
    close: () => {},
  };
  const op = new RetryWithToleranceOperator<ConsumedRecord>({
    retryTimeoutMs: 0,
    maxDelayMs: 60000,
    tolerance: 'ALL',
  });
  op.reporters([reporter]);
  const key = new StringConverter();
  key.configure({}, true);
  const value = new JsonConverter();
  value.configure({ 'schemas.enable': 'false' }, false);
  const header = new SimpleHeaderConverter();
  const errant = workerErrantRecordReporter(op, { key, value, header });
  return { reported, errant, value };
}

/** The SinkRecord the worker builds from `consumed`, after a transformation renamed the topic. */
function delivered(value: JsonConverter): SinkRecord {
  const data = value.toConnectData('orders', null, consumed.value);
  const headers = new ConnectHeaders();
  headers.addString('trace', 'abc');
  const plain = new SinkRecord(
    'orders',
    2,
    null,
    'k-1',
    data.schema,
    data.value,
    17,
    1700000000000,
    'CREATE_TIME',
    headers,
  );
  const renamed = plain.newRecord('orders-renamed', 0, null, 'k-1', data.schema, data.value, 1700000000000);
  return new InternalSinkRecord(consumed, renamed);
}

void describe('WorkerErrantRecordReporter: which bytes go to the DLQ', () => {
  void it('a record the worker delivered is reported with the consumed bytes, topic, partition and offset', async () => {
    const { reported, errant, value } = setup();
    await errant.report(delivered(value), new Error('index rejected it'));
    assert.equal(reported.length, 1);
    const sent = reported[0].original;
    assert.equal(sent, consumed);
    assert.equal(sent.value?.toString(), '{ "b": 2,   "a": 1 }');
    assert.equal(reported[0].stage, 'TASK_PUT');
  });

  void it("the task's newRecord() of a delivered record still reports the consumed record", async () => {
    const { reported, errant, value } = setup();
    const derived = delivered(value).newRecord('elsewhere', 5, null, 'other-key', null, 'changed', null);
    assert.ok(derived instanceof InternalSinkRecord);
    await errant.report(derived, new Error('boom'));
    assert.equal(reported[0].original, consumed);
  });

  void it('a record the task built itself is serialized with the converters under its own coordinates', async () => {
    const { reported, errant, value } = setup();
    const base = delivered(value);
    const own = new SinkRecord(
      'orders-renamed',
      0,
      base.keySchema,
      base.key,
      base.valueSchema,
      base.value,
      17,
      5,
      'CREATE_TIME',
      base.headers,
    );
    await errant.report(own, new Error('boom'));
    const sent = reported[0].original;
    assert.notEqual(sent, consumed);
    assert.equal(sent.topic, 'orders-renamed');
    assert.equal(sent.partition, 0);
    assert.equal(sent.offset, 17n);
    assert.equal(sent.key?.toString(), 'k-1');
    // Re-serialized: the converter's compact JSON, not the consumed spacing.
    assert.deepEqual(JSON.parse(sent.value?.toString() ?? 'null'), { b: 2, a: 1 });
    assert.notEqual(sent.value?.toString(), '{ "b": 2,   "a": 1 }');
    assert.deepEqual(
      sent.headers.map((h) => [h.key, h.value?.toString()]),
      [['trace', 'abc']],
    );
  });
});
