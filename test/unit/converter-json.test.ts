/** JsonConverter: wire format, envelope rules, messages, logical types, config. (Byte-exact parity with the
 * real Connect converter is proven by test/compat/json-converter.test.ts.) */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonConverter } from '../../runtime/converters/json-converter';
import { ConverterConfigException } from '../../runtime/converters/converter-config';
import {
  BigDecimal,
  DataException,
  Decimal,
  Schema,
  SchemaBuilder,
  Struct,
  Timestamp,
} from '../../runtime/data';

function converter(config: Record<string, unknown> = {}, isKey = false): JsonConverter {
  const c = new JsonConverter();
  c.configure(config, isKey);
  return c;
}
const text = (b: Buffer | null): string | null => (b === null ? null : b.toString('utf8'));
const read = (c: JsonConverter, s: string) => c.toConnectData('t', null, Buffer.from(s));

const customers = SchemaBuilder.struct()
  .name('customers')
  .field('id', Schema.INT32_SCHEMA)
  .field('name', Schema.OPTIONAL_STRING_SCHEMA)
  .field('ts', Timestamp.builder().optional().build())
  .build();

void describe('JsonConverter.fromConnectData', () => {
  void it('writes the spec example envelope byte for byte', () => {
    const value = new Struct(customers).put('id', 1).put('name', 'Ann').put('ts', new Date(1700000000000));
    assert.equal(
      text(converter().fromConnectData('t', null, customers, value)),
      '{"schema":{"type":"struct","fields":[{"type":"int32","optional":false,"field":"id"},{"type":"string","optional":true,"field":"name"},{"type":"int64","optional":true,"name":"org.apache.kafka.connect.data.Timestamp","version":1,"field":"ts"}],"optional":false,"name":"customers"},"payload":{"id":1,"name":"Ann","ts":1700000000000}}',
    );
  });

  void it('tombstones, nulls and defaults', () => {
    assert.equal(converter().fromConnectData('t', null, null, null), null);
    assert.equal(
      text(
        converter({ 'schemas.enable': 'false' }).fromConnectData(
          't',
          null,
          Schema.OPTIONAL_STRING_SCHEMA,
          null,
        ),
      ),
      'null',
    );
    assert.equal(
      text(converter().fromConnectData('t', null, Schema.OPTIONAL_INT32_SCHEMA, null)),
      '{"schema":{"type":"int32","optional":true},"payload":null}',
    );
    const withDefault = SchemaBuilder.int64().optional().defaultValue(5n).build();
    assert.equal(
      text(converter({ 'schemas.enable': false }).fromConnectData('t', null, withDefault, null)),
      '5',
    );
    assert.equal(
      text(
        converter({ 'schemas.enable': false, 'replace.null.with.default': 'false' }).fromConnectData(
          't',
          null,
          withDefault,
          null,
        ),
      ),
      'null',
    );
    assert.throws(
      () => converter().fromConnectData('t', null, Schema.INT32_SCHEMA, null),
      new DataException('Conversion error: null value for field that is required and has no default value'),
    );
  });

  void it('int64 beyond 2^53, doubles as Jackson writes them, bytes as base64, maps both ways', () => {
    const c = converter({ 'schemas.enable': 'false' });
    assert.equal(
      text(c.fromConnectData('t', null, Schema.INT64_SCHEMA, 9223372036854775807n)),
      '9223372036854775807',
    );
    assert.equal(text(c.fromConnectData('t', null, Schema.FLOAT64_SCHEMA, 1e10)), '1.0E10');
    assert.equal(text(c.fromConnectData('t', null, Schema.FLOAT64_SCHEMA, 100)), '100.0');
    assert.equal(text(c.fromConnectData('t', null, Schema.FLOAT32_SCHEMA, 0.1)), '0.1');
    assert.equal(text(c.fromConnectData('t', null, Schema.BYTES_SCHEMA, Buffer.from([0, 1, 255]))), '"AAH/"');
    const intKeys = SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.STRING_SCHEMA).build();
    assert.equal(text(c.fromConnectData('t', null, intKeys, new Map([[1, 'a']]))), '[[1,"a"]]');
    assert.equal(text(c.fromConnectData('t', null, null, new Map([['k', 1n]]))), '{"k":1}');
    assert.equal(
      text(c.fromConnectData('t', null, null, { partition: 0, offset: 12n })),
      '{"partition":0,"offset":12}',
    );
  });

  void it('decimals: BASE64 by default, NUMERIC on request (case-insensitive)', () => {
    const schema = Decimal.schema(2);
    const v = new BigDecimal(12345n, 2);
    assert.equal(
      text(converter({ 'schemas.enable': false }).fromConnectData('t', null, schema, v)),
      '"MDk="',
    );
    assert.equal(
      text(
        converter({ 'schemas.enable': false, 'decimal.format': 'numeric' }).fromConnectData(
          't',
          null,
          schema,
          v,
        ),
      ),
      '123.45',
    );
  });

  void it('wrong Java types give Connect messages', () => {
    const c = converter();
    assert.throws(
      () => c.fromConnectData('t', null, Schema.INT32_SCHEMA, 'x'),
      new DataException('Invalid type for INT32: class java.lang.String'),
    );
    assert.throws(
      () => c.fromConnectData('t', null, Schema.INT64_SCHEMA, 1),
      new DataException('Invalid type for INT64: class java.lang.Integer'),
    );
    assert.throws(
      () => c.fromConnectData('t', null, Schema.BYTES_SCHEMA, 'x'),
      new DataException('Invalid type for bytes type: class java.lang.String'),
    );
    assert.throws(
      () => c.fromConnectData('t', null, Decimal.schema(2), 1),
      new DataException('Invalid type for Decimal, expected BigDecimal but was class java.lang.Integer'),
    );
    assert.throws(
      () => c.fromConnectData('t', null, null, new BigDecimal(1n, 0)),
      new DataException('Java class class java.math.BigDecimal does not have corresponding schema type.'),
    );
    const other = SchemaBuilder.struct().field('id', Schema.INT32_SCHEMA).build();
    assert.throws(
      () => c.fromConnectData('t', null, customers, new Struct(other).put('id', 1)),
      new DataException('Mismatching schema.'),
    );
  });
});

