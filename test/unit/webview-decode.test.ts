/** Records panel logic: payload decoding, CDC extraction and diff, DLQ headers, filter, ring buffer. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RingBuffer, groupByException, matchesFilter } from '../../protocol/webview/record-filter';
import { base64, changedFields, decodePayload, decodeRecord } from '../../protocol/webview/record-decode';
import { compactJson, parseJsonText, prettyJson } from '../../protocol/webview/json-text';
import { badRecords, cdcRecords, dlqRecords, flatRecords } from '../webview/fixtures';

const enc = (s: string) => new TextEncoder().encode(s);

void describe('json-text', () => {
  void it('keeps int64 literals exact and rejects trailing garbage', () => {
    const n = parseJsonText('{"ts_ns":1559033904900841257,"a":[1.50,true,null,"é\\n"]}');
    assert.ok(n);
    assert.equal(compactJson(n), '{"ts_ns":1559033904900841257,"a":[1.50,true,null,"é\\n"]}');
    assert.match(prettyJson(n), /\n {2}"ts_ns": 1559033904900841257,\n/);
    assert.equal(parseJsonText('{"a":1} x'), undefined);
    assert.equal(parseJsonText('{"a":'), undefined);
    assert.equal(parseJsonText('[01]'), undefined);
  });
});

void describe('decodePayload', () => {
  void it('text, json, binary, null, envelope, invalid JSON and truncation', () => {
    assert.equal(decodePayload(null).view.kind, 'null');
    assert.deepEqual(decodePayload(enc('hello')).view, {
      kind: 'text',
      text: 'hello',
      bytes: 5,
      truncated: false,
    });
    const bin = decodePayload(new Uint8Array([0xff, 0x00, 0x41]));
    assert.equal(bin.view.kind, 'binary');
    assert.equal(bin.view.text, Buffer.from([0xff, 0x00, 0x41]).toString('base64'));
    const env = decodePayload(enc('{"schema":{"type":"int64"},"payload":9007199254740993}'));
    assert.equal(env.view.envelope, true);
    assert.equal(env.view.text, '9007199254740993');
    assert.equal(decodePayload(enc('{"a": ')).view.invalidJson, true);
    const huge = decodePayload(enc(JSON.stringify({ s: 'y'.repeat(100) })), 20);
    assert.equal(huge.view.truncated, true);
    assert.equal(huge.view.text.length, 20);
    assert.match(huge.full, /y{100}/);
  });
  void it('base64 matches Node for every tail length', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 255]) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 37) & 255);
      assert.equal(base64(b), Buffer.from(b).toString('base64'));
    }
  });
});

void describe('CDC', () => {
  const views = cdcRecords.map((r, i) => decodeRecord(i, r, 'cdc').view);
  void it('reads op, source metadata and the changed fields of an update', () => {
    assert.deepEqual(
      views.map((v) => (v.cdc?.tombstone ? 'tombstone' : v.cdc?.op)),
      ['r', 'c', 'u', 'd', 'tombstone', 'c'],
    );
    const u = views[2].cdc!;
    assert.deepEqual(u.changed, ['email']);
    assert.deepEqual(u.source, {
      table: 'public.customers',
      lsn: '24023240',
      txId: '556',
      snapshot: 'false',
      db: 'inventory',
      connector: 'dbserver1',
    });
    assert.equal(views[0].cdc!.source.snapshot, 'first');
    assert.equal(views[3].cdc!.after, null);
    assert.equal(views[5].value.envelope, true);
    assert.equal(views[5].key.text, '{\n  "id": 2\n}');
  });
  void it('ExtractNewRecordState rows: op from __op header / __deleted', () => {
    const [c, d] = flatRecords.map((r, i) => decodeRecord(i, r, 'cdc').view.cdc!);
    assert.equal(c.op, 'c');
    assert.equal(c.flattened, true);
    assert.equal(d.op, 'd');
    assert.ok(d.before && !d.after);
  });
  void it('changedFields counts added and removed fields', () => {
    assert.deepEqual(
      changedFields(
        [
          ['a', '1'],
          ['b', '2'],
        ],
        [
          ['a', '1'],
          ['c', '3'],
        ],
      ),
      ['b', 'c'],
    );
    assert.deepEqual(changedFields(null, [['a', '1']]), []);
  });
});

void describe('DLQ', () => {
  const views = dlqRecords.map((r, i) => decodeRecord(i, r, 'dlq').view);
  void it('decodes the __connect.errors.* headers', () => {
    assert.deepEqual(
      { ...views[0].dlq, stacktrace: undefined },
      {
        topic: 'orders',
        partition: '0',
        offset: '17',
        connector: 'jdbc-sink-orders',
        task: '0',
        stage: 'VALUE_CONVERTER',
        className: 'org.apache.kafka.connect.json.JsonConverter',
        exceptionClass: 'org.apache.kafka.connect.errors.DataException',
        exceptionMessage: 'Converting byte[] to Kafka Connect data failed due to serialization error: ',
        stacktrace: undefined,
      },
    );
    assert.match(views[0].dlq!.stacktrace!, /^org.apache.kafka.connect.errors.DataException: /);
  });
  void it('groups by exception class, biggest group first', () => {
    const g = groupByException(views);
    assert.deepEqual(
      g.map((x) => [x.exceptionClass, x.ids]),
      [
        ['org.apache.kafka.connect.errors.DataException', [0, 1]],
        ['org.apache.kafka.connect.errors.ConnectException', [2]],
      ],
    );
  });
});

void describe('filter and buffer', () => {
  void it('matches key, value, header names and values, DLQ columns', () => {
    const bad = badRecords.map((r, i) => decodeRecord(i, r, 'records').view);
    const dlq = dlqRecords.map((r, i) => decodeRecord(i, r, 'dlq').view);
    assert.equal(matchesFilter(bad[1], 'K-HTML'), true);
    assert.equal(matchesFilter(bad[1], '<i>x</i>'), true);
    assert.equal(matchesFilter(bad[1], 'nothing-like-this'), false);
    assert.equal(matchesFilter(dlq[0], 'trace-id'), true);
    assert.equal(matchesFilter(dlq[2], 'tolerance exceeded'), true);
    assert.equal(dlq.filter((r) => matchesFilter(r, 'DataException')).length, 2);
  });
  void it('ring buffer keeps the newest capacity items and counts evictions', () => {
    const b = new RingBuffer<number>(3);
    for (let i = 0; i < 10; i++) b.push([i * 2, i * 2 + 1]);
    assert.deepEqual(b.toArray(), [17, 18, 19]);
    assert.equal(b.evicted, 17);
    assert.equal(b.at(0), 17);
  });
});
