/** ConnectHeaders / ConnectHeader and the record classes (ConnectRecord, SourceRecord, SinkRecord). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConnectHeader, ConnectHeaders } from '../../runtime/api/headers';
import { SinkRecord, SourceRecord } from '../../runtime/api/records';
import { BigDecimal, DataException, Schema, SchemaAndValue, SchemaBuilder, Struct } from '../../runtime/data';

void describe('ConnectHeaders', () => {
  void it('adds typed headers with the schemas Connect uses', () => {
    const h = new ConnectHeaders()
      .addString('s', 'x')
      .addString('n', null)
      .addInt('i', 5)
      .addLong('l', 7n)
      .addBoolean('b', true)
      .addDouble('d', 1.5)
      .addBytes('y', Buffer.from('a'))
      .addDecimal('m', new BigDecimal(5n, 1))
      .addTimestamp('t', new Date(1));
    assert.equal(h.size, 9);
    assert.equal(h.lastWithName('s')?.schema, Schema.STRING_SCHEMA);
    assert.equal(h.lastWithName('n')?.schema, Schema.OPTIONAL_STRING_SCHEMA);
    assert.equal(h.lastWithName('l')?.value, 7n);
    assert.equal(h.lastWithName('m')?.schema?.parameters?.get('scale'), '1');
    assert.equal(h.lastWithName('missing'), null);
  });

  void it('validates add(key, SchemaAndValue) like Connect', () => {
    const h = new ConnectHeaders();
    assert.throws(
      () => h.add('k', new SchemaAndValue(Schema.INT32_SCHEMA, 'x')),
      new DataException('The value x is not compatible with the schema Schema{INT32}'),
    );
    assert.throws(
      () => h.add('k', new SchemaAndValue(Schema.INT32_SCHEMA, null)),
      new DataException('A null value requires an optional schema but was Schema{INT32}'),
    );
    assert.throws(
      () => h.addList('k', [1], Schema.INT32_SCHEMA),
      new DataException('Expecting ARRAY but instead found INT32'),
    );
    assert.throws(() => h.addDate('k', new Date(5)), DataException);
    h.add('k', 'v', Schema.STRING_SCHEMA).add('k', null, null);
    assert.equal(h.lastWithName('k')?.schema, null);
  });

  void it('duplicate shares nothing observable: adds and changes on either side stay on that side', () => {
    const keys = (h: ConnectHeaders): string[] => [...h].map((x) => `${x.key}=${String(x.value)}`);
    const original = new ConnectHeaders().addString('a', '1');
    const copy = original.duplicate();
    copy.addString('b', '2');
    original.addString('c', '3');
    assert.deepEqual(keys(original), ['a=1', 'c=3']);
    assert.deepEqual(keys(copy), ['a=1', 'b=2']);
    const second = copy.duplicate();
    const third = second.duplicate();
    second.remove('a');
    third.clear().addString('d', '4');
    copy.addString('e', '5');
    assert.deepEqual(keys(copy), ['a=1', 'b=2', 'e=5']);
    assert.deepEqual(keys(second), ['b=2']);
    assert.deepEqual(keys(third), ['d=4']);
    const empty = new ConnectHeaders();
    const emptyCopy = empty.duplicate();
    emptyCopy.addString('x', 'y');
    assert.equal(empty.size, 0);
    assert.equal(new ConnectHeaders().size, 0, 'a fresh instance starts empty after others added');
    assert.deepEqual(keys(emptyCopy), ['x=y']);
    const first = new ConnectHeaders().addString('f', '1');
    const later = first.duplicate();
    first.addString('g', '2');
    assert.deepEqual(keys(later), ['f=1'], 'the original adding first leaves the duplicate alone');
    const viaRecord = new SourceRecord(null, null, 't', null, null, null, null, 'v', null, original);
    const routed = viaRecord.newRecord('u', null, null, null, null, 'v', null);
    routed.headers.addString('z', '9');
    assert.deepEqual(keys(viaRecord.headers), ['a=1', 'c=3'], "newRecord's headers are a duplicate");
    assert.deepEqual(keys(routed.headers), ['a=1', 'c=3', 'z=9']);
  });

  void it('lastWithName, allWithName, remove, retainLatest, apply, duplicate', () => {
    const h = new ConnectHeaders()
      .addString('a', '1')
      .addString('b', '2')
      .addString('a', '3')
      .addString('c', '4')
      .addString('a', '5');
    assert.equal(h.lastWithName('a')?.value, '5');
    assert.deepEqual(
      h.allWithName('a').map((x) => x.value),
      ['1', '3', '5'],
    );
    const copy = h.duplicate();
    copy.retainLatest('a');
    assert.deepEqual(
      [...copy].map((x) => `${x.key}=${String(x.value)}`),
      ['b=2', 'c=4', 'a=5'],
    );
    assert.equal(h.size, 5, 'duplicate is independent');
    const latest = h.duplicate().retainLatest();
    assert.deepEqual(
      [...latest].map((x) => x.key),
      ['b', 'c', 'a'],
    );
    h.apply('a', (x) => (x.value === '3' ? null : x.with(Schema.STRING_SCHEMA, `${String(x.value)}!`)));
    assert.deepEqual(
      h.allWithName('a').map((x) => x.value),
      ['1!', '5!'],
    );
    h.apply((x) => x.rename(x.key.toUpperCase()));
    assert.deepEqual(
      [...h].map((x) => x.key),
      ['A', 'B', 'C', 'A'],
    );
    h.remove('A');
    assert.deepEqual(
      [...h].map((x) => x.key),
      ['B', 'C'],
    );
    assert.ok(h.equals(new ConnectHeaders().addString('B', '2').addString('C', '4')));
    h.clear();
    assert.ok(h.isEmpty());
  });

  void it('SchemaAndValue compares deeply and prints like Java', () => {
    const a = new SchemaAndValue(Schema.FLOAT64_SCHEMA, 100);
    assert.ok(a.equals(new SchemaAndValue(SchemaBuilder.float64().build(), 100)));
    assert.ok(!a.equals(new SchemaAndValue(Schema.FLOAT64_SCHEMA, 101)));
    assert.equal(a.toString(), 'SchemaAndValue{schema=Schema{FLOAT64}, value=100.0}');
    assert.ok(SchemaAndValue.NULL.equals(new SchemaAndValue(null, null)));
  });

  void it('a header without schema but with a Struct reports the struct schema', () => {
    const schema = SchemaBuilder.struct().field('a', Schema.INT32_SCHEMA).build();
    const header = new ConnectHeader('k', new SchemaAndValue(null, new Struct(schema).put('a', 1)));
    assert.equal(header.schema, schema);
    assert.equal(header.rename('k'), header);
  });
});

void describe('records', () => {
  void it('SourceRecord keeps partition/offset through newRecord and copies headers', () => {
    const r = new SourceRecord(
      { file: 'f' },
      { position: 10n },
      'topic',
      null,
      null,
      null,
      Schema.STRING_SCHEMA,
      'line',
      123,
    );
    r.headers.addString('h', 'v');
    const n = r.newRecord('other', 2, Schema.STRING_SCHEMA, 'k', Schema.STRING_SCHEMA, 'line2', 124);
    assert.deepEqual(
      [n.topic, n.kafkaPartition, n.key, n.value, n.timestamp],
      ['other', 2, 'k', 'line2', 124],
    );
    assert.deepEqual(n.sourcePartition, { file: 'f' });
    assert.deepEqual(n.sourceOffset, { position: 10n });
    n.headers.addString('h2', 'v2');
    assert.equal(r.headers.size, 1);
    assert.ok(!r.equals(n));
    assert.ok(
      r.equals(
        new SourceRecord(
          { file: 'f' },
          { position: 10n },
          'topic',
          null,
          null,
          null,
          Schema.STRING_SCHEMA,
          'line',
          123,
          r.headers,
        ),
      ),
    );
    assert.ok(SourceRecord.ofValue(null, null, 't', null, 'x').toString().startsWith('SourceRecord{'));
  });

  void it('SinkRecord remembers the original coordinates after topic changes', () => {
    const r = new SinkRecord('in', 3, null, 'k', null, 'v', 42, 1000, 'CREATE_TIME');
    const routed = r.newRecord('out', 0, null, 'k', null, 'v2', 1000);
    assert.equal(routed.topic, 'out');
    assert.equal(routed.kafkaOffset, 42);
    assert.equal(routed.originalTopic, 'in');
    assert.equal(routed.originalKafkaPartition, 3);
    assert.equal(routed.originalKafkaOffset, 42);
    assert.equal(routed.timestampType, 'CREATE_TIME');
    assert.match(routed.toString(), /timestampType=CreateTime/);
  });
});