void describe('JsonConverter.toConnectData', () => {
  void it('reads envelopes back into schema and value', () => {
    const c = converter();
    const value = new Struct(customers).put('id', 1).put('ts', new Date(5));
    const sv = c.toConnectData('t', null, c.fromConnectData('t', null, customers, value));
    assert.ok(sv.schema?.equals(customers));
    assert.ok((sv.value as Struct).equals(value));
  });

  void it('caches schemas: the compact envelope and a re-spaced one give equal schemas, repeated reads the same object', () => {
    const c = converter();
    const compact =
      '{"schema":{"type":"struct","fields":[{"type":"int64","optional":false,"field":"id"}],"optional":false,"name":"k"},"payload":{"id":9007199254740993}}';
    const first = read(c, compact);
    const second = read(c, compact);
    assert.equal(first.schema, second.schema);
    assert.equal((second.value as Struct).getInt64('id'), 9007199254740993n);
    const spaced = read(c, compact.replace('{"schema":', '{ "schema" : '));
    assert.ok(spaced.schema?.equals(first.schema));
    assert.ok((spaced.value as Struct).equals(first.value));
  });

  void it('rejects envelopes that are not exactly schema + payload', () => {
    const msg =
      'JsonConverter with schemas.enable requires "schema" and "payload" fields and may not contain additional fields. If you are trying to deserialize plain JSON data, set schemas.enable=false in your converter configuration.';
    for (const bad of ['{"schema":null,"payload":1,"extra":2}', '{"payload":1}', '[1,2]', '1', '{"a":1}'])
      assert.throws(() => read(converter(), bad), new DataException(msg), bad);
  });

  void it('malformed JSON is a DataException with the Jackson error as cause', () => {
    for (const bad of ['{', 'tru', '[1,]', 'NaN', '\u00ff']) {
      assert.throws(
        () => read(converter({ 'schemas.enable': 'false' }), bad),
        (e: unknown) =>
          e instanceof DataException &&
          e.message === 'Converting byte[] to Kafka Connect data failed due to serialization error: ' &&
          e.cause instanceof Error,
        bad,
      );
    }
  });

  void it('schemaless reads: integral → bigint (Long), fractional → number (Double), objects → Map', () => {
    const c = converter({ 'schemas.enable': 'false' });
    assert.deepEqual(
      read(c, '{"a":[1,1.5,"s",true,null],"b":12345678901234567890123}').value,
      new Map<string, unknown>([
        ['a', [1n, 1.5, 's', true, null]],
        // Jackson's BigIntegerNode.longValue() keeps the low 64 bits
        ['b', BigInt.asIntN(64, 12345678901234567890123n)],
      ]),
    );
    assert.deepEqual(read(c, 'null').value, null);
    assert.equal(c.toConnectData('t', null, null).schema, null);
    assert.equal(read(c, '  ').value, null);
  });

  void it('schema errors and typed payload errors use Connect texts', () => {
    const c = converter();
    const cases: [string, string][] = [
      ['{"schema":{"optional":false},"payload":1}', "Schema must contain 'type' field"],
      ['{"schema":{"type":"uuid"},"payload":1}', 'Unknown schema type: uuid'],
      ['{"schema":{"type":"array"},"payload":[]}', 'Array schema did not specify the element type'],
      [
        '{"schema":{"type":"map","values":{"type":"string"}},"payload":{}}',
        'Map schema did not specify the key type',
      ],
      [
        '{"schema":{"type":"struct","fields":{}},"payload":{}}',
        'Struct schema\'s "fields" argument is not an array.',
      ],
      [
        '{"schema":{"type":"struct","fields":[{"type":"int32"}]},"payload":{}}',
        "Struct schema's field name not specified properly",
      ],
      [
        '{"schema":{"type":"string","parameters":{"a":1}},"payload":"x"}',
        'Schema parameters must have string values.',
      ],
      [
        '{"schema":{"type":"int32","optional":false},"payload":null}',
        'Invalid null value for required INT32 field',
      ],
      [
        '{"schema":{"type":"struct","fields":[],"optional":false},"payload":[1]}',
        'Structs should be encoded as JSON objects, but found ARRAY',
      ],
      [
        '{"schema":{"type":"map","keys":{"type":"int32"},"values":{"type":"int32"}},"payload":{}}',
        'Maps with non-string fields should be encoded as JSON array of tuples, but found OBJECT',
      ],
      [
        '{"schema":{"type":"map","keys":{"type":"int32"},"values":{"type":"int32"}},"payload":[[1]]}',
        'Found invalid map entry, expected length 2 but found :1',
      ],
      [
        '{"schema":{"type":"int32","name":"org.apache.kafka.connect.data.Date"},"payload":1.0}',
        'Invalid type for Date, underlying representation should be integer but was NUMBER',
      ],
      [
        '{"schema":{"type":"bytes","name":"org.apache.kafka.connect.data.Decimal","parameters":{"scale":"2"}},"payload":true}',
        'Invalid type for Decimal, underlying representation should be numeric or bytes but was BOOLEAN',
      ],
    ];
    for (const [input, message] of cases) assert.throws(() => read(c, input), { message }, input);
  });

  void it('lenient Jackson reads: wrong JSON types coerce as Connect does', () => {
    const c = converter();
    assert.equal(read(c, '{"schema":{"type":"int32"},"payload":"abc"}').value, 0);
    assert.equal(read(c, '{"schema":{"type":"int8"},"payload":300}').value, 44);
    assert.equal(read(c, '{"schema":{"type":"string","optional":true},"payload":5}').value, null);
    assert.equal(read(c, '{"schema":{"type":"double"},"payload":-0.0}').value, 0);
    assert.ok(
      (
        read(
          c,
          '{"schema":{"type":"bytes","name":"org.apache.kafka.connect.data.Decimal","parameters":{"scale":"2"}},"payload":1.50}',
        ).value as BigDecimal
      ).equals(new BigDecimal(150n, 2)),
    );
  });
});

