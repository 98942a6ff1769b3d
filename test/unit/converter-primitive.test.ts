/** Connect's converters.* family (Boolean/Short/Integer/Long/Float/Double): Kafka serializer bytes and messages. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BooleanConverter,
  CONVERTER_PLUGINS,
  DoubleConverter,
  FloatConverter,
  HEADER_CONVERTER_PLUGINS,
  IntegerConverter,
  LongConverter,
  ShortConverter,
} from '../../runtime/converters/index';
import { DataException, Schema } from '../../runtime/data';

const hex = (b: Buffer | null): string | null => (b === null ? null : b.toString('hex'));
const bytes = (h: string): Buffer => Buffer.from(h, 'hex');

void describe('number converters', () => {
  void it('write big-endian fixed width like the Kafka serializers', () => {
    assert.equal(hex(new ShortConverter().fromConnectData('t', null, Schema.INT16_SCHEMA, 258)), '0102');
    assert.equal(hex(new ShortConverter().fromConnectData('t', null, null, -2)), 'fffe');
    assert.equal(hex(new IntegerConverter().fromConnectData('t', null, Schema.INT32_SCHEMA, -1)), 'ffffffff');
    assert.equal(hex(new IntegerConverter().fromConnectData('t', null, null, 16909060)), '01020304');
    assert.equal(
      hex(new LongConverter().fromConnectData('t', null, Schema.INT64_SCHEMA, 9223372036854775807n)),
      '7fffffffffffffff',
    );
    assert.equal(hex(new LongConverter().fromConnectData('t', null, null, -2n)), 'fffffffffffffffe');
    assert.equal(
      hex(new FloatConverter().fromConnectData('t', null, Schema.FLOAT32_SCHEMA, 1.5)),
      '3fc00000',
    );
    assert.equal(hex(new DoubleConverter().fromConnectData('t', null, null, 1.5)), '3ff8000000000000');
    assert.equal(new DoubleConverter().fromConnectData('t', null, null, null), null);
  });

  void it('read back with an optional schema of their type', () => {
    const long = new LongConverter().toConnectData('t', null, bytes('8000000000000000'));
    assert.equal(long.schema, Schema.OPTIONAL_INT64_SCHEMA);
    assert.equal(long.value, -9223372036854775808n);
    assert.equal(new ShortConverter().toConnectData('t', null, bytes('fffe')).value, -2);
    assert.equal(new IntegerConverter().toConnectData('t', null, bytes('01020304')).value, 16909060);
    assert.equal(new FloatConverter().toConnectData('t', null, bytes('3fc00000')).value, 1.5);
    const dbl = new DoubleConverter().toConnectData('t', null, null);
    assert.equal(dbl.schema, Schema.OPTIONAL_FLOAT64_SCHEMA);
    assert.equal(dbl.value, null);
  });

  void it('fail with Connect and Kafka deserializer texts', () => {
    const check = (fn: () => unknown, message: string, cause?: string): void => {
      assert.throws(fn, (e: unknown) => {
        assert.ok(e instanceof DataException);
        assert.equal(e.message, message);
        if (cause !== undefined) assert.equal((e.cause as Error).message, cause);
        return true;
      });
    };
    check(
      () => new LongConverter().toConnectData('t', null, bytes('01')),
      'Failed to deserialize long: ',
      'Size of data received by LongDeserializer is not 8',
    );
    check(
      () => new IntegerConverter().toConnectData('t', null, bytes('01')),
      'Failed to deserialize integer: ',
      'Size of data received by IntegerDeserializer is not 4',
    );
    check(
      () => new ShortConverter().toConnectData('t', null, bytes('01')),
      'Failed to deserialize short: ',
      'Size of data received by ShortDeserializer is not 2',
    );
    check(
      () => new FloatConverter().toConnectData('t', null, bytes('01')),
      'Failed to deserialize float: ',
      'Size of data received by Deserializer is not 4',
    );
    check(
      () => new DoubleConverter().toConnectData('t', null, bytes('01')),
      'Failed to deserialize double: ',
      'Size of data received by Deserializer is not 8',
    );
    check(
      () => new LongConverter().fromConnectData('t', null, Schema.INT32_SCHEMA, 5),
      'Failed to serialize to long (was class java.lang.Integer): ',
    );
    check(
      () => new IntegerConverter().fromConnectData('t', null, null, 'x'),
      'Failed to serialize to integer (was class java.lang.String): ',
    );
  });
});

void describe('BooleanConverter', () => {
  void it('writes one byte and reads it back', () => {
    const c = new BooleanConverter();
    assert.equal(hex(c.fromConnectData('t', null, Schema.BOOLEAN_SCHEMA, true)), '01');
    assert.equal(hex(c.fromConnectData('t', null, null, false)), '00');
    assert.equal(c.fromConnectData('t', null, null, null), null);
    const back = c.toConnectData('t', null, bytes('01'));
    assert.equal(back.schema, Schema.OPTIONAL_BOOLEAN_SCHEMA);
    assert.equal(back.value, true);
    assert.equal(c.toConnectHeader('t', 'h', bytes('00')).value, false);
  });

  void it('fails with Connect texts', () => {
    const c = new BooleanConverter();
    assert.throws(() => c.fromConnectData('t', null, Schema.STRING_SCHEMA, 'x'), {
      message: 'Invalid schema type for BooleanConverter: STRING',
    });
    assert.throws(() => c.fromConnectData('t', null, null, 'x'), {
      message: 'BooleanConverter is not compatible with objects of type class java.lang.String',
    });
    assert.throws(
      () => c.toConnectData('t', null, bytes('0203')),
      (e: unknown) =>
        e instanceof DataException &&
        e.message === 'Failed to deserialize boolean: ' &&
        (e.cause as Error).message === 'Size of data received by BooleanDeserializer is not 1',
    );
    assert.throws(
      () => c.toConnectData('t', null, bytes('ff')),
      (e: unknown) =>
        (e as Error & { cause: Error }).cause.message ===
        'Unexpected byte received by BooleanDeserializer: -1',
    );
  });
});

void describe('converter plugin maps', () => {
  void it('list the six primitive converters as converters and header converters', () => {
    for (const cls of ['Boolean', 'Double', 'Float', 'Integer', 'Long', 'Short']) {
      const name = `org.apache.kafka.connect.converters.${cls}Converter`;
      assert.ok(CONVERTER_PLUGINS.has(name), name);
      assert.ok(HEADER_CONVERTER_PLUGINS.has(name), name);
      assert.deepEqual(
        CONVERTER_PLUGINS.get(name)?.()
          .config()
          .map((k) => k.name),
        ['converter.type'],
      );
    }
    assert.equal(CONVERTER_PLUGINS.size, 9);
    assert.equal(HEADER_CONVERTER_PLUGINS.size, 10);
  });
});
