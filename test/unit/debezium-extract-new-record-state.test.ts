/** ExtractNewRecordState on envelopes built by our Debezium event factory (no services needed). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  EventFactory,
  buildTableEvents,
  rowStruct,
  sourceStruct,
} from '../../runtime/connectors/debezium/change-events';
import type { EventSettings } from '../../runtime/connectors/debezium/change-events';
import { ExtractNewRecordState } from '../../runtime/transforms/debezium/extract-new-record-state';
import type { SourceRecord } from '../../runtime/api/records';
import type { Struct } from '../../runtime/data/struct';

const settings: EventSettings = {
  topicPrefix: 'dbserver1',
  topicDelimiter: '.',
  database: 'inventory',
  tombstonesOnDelete: true,
  columnInclude: [],
  columnExclude: [],
  keyColumns: new Map(),
  decimalMode: 'precise',
  timePrecisionMode: 'adaptive',
  binaryMode: 'bytes',
  intervalMode: 'numeric',
  moneyFractionDigits: 2,
};
const table = buildTableEvents(
  {
    oid: 1,
    schema: 'public',
    table: 'customers',
    replicaIdentity: 'd',
    primaryKey: ['id'],
    columns: [
      {
        name: 'id',
        typeOid: 23,
        typmod: -1,
        typname: 'int4',
        typtype: 'b',
        elemOid: 0,
        enumValues: null,
        optional: false,
        defaultExpr: null,
      },
      {
        name: 'email',
        typeOid: 25,
        typmod: -1,
        typname: 'text',
        typtype: 'b',
        elemOid: 0,
        enumValues: null,
        optional: true,
        defaultExpr: null,
      },
    ],
  },
  settings,
);
const factory = new EventFactory(settings, { server: 'dbserver1' });
const source = sourceStruct(table, settings, {
  tsMicros: 1_700_000_000_000_000n,
  snapshot: null,
  sequence: null,
  txId: 5n,
  lsn: 100n,
});
const row = (id: number, email: string): Struct =>
  rowStruct(table, { id: String(id), email }, '__debezium_unavailable_value');

function smt(props: Record<string, string> = {}): ExtractNewRecordState<SourceRecord> {
  const t = new ExtractNewRecordState<SourceRecord>();
  t.configure(props);
  return t;
}

void describe('ExtractNewRecordState', () => {
  void it('create/update → the after state with the <topic>.Value schema; topic names as Debezium', () => {
    const [c] = factory.create(table, row(1, 'a@x.org'), source, {});
    assert.equal(c.topic, 'dbserver1.public.customers');
    assert.equal(c.valueSchema!.name, 'dbserver1.public.customers.Envelope');
    const out = smt().apply(c)!;
    assert.equal(out.valueSchema!.name, 'dbserver1.public.customers.Value');
    assert.equal((out.value as Struct).get('email'), 'a@x.org');
  });

  void it('delete: tombstone mode keeps a null value with the Value schema; drop; rewrite adds __deleted; incoming tombstones dropped', () => {
    const [d, tomb] = factory.delete(table, row(2, 'b@x.org'), source, {});
    const t = smt().apply(d)!;
    assert.equal(t.value, null);
    assert.equal(t.valueSchema!.name, 'dbserver1.public.customers.Value');
    assert.equal(smt().apply(tomb), null);
    assert.equal(smt({ 'delete.tombstone.handling.mode': 'drop' }).apply(d), null);
    const rw = smt({ 'delete.tombstone.handling.mode': 'rewrite' }).apply(d)!;
    assert.deepEqual(
      rw.valueSchema!.fields.map((f) => f.name),
      ['id', 'email', '__deleted'],
    );
    assert.equal((rw.value as Struct).get('__deleted'), 'true');
    assert.equal(smt({ 'delete.tombstone.handling.mode': 'rewrite-with-tombstone' }).apply(tomb), tomb);
    const dt = smt({ 'delete.tombstone.handling.mode': 'delete-to-tombstone' }).apply(d)!;
    assert.equal(dt.value, null);
    assert.equal(dt.valueSchema, null);
  });

  void it('add.fields and add.headers resolve bare names to source, op/ts_ms to the envelope', () => {
    const [c] = factory.create(table, row(3, 'c@x.org'), source, {});
    const out = smt({ 'add.fields': 'op,table,source.lsn:LSN', 'add.headers': 'db' }).apply(c)!;
    const v = out.value as Struct;
    assert.deepEqual(
      out.valueSchema!.fields.map((f) => f.name),
      ['id', 'email', '__op', '__table', '__LSN'],
    );
    assert.equal(v.get('__op'), 'c');
    assert.equal(v.get('__table'), 'customers');
    assert.equal(v.get('__LSN'), 100n);
    assert.equal(out.headers.lastWithName('__db')?.value, 'inventory');
  });
});
