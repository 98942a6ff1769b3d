/** Values: the string parsing and writing behind SimpleHeaderConverter, and the convertTo* helpers. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BigDecimal, DataException, Schema, SchemaBuilder, Struct } from '../../runtime/data';
import {
  convertToBoolean,
  convertToByte,
  convertToDouble,
  convertToInteger,
  convertToLong,
  convertToString,
  inferSchema,
  parseString,
} from '../../runtime/data/values';

void describe('Values.parseString', () => {
  void it('infers the narrowest numeric type', () => {
    const cases: [string, string, unknown][] = [
      ['1', 'INT8', 1],
      ['128', 'INT16', 128],
      ['32768', 'INT32', 32768],
      ['2147483648', 'INT64', 2147483648n],
      ['1.0', 'INT8', 1],
      ['1E+3', 'INT16', 1000],
      ['1.5', 'FLOAT32', 1.5],
      ['9223372036854775808', 'BYTES', new BigDecimal(9223372036854775808n, 0)],
    ];
    for (const [text, type, value] of cases) {
      const sv = parseString(text);
      assert.equal(sv?.schema?.type, type, text);
      assert.deepEqual(sv?.value, value, text);
    }
  });

  void it('parses literals, strings, temporal values, arrays and maps', () => {
    assert.equal(parseString('true')?.value, true);
    assert.equal(parseString('null'), null);
    assert.equal(parseString('true}')?.value, 'true}');
    assert.equal(parseString('hello world')?.value, 'hello world');
    assert.equal(parseString('')?.schema, Schema.STRING_SCHEMA);
    assert.equal((parseString('2024-01-02')?.value as Date).getTime(), Date.UTC(2024, 0, 2));
    assert.equal((parseString('12:34:56.789Z')?.value as Date).getTime(), 45296789);
    assert.equal(
      parseString('2024-01-02T12:34:56.789Z')?.schema?.name,
      'org.apache.kafka.connect.data.Timestamp',
    );
    const arr = parseString('[1,2.5]');
    assert.equal(arr?.schema?.valueSchema?.type, 'FLOAT32');
    assert.deepEqual(arr?.value, [1, 2.5]);
    const big = parseString('[1,5000000000]');
    assert.deepEqual(big?.value, [1n, 5000000000n]);
    const map = parseString('{"a":1,"b":2}');
    assert.equal(map?.schema?.keySchema?.type, 'STRING');
    assert.deepEqual(
      map?.value,
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
    );
    assert.equal(parseString('[1,,2]')?.value, '[1,,2]', 'unparseable arrays fall back to the string');
  });
});

void describe('Values.convertToString', () => {
  void it('writes values as Connect does (embedded strings quoted and escaped)', () => {
    assert.equal(convertToString(Schema.FLOAT64_SCHEMA, 100), '100.0');
    assert.equal(convertToString(Schema.FLOAT32_SCHEMA, 0.1), '0.1');
    assert.equal(convertToString(null, 9007199254740993n), '9007199254740993');
    assert.equal(convertToString(null, Buffer.from([1, 2])), 'AQI=');
    assert.equal(
      convertToString(SchemaBuilder.array(Schema.STRING_SCHEMA).build(), ['a"b', 'c\\d']),
      '["a\\"b","c\\\\d"]',
    );
    assert.equal(
      convertToString(
        null,
        new Map<unknown, unknown>([
          ['k', 1],
          ['n', null],
        ]),
      ),
      '{"k":1,"n":null}',
    );
    const schema = SchemaBuilder.struct()
      .field('a', Schema.INT32_SCHEMA)
      .field('b', Schema.OPTIONAL_STRING_SCHEMA)
      .build();
    assert.equal(convertToString(schema, new Struct(schema).put('a', 1)), '{"a":1,"b":null}');
    assert.equal(convertToString(null, new Date(Date.UTC(2024, 0, 2))), '2024-01-02');
    assert.equal(convertToString(null, new Date(1000)), '00:00:01.000Z');
    assert.equal(convertToString(null, new Date(Date.UTC(2024, 0, 2, 3))), '2024-01-02T03:00:00.000Z');
    assert.equal(convertToString(null, null), null);
  });
});

void describe('Values.convertTo*', () => {
  void it('converts numbers, strings and booleans like Java', () => {
    assert.equal(convertToBoolean(null, 'true'), true);
    assert.equal(convertToBoolean(null, 0), false);
    assert.equal(convertToByte(null, 300), 44);
    assert.equal(convertToInteger(null, '12.9'), 12);
    assert.equal(convertToLong(null, 1.9), 1n);
    assert.equal(convertToDouble(null, '0.5'), 0.5);
    assert.throws(
      () => convertToInteger(null, 'abc'),
      new DataException('Unable to convert abc (class java.lang.String) to a number'),
    );
    assert.equal(inferSchema([1, 2])?.valueSchema?.type, 'INT32');
    assert.equal(inferSchema([1, 'a']), null);
  });
});
