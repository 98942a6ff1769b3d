/** StringConverter, ByteArrayConverter, SimpleHeaderConverter and the converter plugin registry. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ByteArrayConverter,
  CONVERTER_PLUGINS,
  HEADER_CONVERTER_PLUGINS,
  JsonConverter,
  SimpleHeaderConverter,
  StringConverter,
  converterAliases,
} from '../../runtime/converters';
import { DataException, Schema, SchemaBuilder, Struct } from '../../runtime/data';

void describe('StringConverter', () => {
  void it('writes toString() in the configured encoding and reads optional strings', () => {
    const c = new StringConverter();
    c.configure({}, false);
    assert.equal(c.fromConnectData('t', null, Schema.STRING_SCHEMA, 'héllo')?.toString('utf8'), 'héllo');
    assert.equal(c.fromConnectData('t', null, null, null), null);
    assert.equal(c.fromConnectData('t', null, Schema.FLOAT64_SCHEMA, 1e10)?.toString(), '1.0E10');
    assert.equal(
      c.fromConnectData('t', null, Schema.INT64_SCHEMA, 9007199254740993n)?.toString(),
      '9007199254740993',
    );
    const schema = SchemaBuilder.struct().field('a', Schema.INT32_SCHEMA).build();
    assert.equal(
      c.fromConnectData('t', null, schema, new Struct(schema).put('a', 1))?.toString(),
      'Struct{a=1}',
    );
    const sv = c.toConnectData('t', null, Buffer.from('x'));
    assert.equal(sv.schema, Schema.OPTIONAL_STRING_SCHEMA);
    assert.equal(sv.value, 'x');
    assert.equal(c.toConnectData('t', null, null).value, null);
  });

  void it('supports Java charset names and rejects unknown ones', () => {
    const latin = new StringConverter();
    latin.configure({ 'converter.encoding': 'ISO-8859-1' }, true);
    assert.deepEqual([...(latin.fromConnectData('t', null, null, 'é€') ?? [])], [0xe9, 0x3f]);
    const utf16 = new StringConverter();
    utf16.configure({ 'converter.encoding': 'UTF-16' }, false);
    assert.deepEqual([...(utf16.fromConnectData('t', null, null, 'A') ?? [])], [0xfe, 0xff, 0x00, 0x41]);
    assert.equal(utf16.toConnectData('t', null, Buffer.from([0xfe, 0xff, 0x00, 0x41])).value, 'A');
    assert.throws(
      () => new StringConverter().configure({ 'converter.encoding': 'EBCDIC-XYZ' }, false),
      /Invalid value EBCDIC-XYZ/,
    );
  });
});

void describe('ByteArrayConverter', () => {
  void it('passes bytes through and rejects other types with Connect messages', () => {
    const c = new ByteArrayConverter();
    c.configure();
    const b = Buffer.from([1, 2]);
    assert.equal(c.fromConnectData('t', null, Schema.BYTES_SCHEMA, b), b);
    assert.equal(c.fromConnectData('t', null, null, null), null);
    assert.equal(c.toConnectData('t', null, b).schema, Schema.OPTIONAL_BYTES_SCHEMA);
    assert.throws(
      () => c.fromConnectData('t', null, Schema.STRING_SCHEMA, b),
      new DataException('Invalid schema type for ByteArrayConverter: STRING'),
    );
    assert.throws(
      () => c.fromConnectData('t', null, null, 'x'),
      new DataException('ByteArrayConverter is not compatible with objects of type class java.lang.String'),
    );
  });
});

void describe('SimpleHeaderConverter', () => {
  void it('round-trips typed header values through text', () => {
    const c = new SimpleHeaderConverter();
    c.configure();
    const cases: [Schema, unknown][] = [
      [Schema.STRING_SCHEMA, 'plain text'],
      [Schema.BOOLEAN_SCHEMA, true],
      [Schema.INT8_SCHEMA, 5],
      [Schema.INT64_SCHEMA, 9007199254740993n],
      [Schema.FLOAT32_SCHEMA, 1.5],
    ];
    for (const [schema, value] of cases) {
      const bytes = c.fromConnectHeader('t', 'h', schema, value);
      const back = c.toConnectHeader('t', 'h', bytes);
      assert.equal(back.value, value);
      assert.equal(back.schema?.type, schema.type);
    }
    assert.equal(c.fromConnectHeader('t', 'h', null, null), null);
    assert.equal(c.toConnectHeader('t', 'h', null).value, null);
  });

  void it('decodes invalid UTF-8 with replacement characters, as new String(bytes, UTF_8) does', () => {
    const c = new SimpleHeaderConverter();
    const sv = c.toConnectHeader('t', 'h', Buffer.from([0xff, 0x41]));
    assert.equal(sv.schema?.type, 'STRING');
    assert.equal(sv.value, '\ufffdA');
  });
});

void describe('converter registry', () => {
  void it('maps Connect class names to factories', () => {
    assert.ok(
      CONVERTER_PLUGINS.get('org.apache.kafka.connect.json.JsonConverter')?.() instanceof JsonConverter,
    );
    assert.ok(
      CONVERTER_PLUGINS.get('org.apache.kafka.connect.storage.StringConverter')?.() instanceof
        StringConverter,
    );
    assert.ok(
      CONVERTER_PLUGINS.get('org.apache.kafka.connect.converters.ByteArrayConverter')?.() instanceof
        ByteArrayConverter,
    );
    assert.ok(
      HEADER_CONVERTER_PLUGINS.get('org.apache.kafka.connect.storage.SimpleHeaderConverter')?.() instanceof
        SimpleHeaderConverter,
    );
    assert.equal(CONVERTER_PLUGINS.has('org.apache.kafka.connect.storage.SimpleHeaderConverter'), false);
    assert.deepEqual(converterAliases('org.apache.kafka.connect.json.JsonConverter'), [
      'JsonConverter',
      'Json',
    ]);
  });
});
