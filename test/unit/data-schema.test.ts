/** Schema, SchemaBuilder, Struct, Field, logical types, BigDecimal: behaviour and Connect's messages. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BigDecimal,
  ConnectDate,
  ConnectException,
  ConnectSchema,
  DataException,
  RetriableException,
  Decimal,
  Schema,
  SchemaBuilder,
  SchemaBuilderException,
  Struct,
  Time,
  Timestamp,
  bigintToTwosComplement,
  javaClassNameOf,
  twosComplementToBigint,
} from '../../runtime/data';

const person = SchemaBuilder.struct()
  .name('com.example.Person')
  .version(2)
  .doc('a person')
  .field('id', Schema.INT64_SCHEMA)
  .field('name', Schema.OPTIONAL_STRING_SCHEMA)
  .field('age', SchemaBuilder.int32().defaultValue(18))
  .field('tags', SchemaBuilder.array(Schema.STRING_SCHEMA).optional())
  .build();

void describe('Schema constants and ConnectSchema', () => {
  void it('exposes Java constants with the right type and optionality', () => {
    assert.equal(Schema.INT32_SCHEMA.type, 'INT32');
    assert.equal(Schema.INT32_SCHEMA.isOptional, false);
    assert.equal(Schema.OPTIONAL_STRING_SCHEMA.isOptional, true);
    assert.equal(Schema.Type.FLOAT64, 'FLOAT64');
    assert.equal(Schema.BYTES_SCHEMA.name, null);
    assert.equal(Schema.BYTES_SCHEMA.defaultValue, null);
  });

  void it('throws DataException with Connect texts for type-specific accessors', () => {
    assert.throws(
      () => Schema.INT32_SCHEMA.fields,
      new DataException('Cannot list fields on non-struct type'),
    );
    assert.throws(
      () => Schema.INT32_SCHEMA.field('x'),
      new DataException('Cannot look up fields on non-struct type'),
    );
    assert.throws(
      () => Schema.INT32_SCHEMA.keySchema,
      new DataException('Cannot look up key schema on non-map type'),
    );
    assert.throws(
      () => Schema.INT32_SCHEMA.valueSchema,
      new DataException('Cannot look up value schema on non-array and non-map type'),
    );
  });

  void it('compares schemas structurally and prints like Java', () => {
    const a = SchemaBuilder.int32().name('n').optional().build();
    const b = SchemaBuilder.int32().name('n').optional().build();
    assert.ok(a.equals(b));
    assert.ok(!a.equals(Schema.OPTIONAL_INT32_SCHEMA));
    assert.equal(a.toString(), 'Schema{n:INT32}');
    assert.equal(Schema.STRING_SCHEMA.toString(), 'Schema{STRING}');
    const params1 = SchemaBuilder.string().parameter('a', '1').build();
    const params2 = SchemaBuilder.string().parameter('a', '2').build();
    assert.ok(!params1.equals(params2));
  });

  void it('validateValue: type, range and null messages', () => {
    assert.throws(
      () => ConnectSchema.validateValue(Schema.INT32_SCHEMA, 'x'),
      new DataException('Invalid Java object for schema with type INT32: class java.lang.String for value'),
    );
    assert.throws(
      () => ConnectSchema.validateValue(Schema.INT64_SCHEMA, 5),
      new DataException('Invalid Java object for schema with type INT64: class java.lang.Integer for value'),
    );
    assert.throws(
      () => ConnectSchema.validateValue(Schema.INT8_SCHEMA, 300, 'f'),
      new DataException(
        'Invalid Java object for schema with type INT8: class java.lang.Integer for field: "f"',
      ),
    );
    assert.throws(
      () => ConnectSchema.validateValue(Schema.STRING_SCHEMA, null),
      new DataException('Invalid value: null used for required value, schema type: STRING'),
    );
    assert.throws(
      () => ConnectSchema.validateValue(Decimal.schema(2), Buffer.from([1])),
      new DataException(
        'Invalid Java object for schema "org.apache.kafka.connect.data.Decimal" with type BYTES: class [B for value',
      ),
    );
    assert.throws(
      () => ConnectSchema.validateValue(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), [1, null]),
      new DataException('Invalid value: null used for required element of array value, schema type: INT32'),
    );
    assert.throws(
      () =>
        ConnectSchema.validateValue(
          SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(),
          new Map([[1, 1]]),
        ),
      new DataException(
        'Invalid Java object for schema with type STRING: class java.lang.Integer for key of map value',
      ),
    );
    ConnectSchema.validateValue(Schema.INT64_SCHEMA, 2n ** 63n - 1n);
    assert.throws(() => ConnectSchema.validateValue(Schema.INT64_SCHEMA, 2n ** 63n), DataException);
    ConnectSchema.validateValue(Schema.FLOAT32_SCHEMA, Number.NaN);
    ConnectSchema.validateValue(Schema.BYTES_SCHEMA, new Uint8Array([1]));
  });
});

void describe('SchemaBuilder', () => {
  void it('builds struct schemas with ordered, indexed fields', () => {
    assert.deepEqual(
      person.fields.map((f) => [f.name, f.index]),
      [
        ['id', 0],
        ['name', 1],
        ['age', 2],
        ['tags', 3],
      ],
    );
    assert.equal(person.field('age')?.schema.defaultValue, 18);
    assert.equal(person.field('missing'), null);
    assert.equal(person.version, 2);
    assert.equal(person.doc, 'a person');
  });

  void it('rejects invalid calls with Connect messages', () => {
    assert.throws(
      () => SchemaBuilder.int32().field('a', Schema.INT32_SCHEMA),
      new SchemaBuilderException('Cannot create fields on type INT32'),
    );
    assert.throws(
      () => SchemaBuilder.struct().field('a', Schema.INT32_SCHEMA).field('a', Schema.INT32_SCHEMA),
      new SchemaBuilderException('Cannot create field because of field name duplication a'),
    );
    assert.throws(
      () => SchemaBuilder.struct().field('', Schema.INT32_SCHEMA),
      new SchemaBuilderException('fieldName cannot be null.'),
    );
    assert.throws(
      () => SchemaBuilder.int32().name('a').name('b'),
      new SchemaBuilderException('Invalid SchemaBuilder call: name has already been set.'),
    );
    assert.throws(
      () => SchemaBuilder.int32().optional().required(),
      new SchemaBuilderException('Invalid SchemaBuilder call: optional has already been set.'),
    );
    assert.throws(
      () => SchemaBuilder.int32().defaultValue('x'),
      (e: unknown) => {
        assert.ok(e instanceof SchemaBuilderException);
        assert.equal(e.message, 'Invalid default value');
        assert.ok(e.cause instanceof DataException);
        return true;
      },
    );
    SchemaBuilder.int32().name('a').name('a');
  });

  void it('keeps parameters in insertion order', () => {
    const s = SchemaBuilder.string().parameter('z', '1').parameter('10', '2').parameters({ a: '3' }).build();
    assert.deepEqual(
      [...(s.parameters ?? [])],
      [
        ['z', '1'],
        ['10', '2'],
        ['a', '3'],
      ],
    );
    assert.equal(SchemaBuilder.string().parameters({}).build().parameters, null);
  });
});

void describe('Struct', () => {
  void it('puts, gets (with defaults) and validates', () => {
    const s = new Struct(person).put('id', 1n).put('name', 'Ann');
    assert.equal(s.get('age'), 18);
    assert.equal(s.getWithoutDefault('age'), null);
    assert.equal(s.getInt64('id'), 1n);
    assert.equal(s.getString('name'), 'Ann');
    s.validate();
    assert.equal(s.toString(), 'Struct{id=1,name=Ann}');
  });

  void it('reports Connect errors', () => {
    assert.throws(
      () => new Struct(Schema.INT32_SCHEMA),
      new DataException('Not a struct schema: Schema{INT32}'),
    );
    const s = new Struct(person);
    assert.throws(() => s.put('nope', 1), new DataException('nope is not a valid field name'));
    assert.throws(
      () => s.put('id', 1),
      new DataException(
        'Invalid Java object for schema with type INT64: class java.lang.Integer for field: "id"',
      ),
    );
    assert.throws(() => s.getString('id'), new DataException("Field 'id' is not of type STRING"));
    assert.throws(
      () => s.validate(),
      new DataException('Invalid value: null used for required field: "id", schema type: INT64'),
    );
    const other = SchemaBuilder.struct().field('x', Schema.INT32_SCHEMA).build();
    const outer = SchemaBuilder.struct().field('inner', person).build();
    assert.throws(
      () => new Struct(outer).put('inner', new Struct(other).put('x', 1)),
      new DataException('Struct schemas do not match.'),
    );
  });

  void it('equals compares schema and values deeply', () => {
    const a = new Struct(person).put('id', 1n).put('tags', ['a']);
    const b = new Struct(person).put('id', 1n).put('tags', ['a']);
    assert.ok(a.equals(b));
    b.put('tags', ['b']);
    assert.ok(!a.equals(b));
  });
});

void describe('logical types', () => {
  void it('Decimal: schema, two-complement bytes, scale checks', () => {
    const schema = Decimal.schema(2);
    assert.equal(schema.name, 'org.apache.kafka.connect.data.Decimal');
    assert.equal(schema.version, 1);
    assert.equal(schema.parameters?.get('scale'), '2');
    assert.deepEqual([...Decimal.fromLogical(schema, new BigDecimal(12345n, 2))], [0x30, 0x39]);
    assert.deepEqual([...Decimal.fromLogical(schema, new BigDecimal(-1n, 2))], [0xff]);
    assert.deepEqual([...Decimal.fromLogical(schema, new BigDecimal(128n, 2))], [0x00, 0x80]);
    assert.ok(Decimal.toLogical(schema, Buffer.from([0xff, 0x7f])).equals(new BigDecimal(-129n, 2)));
    assert.throws(
      () => Decimal.fromLogical(schema, new BigDecimal(1n, 3)),
      new DataException(
        'Decimal value has mismatching scale for given Decimal schema. Schema has scale 2, value has scale 3.',
      ),
    );
    assert.throws(
      () => Decimal.scale(Schema.BYTES_SCHEMA),
      new DataException('Invalid Decimal schema: scale parameter not found.'),
    );
  });

  void it('two-complement round trips', () => {
    for (const v of [0n, 1n, -1n, 127n, 128n, -128n, -129n, 2n ** 64n, -(2n ** 70n) + 3n])
      assert.equal(twosComplementToBigint(bigintToTwosComplement(v)), v);
    assert.throws(() => twosComplementToBigint(new Uint8Array()), RangeError);
  });

  void it('Date/Time/Timestamp conversions and checks', () => {
    assert.equal(ConnectDate.fromLogical(ConnectDate.SCHEMA, new Date(Date.UTC(2022, 0, 8))), 19000);
    assert.equal(ConnectDate.fromLogical(ConnectDate.SCHEMA, new Date(-86400000)), -1);
    assert.throws(
      () => ConnectDate.fromLogical(ConnectDate.SCHEMA, new Date(1)),
      new DataException('Kafka Connect Date type should not have any time fields set to non-zero values.'),
    );
    assert.equal(Time.fromLogical(Time.SCHEMA, new Date(3723004)), 3723004);
    assert.throws(
      () => Time.fromLogical(Time.SCHEMA, new Date(86400001)),
      new DataException('Kafka Connect Time type should not have any date fields set to non-zero values.'),
    );
    assert.equal(Timestamp.fromLogical(Timestamp.SCHEMA, new Date(1700000000123)), 1700000000123n);
    assert.equal(Timestamp.toLogical(Timestamp.SCHEMA, 1700000000123n).getTime(), 1700000000123);
    assert.throws(
      () => Timestamp.toLogical(Schema.INT64_SCHEMA, 1n),
      new DataException('Requested conversion of Timestamp object but the schema does not match.'),
    );
    // a long beyond JS Date's range gives an Invalid Date (java.util.Date would hold it)
    assert.ok(Number.isNaN(Timestamp.toLogical(Timestamp.SCHEMA, 2n ** 62n).getTime()));
  });
});

void describe('BigDecimal', () => {
  void it('parses and prints like java.math.BigDecimal', () => {
    const cases: [string, bigint, number, string, string][] = [
      ['123.45', 12345n, 2, '123.45', '123.45'],
      ['-0.00', 0n, 2, '0.00', '0.00'],
      ['1E+3', 1n, -3, '1E+3', '1000'],
      ['1.5e-7', 15n, 8, '1.5E-7', '0.00000015'],
      ['0.000001', 1n, 6, '0.000001', '0.000001'],
      ['0.0000001', 1n, 7, '1E-7', '0.0000001'],
      ['5.', 5n, 0, '5', '5'],
      ['.5', 5n, 1, '0.5', '0.5'],
    ];
    for (const [text, unscaled, scale, str, plain] of cases) {
      const d = BigDecimal.parse(text);
      assert.equal(d.unscaled, unscaled, text);
      assert.equal(d.scale, scale, text);
      assert.equal(d.toString(), str, text);
      assert.equal(d.toPlainString(), plain, text);
    }
    assert.throws(() => BigDecimal.parse('abc'), RangeError);
    assert.throws(() => BigDecimal.parse('.'), RangeError);
  });

  void it('compares by value and equals by value and scale', () => {
    assert.equal(BigDecimal.parse('1.0').compareTo(BigDecimal.parse('1.00')), 0);
    assert.ok(!BigDecimal.parse('1.0').equals(BigDecimal.parse('1.00')));
    assert.ok(BigDecimal.parse('1.0').setScale(2).equals(BigDecimal.parse('1.00')));
    assert.throws(() => BigDecimal.parse('1.25').setScale(1), RangeError);
  });
});

void describe('errors', () => {
  void it('carry Java class names and print like Throwable.toString()', () => {
    const e = new DataException('bad');
    assert.equal(e.javaClassName, 'org.apache.kafka.connect.errors.DataException');
    assert.equal(e.toString(), 'org.apache.kafka.connect.errors.DataException: bad');
    assert.ok(e instanceof ConnectException);
    assert.equal(new RetriableException().toString(), 'org.apache.kafka.connect.errors.RetriableException');
    assert.equal(
      javaClassNameOf(new SchemaBuilderException('x')),
      'org.apache.kafka.connect.errors.SchemaBuilderException',
    );
    class ConfigException extends Error {
      static readonly javaClassName = 'org.apache.kafka.common.config.ConfigException';
    }
    assert.equal(javaClassNameOf(new ConfigException('x')), 'org.apache.kafka.common.config.ConfigException');
    assert.equal(javaClassNameOf(new TypeError('x')), 'java.lang.RuntimeException');
    assert.equal(javaClassNameOf('thrown string'), 'java.lang.RuntimeException');
  });
});