void describe('JsonConverter config', () => {
  void it('lists its keys and validates values', () => {
    assert.deepEqual(
      new JsonConverter().config().map((k) => k.name),
      [
        'converter.type',
        'schemas.enable',
        'schemas.cache.size',
        'schema.content',
        'decimal.format',
        'replace.null.with.default',
      ],
    );
    const content = new JsonConverter().config().find((k) => k.name === 'schema.content');
    assert.equal(content?.defaultValue, null);
    assert.equal(content?.orderInGroup, 2);
    assert.throws(() => converter({ 'decimal.format': 'HEX' }), ConverterConfigException);
    assert.throws(() => converter({ 'schemas.enable': 'yes' }), {
      message:
        'Invalid value yes for configuration schemas.enable: Expected value to be either true or false',
    });
    assert.throws(() => converter({ 'schemas.cache.size': 'x' }), {
      message: 'Invalid value x for configuration schemas.cache.size: Not a number of type INT',
    });
    assert.equal(converter({}, true).settings.type, 'key');
    assert.equal(converter({ 'schemas.enable': ' FALSE ' }).settings.schemasEnabled, false);
  });

  void it('reads every message with schema.content when schemas are enabled', () => {
    const schemaText =
      '{"type":"struct","fields":[{"type":"int32","optional":false,"field":"id"}],"optional":false}';
    const c = converter({ 'schema.content': schemaText });
    const got = read(c, '{"id":7}');
    assert.equal(got.schema?.type, 'STRUCT');
    assert.equal((got.value as Struct).get('id'), 7);
    // Without schemas.enable the setting is ignored, as in Connect.
    const plain = read(converter({ 'schema.content': schemaText, 'schemas.enable': 'false' }), '{"id":7}');
    assert.equal(plain.schema, null);
    // With it, an envelope is not unwrapped any more: the whole message is the payload.
    assert.throws(() => read(c, '{"schema":null,"payload":{"id":1}}'), DataException);
  });

  void it('works as a HeaderConverter', () => {
    const c = new JsonConverter();
    c.configure({ 'schemas.enable': 'false' });
    const b = c.fromConnectHeader('t', 'h', Schema.INT64_SCHEMA, 5n);
    assert.equal(text(b), '5');
    assert.equal(c.toConnectHeader('t', 'h', b).value, 5n);
  });
});
