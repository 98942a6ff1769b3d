/**
 * Differential test: the real Kafka Connect JsonConverter / SimpleHeaderConverter (Java, one JVM
 * for the whole batch, see test/compat/java/JsonConverterHarness.java) and ours run over the same
 * vectors in both directions; bytes, schemas, values and error class + message must be identical.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { BigDecimal } from '../../runtime/data/big-decimal';
import { ConnectException } from '../../runtime/data/errors';
import { formatJavaDouble, formatJavaFloat } from '../../runtime/data/java-number-format';
import { Decimal, Date as LogicalDate, Time, Timestamp } from '../../runtime/data/logical-types';
import type { Schema } from '../../runtime/data/schema';
import { SchemaBuilder } from '../../runtime/data/schema-builder';
import { Struct } from '../../runtime/data/struct';
import { JsonConverter } from '../../runtime/converters/json-converter';
import { SimpleHeaderConverter } from '../../runtime/converters/simple-header-converter';
import { StringConverter } from '../../runtime/converters/string-converter';
import { ByteArrayConverter } from '../../runtime/converters/byte-array-converter';
import { otherJavaBinaries, runJavaHarness } from '../support/java-harness';

// ---------- canonical form shared with the Java harness ----------
type Canon = null | { t: string; v?: unknown; unscaled?: string; scale?: number };
type SchemaCanon = null | {
  type: string;
  optional?: boolean;
  name?: string;
  version?: number;
  doc?: string;
  parameters?: Record<string, string>;
  default?: Canon;
  fields?: { name: string; schema: SchemaCanon }[];
  keySchema?: SchemaCanon;
  valueSchema?: SchemaCanon;
};

function schemaToCanon(s: Schema | null): SchemaCanon {
  if (s === null) return null;
  const o: NonNullable<SchemaCanon> = { type: s.type, optional: s.isOptional };
  if (s.name !== null) o.name = s.name;
  if (s.version !== null) o.version = s.version;
  if (s.doc !== null) o.doc = s.doc;
  if (s.parameters !== null) o.parameters = Object.fromEntries(s.parameters);
  if (s.defaultValue != null) o.default = valueToCanon(s, s.defaultValue);
  if (s.type === 'STRUCT')
    o.fields = s.fields.map((f) => ({ name: f.name, schema: schemaToCanon(f.schema) }));
  if (s.type === 'MAP') {
    o.keySchema = schemaToCanon(s.keySchema);
    o.valueSchema = schemaToCanon(s.valueSchema);
  }
  if (s.type === 'ARRAY') o.valueSchema = schemaToCanon(s.valueSchema);
  return o;
}

function schemaFromCanon(n: SchemaCanon): Schema | null {
  if (n === null) return null;
  let b: SchemaBuilder;
  if (n.type === 'STRUCT') {
    b = SchemaBuilder.struct();
    for (const f of n.fields ?? []) b.field(f.name, schemaFromCanon(f.schema) as Schema);
  } else if (n.type === 'MAP')
    b = SchemaBuilder.map(
      schemaFromCanon(n.keySchema ?? null) as Schema,
      schemaFromCanon(n.valueSchema ?? null) as Schema,
    );
  else if (n.type === 'ARRAY') b = SchemaBuilder.array(schemaFromCanon(n.valueSchema ?? null) as Schema);
  else b = SchemaBuilder.type(n.type as Schema['type']);
  if (n.optional) b.optional();
  if (n.name !== undefined) b.name(n.name);
  if (n.version !== undefined) b.version(n.version);
  if (n.doc !== undefined) b.doc(n.doc);
  if (n.parameters !== undefined) b.parameters(n.parameters);
  if (n.default != null) b.defaultValue(valueFromCanon(b.build(), n.default));
  return b.build();
}

/**
 * Java keeps a boxed class where we keep a JS number. Without a schema, a number read by JsonConverter
 * is a Double; one parsed from a header string is the smallest integer type that holds it, or a Float.
 */
let numberContext: 'json' | 'header' = 'json';

function valueToCanon(schema: Schema | null, value: unknown): Canon {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (schema === null && numberContext === 'header') {
      if (!Number.isInteger(value)) return { t: 'f32', v: formatJavaFloat(value) };
      if (value >= -128 && value <= 127) return { t: 'i8', v: String(value) };
      if (value >= -32768 && value <= 32767) return { t: 'i16', v: String(value) };
      return { t: 'i32', v: String(value) };
    }
    switch (schema?.type) {
      case 'INT8':
        return { t: 'i8', v: String(value) };
      case 'INT16':
        return { t: 'i16', v: String(value) };
      case 'INT32':
        return { t: 'i32', v: String(value) };
      case 'FLOAT32':
        return { t: 'f32', v: formatJavaFloat(value) };
      default:
        return { t: 'f64', v: formatJavaDouble(value) };
    }
  }
  if (typeof value === 'bigint') return { t: 'i64', v: value.toString() };
  if (typeof value === 'boolean') return { t: 'bool', v: value };
  if (typeof value === 'string') return { t: 'str', v: value };
  if (value instanceof Uint8Array) return { t: 'bytes', v: Buffer.from(value).toString('base64') };
  if (value instanceof BigDecimal)
    return { t: 'decimal', unscaled: value.unscaled.toString(), scale: value.scale };
  if (value instanceof Date) return { t: 'date', v: String(value.getTime()) };
  if (Array.isArray(value)) {
    const elem = schema?.type === 'ARRAY' ? schema.valueSchema : null;
    return { t: 'array', v: value.map((e: unknown) => valueToCanon(elem, e)) };
  }
  if (value instanceof Map) {
    const ks = schema?.type === 'MAP' ? schema.keySchema : null;
    const vs = schema?.type === 'MAP' ? schema.valueSchema : null;
    return {
      t: 'map',
      v: [...(value as Map<unknown, unknown>)].map(([k, v]) => [valueToCanon(ks, k), valueToCanon(vs, v)]),
    };
  }
  if (value instanceof Struct) {
    return {
      t: 'struct',
      v: value.schema.fields.map((f) => [f.name, valueToCanon(f.schema, value.getWithoutDefault(f.name))]),
    };
  }
  return { t: 'unknown', v: Object.prototype.toString.call(value) };
}

function valueFromCanon(schema: Schema | null, n: Canon): unknown {
  if (n === null) return null;
  const v = n.v;
  switch (n.t) {
    case 'i8':
    case 'i16':
    case 'i32':
      return Number(v);
    case 'i64':
      return BigInt(v as string);
    case 'f32':
      return Math.fround(Number(v));
    case 'f64':
      return Number(v);
    case 'bool':
    case 'str':
      return v;
    case 'bytes':
      return Buffer.from(v as string, 'base64');
    case 'decimal':
      return new BigDecimal(BigInt(n.unscaled as string), n.scale as number);
    case 'date':
      return new Date(Number(v));
    case 'array':
      return (v as Canon[]).map((e) => valueFromCanon(schema?.valueSchema ?? null, e));
    case 'map':
      return new Map(
        (v as [Canon, Canon][]).map(([k, x]) => [
          valueFromCanon(schema?.keySchema ?? null, k),
          valueFromCanon(schema?.valueSchema ?? null, x),
        ]),
      );
    case 'struct': {
      const s = new Struct(schema as Schema);
      for (const [name, x] of v as [string, Canon][])
        s.put(name, valueFromCanon(s.schema.field(name)?.schema ?? null, x));
      return s;
    }
    default:
      throw new Error(`unknown tag ${n.t}`);
  }
}

/** Java HashMap order is not ours (nor meaningful): compare maps read by JsonConverter as sorted entries. */
function sortMaps(c: unknown): unknown {
  if (Array.isArray(c)) return c.map(sortMaps);
  if (c !== null && typeof c === 'object') {
    const o = c as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = sortMaps(v);
    if (o.t === 'map' && Array.isArray(out.v))
      out.v = [...(out.v as unknown[])].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    return out;
  }
  return c;
}

// ---------- vectors ----------
type Config = Record<string, string>;
type Vector =
  | { op: 'fromConnect'; label: string; config: Config; schema: SchemaCanon; value: Canon }
  | { op: 'toConnect'; label: string; config: Config; bytes: string | null }
  | { op: 'headerToConnect'; label: string; bytes: string | null }
  | { op: 'headerFromConnect'; label: string; schema: SchemaCanon; value: Canon }
  | { op: 'stringFromConnect'; label: string; config: Config; schema: SchemaCanon; value: Canon }
  | { op: 'stringToConnect'; label: string; config: Config; bytes: string | null }
  | { op: 'byteArrayFromConnect'; label: string; schema: SchemaCanon; value: Canon };

const ENVELOPE: Config = { 'schemas.enable': 'true' };
const PLAIN: Config = { 'schemas.enable': 'false' };
const NUMERIC: Config = { 'schemas.enable': 'true', 'decimal.format': 'numeric' };
const NO_REPLACE: Config = { 'schemas.enable': 'true', 'replace.null.with.default': 'false' };

const S = (type: string, extra: Partial<NonNullable<SchemaCanon>> = {}): NonNullable<SchemaCanon> => ({
  type,
  ...extra,
});
const opt = (type: string, extra: Partial<NonNullable<SchemaCanon>> = {}): NonNullable<SchemaCanon> => ({
  type,
  optional: true,
  ...extra,
});
const V = (t: string, v: unknown): Canon => ({ t, v });
const dec = (unscaled: string, scale: number): Canon => ({ t: 'decimal', unscaled, scale });
const DECIMAL = (scale: number, extra: Partial<NonNullable<SchemaCanon>> = {}): NonNullable<SchemaCanon> =>
  S('BYTES', { name: Decimal.LOGICAL_NAME, version: 1, parameters: { scale: String(scale) }, ...extra });
const DATE = S('INT32', { name: LogicalDate.LOGICAL_NAME, version: 1 });
const TIME = S('INT32', { name: Time.LOGICAL_NAME, version: 1 });
const TIMESTAMP = S('INT64', { name: Timestamp.LOGICAL_NAME, version: 1 });
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

const NESTED = S('STRUCT', {
  name: 'com.example.Outer',
  doc: 'outer doc',
  fields: [
    { name: 'id', schema: S('INT32') },
    { name: 'name', schema: opt('STRING') },
    { name: 'score', schema: opt('FLOAT64') },
    { name: 'big', schema: S('INT64') },
    { name: 'tags', schema: S('ARRAY', { valueSchema: opt('STRING') }) },
    { name: 'attrs', schema: S('MAP', { keySchema: S('STRING'), valueSchema: S('INT64') }) },
    { name: 'codes', schema: opt('MAP', { keySchema: S('INT32'), valueSchema: S('STRING') }) },
    {
      name: 'inner',
      schema: opt('STRUCT', {
        name: 'Inner',
        fields: [
          { name: 'flag', schema: S('BOOLEAN') },
          { name: 'raw', schema: opt('BYTES') },
        ],
      }),
    },
    { name: 'price', schema: DECIMAL(2, { optional: true }) },
    { name: 'ts', schema: { ...TIMESTAMP, optional: true } },
    { name: 'withDefault', schema: S('INT32', { default: V('i32', '42') }) },
  ],
});
const NESTED_VALUE: Canon = V('struct', [
  ['id', V('i32', '7')],
  ['name', V('str', 'Zoë "quoted" \\ \n')],
  ['score', V('f64', '0.1')],
  ['big', V('i64', '9007199254740993')],
  ['tags', V('array', [V('str', 'a'), null, V('str', '日本')])],
  [
    'attrs',
    V('map', [
      [V('str', 'x'), V('i64', '-9223372036854775808')],
      [V('str', 'y'), V('i64', '1')],
    ]),
  ],
  [
    'codes',
    V('map', [
      [V('i32', '1'), V('str', 'one')],
      [V('i32', '2'), V('str', 'two')],
    ]),
  ],
  [
    'inner',
    V('struct', [
      ['flag', V('bool', true)],
      ['raw', V('bytes', 'AAH/')],
    ]),
  ],
  ['price', dec('-12345', 2)],
  ['ts', V('date', '1700000000123')],
  ['withDefault', null],
]);

function fromConnectVectors(): Vector[] {
  const out: Vector[] = [];
  const add = (
    label: string,
    schema: SchemaCanon,
    value: Canon,
    configs: Config[] = [ENVELOPE, PLAIN],
  ): void => {
    for (const config of configs)
      out.push({ op: 'fromConnect', label: `${label} ${JSON.stringify(config)}`, config, schema, value });
  };
  for (const v of ['-128', '0', '127']) add(`int8 ${v}`, S('INT8'), V('i8', v));
  for (const v of ['-32768', '32767']) add(`int16 ${v}`, S('INT16'), V('i16', v));
  for (const v of ['-2147483648', '2147483647']) add(`int32 ${v}`, S('INT32'), V('i32', v));
  for (const v of [
    '-9223372036854775808',
    '9223372036854775807',
    '9007199254740993',
    '-9007199254740993',
    '0',
  ])
    add(`int64 ${v}`, S('INT64'), V('i64', v));
  for (const v of [
    '0.1',
    '1.0E10',
    '-0.0',
    '0.0',
    '3.4028235E38',
    '1.4E-45',
    '1.0',
    '123456.79',
    '1.0E-5',
    'NaN',
    'Infinity',
    '-Infinity',
  ])
    add(`float32 ${v}`, S('FLOAT32'), V('f32', v));
  for (const v of [
    '0.1',
    '1.0E10',
    '100.0',
    '-0.0',
    '1.0E-5',
    '0.001',
    '1234567.0',
    '1.2345678E7',
    '4.9E-324',
    '1.7976931348623157E308',
    '1.0E23',
    '9.007199254740993E15',
    '0.30000000000000004',
    '2.5E-4',
    'NaN',
    '-Infinity',
  ])
    add(`float64 ${v}`, S('FLOAT64'), V('f64', v));
  add('boolean true', S('BOOLEAN'), V('bool', true));
  add('boolean false', S('BOOLEAN'), V('bool', false));
  for (const v of [
    '',
    'héllo wörld',
    'emoji 😀',
    'quote" backslash\\ nl\n tab\t cr\r bs\b ff\f c1\u0001 del\u007f ls\u2028 slash/',
    '日本語テキスト',
    '<script>&amp;',
  ])
    add(`string ${JSON.stringify(v)}`, S('STRING'), V('str', v));
  add('bytes empty', S('BYTES'), V('bytes', ''));
  add('bytes', S('BYTES'), V('bytes', 'AAECA/7/'));
  // optional / null / default
  add('optional int32 null', opt('INT32'), null);
  add('required int32 null', S('INT32'), null);
  add('optional with default null', opt('STRING', { default: V('str', 'dflt') }), null, [
    ENVELOPE,
    PLAIN,
    NO_REPLACE,
  ]);
  add('required with default null', S('INT64', { default: V('i64', '5') }), null, [ENVELOPE, NO_REPLACE]);
  add(
    'metadata',
    S('INT16', { name: 'my.Short', version: 3, doc: 'a doc', parameters: { b: '2', a: '1', '10': 'ten' } }),
    V('i16', '5'),
  );
  // logical types
  for (const config of [
    ENVELOPE,
    PLAIN,
    NUMERIC,
    { 'schemas.enable': 'false', 'decimal.format': 'NUMERIC' },
  ]) {
    add('decimal 123.45', DECIMAL(2), dec('12345', 2), [config]);
    add('decimal -0.01', DECIMAL(2), dec('-1', 2), [config]);
    add('decimal 0', DECIMAL(2), dec('0', 2), [config]);
    add('decimal big', DECIMAL(4), dec('1180591620717411303424', 4), [config]);
    add('decimal scale 0', DECIMAL(0), dec('-128', 0), [config]);
    add('decimal negative scale', DECIMAL(-2), dec('15', -2), [config]);
    add('decimal tiny', DECIMAL(10), dec('5', 10), [config]);
    add('decimal default', DECIMAL(1, { optional: true, default: dec('15', 1) }), null, [config]);
  }
  add('decimal mismatching scale', DECIMAL(2), dec('1', 3));
  add('date', DATE, V('date', String(19000 * 86400000)));
  add('date before epoch', DATE, V('date', String(-3 * 86400000)));
  add('date with time', DATE, V('date', '1700000000123'));
  add('time', TIME, V('date', '3723004'));
  add('time out of range', TIME, V('date', String(2 * 86400000)));
  add('timestamp', TIMESTAMP, V('date', '1700000000123'));
  add('timestamp negative', TIMESTAMP, V('date', '-1'));
  // nested
  add('nested struct', NESTED, NESTED_VALUE, [ENVELOPE, PLAIN, NO_REPLACE, NUMERIC]);
  add(
    'array of arrays',
    S('ARRAY', { valueSchema: S('ARRAY', { valueSchema: S('INT8') }) }),
    V('array', [V('array', [V('i8', '1')]), V('array', [])]),
  );
  add(
    'map struct keys',
    S('MAP', {
      keySchema: S('STRUCT', { fields: [{ name: 'k', schema: S('INT32') }] }),
      valueSchema: opt('STRING'),
    }),
    V('map', [[V('struct', [['k', V('i32', '1')]]), null]]),
  );
  add(
    'map optional string keys',
    S('MAP', { keySchema: opt('STRING'), valueSchema: S('BOOLEAN') }),
    V('map', [[V('str', 'a'), V('bool', true)]]),
  );
  // schemaless
  add('schemaless string', null, V('str', 'plain'));
  add('schemaless bool', null, V('bool', false));
  add('schemaless long', null, V('i64', '12345678901234567'));
  add('schemaless double', null, V('f64', '2.5'));
  add('schemaless bytes', null, V('bytes', 'AQI='));
  add('schemaless null', null, null);
  add(
    'schemaless array',
    null,
    V('array', [V('i64', '1'), V('str', 'two'), null, V('f64', '3.5'), V('array', [V('bool', true)])]),
  );
  add(
    'schemaless map string keys',
    null,
    V('map', [
      [V('str', 'b'), V('i64', '1')],
      [V('str', 'a'), V('map', [[V('str', 'n'), null]])],
    ]),
  );
  add(
    'schemaless map long keys',
    null,
    V('map', [
      [V('i64', '1'), V('str', 'one')],
      [V('i64', '2'), V('str', 'two')],
    ]),
  );
  add('schemaless decimal', null, dec('1', 0));
  add('schemaless date', null, V('date', '0'));
  // wrong types
  add('int32 given string', S('INT32'), V('str', 'x'));
  add('string given int32', S('STRING'), V('i32', '1'));
  add('int64 given int32', S('INT64'), V('i32', '1'));
  add('boolean given string', S('BOOLEAN'), V('str', 'true'));
  add('bytes given string', S('BYTES'), V('str', 'x'));
  add('array given string', S('ARRAY', { valueSchema: S('INT32') }), V('str', 'x'));
  add('decimal given int32', DECIMAL(2), V('i32', '1'));
  add('date given int32', DATE, V('i32', '1'));
  add('timestamp given int64', TIMESTAMP, V('i64', '1'));
  add(
    'struct given map',
    S('STRUCT', { fields: [{ name: 'a', schema: S('INT32') }] }),
    V('map', [[V('str', 'a'), V('i32', '1')]]),
  );
  add(
    'array element null in required',
    S('ARRAY', { valueSchema: S('INT32') }),
    V('array', [V('i32', '1'), null]),
  );
  return out;
}

function toConnectVectors(): Vector[] {
  const out: Vector[] = [];
  const add = (label: string, text: string | null, configs: Config[] = [ENVELOPE]): void => {
    for (const config of configs)
      out.push({
        op: 'toConnect',
        label: `${label} ${JSON.stringify(config)}`,
        config,
        bytes: text === null ? null : b64(text),
      });
  };
  const env = (schema: string, payload: string): string => `{"schema":${schema},"payload":${payload}}`;
  add('kafka null', null, [ENVELOPE, PLAIN]);
  add('empty bytes', '', [ENVELOPE, PLAIN]);
  for (const t of [
    '{',
    'tru',
    '[1,]',
    '{"a":1,}',
    'NaN',
    '"unterminated',
    '{"a" 1}',
    "{'a':1}",
    '01',
    '007',
    '-',
    '1.',
    '.5',
    '1e',
    '[1 2]',
    '\u0000',
  ])
    add(`malformed ${JSON.stringify(t)}`, t, [ENVELOPE, PLAIN]);
  add('trailing garbage', '{"schema":null,"payload":1} xyz', [ENVELOPE]);
  add('trailing value', '1 2', [PLAIN]);
  add('whitespace', '  \n ', [ENVELOPE, PLAIN]);
  add('envelope extra field', '{"schema":null,"payload":1,"x":2}');
  add('envelope missing payload', '{"schema":null,"x":2}');
  add('envelope not object', '[1,2]');
  add('envelope order swapped', '{"payload":"v","schema":{"type":"string","optional":false}}');
  add(
    'envelope null schema object payload',
    env('null', '{"a":1,"b":[1.5,"x",null,true],"c":{"d":12345678901234567890}}'),
  );
  for (const t of [
    '{"schema":null,"payload":1 2}',
    '{"schema":"}{","payload":1}',
    '{"schema":5,"payload":1}',
    '{"schema":{"type":"int32"},"payload":1}  \n',
    '{"schema":{"type":"int32"} ,"payload":1}',
    '{"schema":{"type":"string"},"payload":"a\\"}"}',
    '{"schema":null,"payload":{"a":1}}}',
    '{"schema":null,"payload":{"a":1}',
    '{"schema":null,"payload":}',
    '{"schema":{"type":"struct","fields":[{"type":"string","optional":true,"field":"s"}]},"payload":{"s":"[{\\"}"}}',
    '{"schema":{"type":"int32"},"payload":1,"payload":2}',
    '{"schema":[1,{"a":"]"}],"payload":1}',
  ])
    add(`compact envelope ${t}`, t);
  add('envelope duplicate key', '{"schema":null,"schema":null,"payload":1}');
  // plain JSON (schemas.enable=false): schemaless read types
  for (const t of [
    '1',
    '-0',
    '1.0',
    '1e3',
    '1E-7',
    '0.1',
    '12345678901234567890',
    '-9223372036854775808',
    '9223372036854775808',
    '"s"',
    'true',
    'null',
    '[]',
    '{}',
    '[1,[2,{"k":"v"}]]',
    '{"a":{"b":null}}',
    '"\\u00e9\\ud83d\\ude00\\n"',
    '123456789.123456789',
    '1.7976931348623157E309',
  ])
    add(`plain ${t}`, t, [PLAIN]);
  // typed payloads
  const ty = (type: string, extra = ''): string => `{"type":"${type}","optional":false${extra}}`;
  for (const [type, payloads] of [
    ['int8', ['5', '-128', '300', '1.9', '"abc"', 'true']],
    ['int16', ['40000', '-7']],
    ['int32', ['2147483647', '2147483648', '-1.5', '1e2', '"7"', '[]']],
    ['int64', ['9223372036854775807', '9223372036854775808', '1e20', '-0', '12.99']],
    ['float', ['0.1', '1e10', '3.4028235E39', '1', '"NaN"']],
    ['double', ['0.1', '1e10', '100', '-0.0', '4.9E-324', '1e-400', '"x"']],
    ['boolean', ['true', 'false', '1', '"true"']],
    ['string', ['"s"', '5', 'true', '{}']],
    ['bytes', ['"AAEC"', '"AAE"', '"!!"', '""', '5']],
  ] as const)
    for (const p of payloads) add(`${type} payload ${p}`, env(ty(type), p));
  add('required null payload', env(ty('int32'), 'null'));
  add('optional null payload', env('{"type":"int32","optional":true}', 'null'));
  add('default on null payload', env('{"type":"int32","optional":true,"default":42}', 'null'), [
    ENVELOPE,
    NO_REPLACE,
  ]);
  add(
    'default on missing field',
    env(
      '{"type":"struct","fields":[{"type":"int32","optional":false,"default":9,"field":"a"}],"optional":false}',
      '{}',
    ),
    [ENVELOPE, NO_REPLACE],
  );
  // structs
  const st =
    '{"type":"struct","fields":[{"type":"int32","optional":false,"field":"id"},{"type":"string","optional":true,"field":"name"},{"type":"int64","optional":true,"name":"org.apache.kafka.connect.data.Timestamp","version":1,"field":"ts"}],"optional":false,"name":"customers"}';
  add('struct spec example', env(st, '{"id":1,"name":"Ann","ts":1700000000000}'));
  add('struct extra payload field', env(st, '{"id":1,"zzz":2}'));
  add('struct missing required', env(st, '{"name":"x"}'));
  add('struct not object', env(st, '[1]'));
  add(
    'nested',
    env(
      '{"type":"struct","fields":[{"type":"array","items":{"type":"map","keys":{"type":"int32","optional":false},"values":{"type":"struct","fields":[{"type":"double","optional":true,"field":"d"}],"optional":true},"optional":false},"optional":false,"field":"arr"}],"optional":false}',
      '{"arr":[[[1,{"d":1.5}],[2,null]],[]]}',
    ),
  );
  // maps
  add(
    'map string keys',
    env(
      '{"type":"map","keys":{"type":"string","optional":false},"values":{"type":"int64","optional":false},"optional":false}',
      '{"a":1,"b":2}',
    ),
  );
  add(
    'map string keys given array',
    env(
      '{"type":"map","keys":{"type":"string","optional":false},"values":{"type":"int64","optional":false},"optional":false}',
      '[["a",1]]',
    ),
  );
  const intMap =
    '{"type":"map","keys":{"type":"int32","optional":false},"values":{"type":"string","optional":true},"optional":false}';
  add('map int keys', env(intMap, '[[1,"a"],[2,null]]'));
  add('map int keys given object', env(intMap, '{"1":"a"}'));
  add('map int keys bad entry', env(intMap, '[1]'));
  add('map int keys short entry', env(intMap, '[[1]]'));
  // logical
  const decS = (scale: number): string =>
    `{"type":"bytes","optional":false,"name":"org.apache.kafka.connect.data.Decimal","version":1,"parameters":{"scale":"${scale}"}}`;
  for (const p of ['"MDk="', '123.45', '1E+3', '7', '-0.00', '"AA=="', '""', '"!!"', 'true', '[1]'])
    add(`decimal payload ${p}`, env(decS(2), p), [ENVELOPE, NUMERIC]);
  add(
    'decimal no scale parameter',
    env('{"type":"bytes","optional":false,"name":"org.apache.kafka.connect.data.Decimal"}', '"AQ=="'),
  );
  add('decimal bad scale parameter', env(decS(2).replace('"2"', '"two"'), '"AQ=="'));
  const logical = (type: string, name: string): string =>
    `{"type":"${type}","optional":false,"name":"org.apache.kafka.connect.data.${name}","version":1}`;
  for (const p of ['19000', '-1', '1.0', '"x"', '2147483648'])
    add(`date payload ${p}`, env(logical('int32', 'Date'), p));
  for (const p of ['3723004', '86400000', '86400001', '-1'])
    add(`time payload ${p}`, env(logical('int32', 'Time'), p));
  // (9223372036854775807 is a valid java.util.Date but beyond a JS Date: see the unit tests)
  for (const p of ['1700000000123', '-62135596800000', '1.5'])
    add(`timestamp payload ${p}`, env(logical('int64', 'Timestamp'), p));
  // schema JSON errors and odd shapes
  for (const [label, schema] of [
    ['no type', '{"optional":false}'],
    ['type not text', '{"type":5}'],
    ['schema is a number', '5'],
    ['unknown type', '{"type":"uuid"}'],
    ['array without items', '{"type":"array"}'],
    ['array null items', '{"type":"array","items":null}'],
    ['map without keys', '{"type":"map","values":{"type":"string"}}'],
    ['map without values', '{"type":"map","keys":{"type":"string"}}'],
    ['map null keys', '{"type":"map","keys":null,"values":{"type":"string"}}'],
    ['struct fields not array', '{"type":"struct","fields":{}}'],
    ['struct no fields', '{"type":"struct"}'],
    ['struct field without name', '{"type":"struct","fields":[{"type":"int32"}]}'],
    [
      'struct duplicate fields',
      '{"type":"struct","fields":[{"type":"int32","field":"a"},{"type":"int32","field":"a"}]}',
    ],
    ['parameters not strings', '{"type":"string","parameters":{"a":1}}'],
    ['optional as text', '{"type":"string","optional":"true"}'],
    ['version as text', '{"type":"string","version":"2","name":5,"doc":false}'],
    ['version fractional', '{"type":"string","version":2.5}'],
    ['default int32', '{"type":"int32","default":5}'],
    ['default wrong type', '{"type":"int32","default":"abc"}'],
    [
      'default struct',
      '{"type":"struct","fields":[{"type":"int32","optional":false,"field":"a"}],"default":{"a":3}}',
    ],
    ['default decimal', decS(1).replace('}', ',"default":"Dw=="}').replace('"scale":"1"}', '"scale":"1"}')],
  ] as const)
    add(`schema ${label}`, env(schema, 'null'));
  return out;
}

function headerVectors(): Vector[] {
  const out: Vector[] = [];
  const toC = (text: string | null, raw?: Buffer): void => {
    out.push({
      op: 'headerToConnect',
      label: `header parse ${JSON.stringify(text)}`,
      bytes: raw ? raw.toString('base64') : text === null ? null : b64(text),
    });
  };
  for (const t of [
    '',
    ' ',
    'true',
    'false',
    'null',
    ' true ',
    'true}',
    '1',
    '127',
    '128',
    '-129',
    '32768',
    '2147483648',
    '9223372036854775807',
    '9223372036854775808',
    '1.5',
    '0.1',
    '-2.75',
    '1e400',
    '1.0',
    '1E+3',
    '+5',
    '-5',
    'abc',
    'hello world',
    'héllo',
    '[1,2,3]',
    '[1,2.5]',
    '[1,300]',
    '[1,5000000000]',
    '["a",1]',
    '[1,,2]',
    '[1,2',
    '[]',
    '[null]',
    '[null,1]',
    '[true,false]',
    '[[1],[2]]',
    '["x","y"]',
    '{"a":1,"b":2}',
    '{"a":1,"b":"x"}',
    '{1:2}',
    '{"a":1',
    '{}',
    '{"a":null}',
    '{:1}',
    '2024-01-02',
    '12:34:56.789Z',
    '2024-01-02T12:34:56.789Z',
    '"quoted"',
    '["2024-01-02"]',
    '1,2',
    '1:2',
    'a,b',
    '{"k":[1,2]}',
    '00:00:00.000Z',
    '2024-1-012',
    '[1, 2, 3]',
    ' [1] ',
  ])
    toC(t);
  for (const t of [
    '{"a":1,"a":2}',
    '[1,"2024-01-02"]',
    '[1e400,1]',
    '{1e400:1}',
    '["12:34:56.789Z",1]',
    '{"a":[1,}',
    '[{]',
    '[[1],"x"]',
    '{"a":{"b":1},"c":[1]}',
    '["a":1]',
    '\\',
    '"',
    '["unterminated]',
    '{"k"}',
    '[true,1]',
    '[2024-01-02,1]',
    '[1.5,2]',
    '[1,2.5e300]',
    '[1,-1e39]',
    '{"a":1.5,"b":2}',
    '[1]]',
    '[[]]',
    '[{}]',
    '{"a":[]}',
    '[-]',
    '[+1]',
    '[abc]',
    '{abc:1}',
    '[2024-01-02T12:34:56.789Z]',
    '12\\:34\\:56.789Z',
    '[00:00:00.000Z]',
    '{"t":12:34:56.789Z}',
    '1e-3',
    '-0',
    '0.0',
    '  7  ',
    '[1, "x"]',
    'a:b',
    ':',
    ',',
    '[,]',
    '{,}',
    '[1,2,]',
    '{"a":1,}',
  ])
    toC(t);
  toC(null);
  toC('invalid utf8', Buffer.from([0xff, 0xfe, 0x41]));
  const fromC = (label: string, schema: SchemaCanon, value: Canon): void => {
    out.push({ op: 'headerFromConnect', label: `header write ${label}`, schema, value });
  };
  fromC('string', S('STRING'), V('str', 'plain "text"'));
  fromC('int8', S('INT8'), V('i8', '-5'));
  fromC('int32', S('INT32'), V('i32', '123456'));
  fromC('int64', S('INT64'), V('i64', '9223372036854775807'));
  fromC('float32', S('FLOAT32'), V('f32', '0.1'));
  fromC('float64', S('FLOAT64'), V('f64', '1.0E10'));
  fromC('float64 integral', S('FLOAT64'), V('f64', '100.0'));
  fromC('boolean', S('BOOLEAN'), V('bool', true));
  fromC('bytes', S('BYTES'), V('bytes', 'AAECAw=='));
  fromC('null', opt('STRING'), null);
  fromC('array', S('ARRAY', { valueSchema: S('STRING') }), V('array', [V('str', 'a"b'), V('str', 'c\\d')]));
  fromC(
    'array of floats',
    S('ARRAY', { valueSchema: S('FLOAT32') }),
    V('array', [V('f32', '1.5'), V('f32', '2.0')]),
  );
  fromC(
    'map',
    S('MAP', { keySchema: S('STRING'), valueSchema: opt('INT32') }),
    V('map', [
      [V('str', 'a'), V('i32', '1')],
      [V('str', 'b'), null],
    ]),
  );
  fromC(
    'struct',
    S('STRUCT', {
      fields: [
        { name: 'a', schema: S('INT32') },
        { name: 'b', schema: opt('STRING', { default: V('str', 'd') }) },
      ],
    }),
    V('struct', [
      ['a', V('i32', '1')],
      ['b', null],
    ]),
  );
  fromC('decimal', DECIMAL(2), dec('12345', 2));
  fromC('date', DATE, V('date', String(19000 * 86400000)));
  fromC('time', TIME, V('date', '3723004'));
  fromC('timestamp', TIMESTAMP, V('date', '1700000000123'));
  return out;
}

function otherConverterVectors(): Vector[] {
  const out: Vector[] = [];
  const str = (label: string, schema: SchemaCanon, value: Canon, config: Config = {}): void => {
    out.push({
      op: 'stringFromConnect',
      label: `string write ${label} ${JSON.stringify(config)}`,
      config,
      schema,
      value,
    });
  };
  str('string', S('STRING'), V('str', 'héllo 😀'));
  str('null', opt('STRING'), null);
  str('int32', S('INT32'), V('i32', '-5'));
  str('int64', S('INT64'), V('i64', '9223372036854775807'));
  str('float64', S('FLOAT64'), V('f64', '1.0E10'));
  str('float64 integral', S('FLOAT64'), V('f64', '100.0'));
  str('float32', S('FLOAT32'), V('f32', '0.1'));
  str('boolean', S('BOOLEAN'), V('bool', false));
  str('decimal', DECIMAL(3), dec('-1500', 3));
  str('decimal exponent', DECIMAL(-2), dec('15', -2));
  str('timestamp', TIMESTAMP, V('date', '1700000000123'));
  str(
    'array',
    S('ARRAY', { valueSchema: opt('STRING') }),
    V('array', [V('str', 'a'), null, V('str', 'b c')]),
  );
  str(
    'map',
    S('MAP', { keySchema: S('STRING'), valueSchema: S('INT32') }),
    V('map', [
      [V('str', 'a'), V('i32', '1')],
      [V('str', 'b'), V('i32', '2')],
    ]),
  );
  str('struct', NESTED, NESTED_VALUE);
  str(
    'struct with floats',
    S('STRUCT', {
      fields: [
        { name: 'f', schema: S('FLOAT64') },
        { name: 'g', schema: S('ARRAY', { valueSchema: S('FLOAT32') }) },
        { name: 'n', schema: opt('STRUCT', { fields: [{ name: 'x', schema: S('FLOAT64') }] }) },
      ],
    }),
    V('struct', [
      ['f', V('f64', '100.0')],
      ['g', V('array', [V('f32', '2.0'), V('f32', '0.5')])],
      ['n', V('struct', [['x', V('f64', '1.0E10')]])],
    ]),
  );
  str('latin1', S('STRING'), V('str', 'é€'), { 'converter.encoding': 'ISO-8859-1' });
  str('utf16', S('STRING'), V('str', 'Aé'), { 'converter.encoding': 'UTF-16' });
  str('utf16le', S('STRING'), V('str', 'Aé'), { 'converter.encoding': 'UTF-16LE' });
  str('ascii', S('STRING'), V('str', 'Aé'), { 'converter.encoding': 'US-ASCII' });
  const read = (label: string, bytes: Buffer | null, config: Config = {}): void => {
    out.push({
      op: 'stringToConnect',
      label: `string read ${label} ${JSON.stringify(config)}`,
      config,
      bytes: bytes === null ? null : bytes.toString('base64'),
    });
  };
  read('utf8', Buffer.from('héllo 😀'));
  read('null', null);
  read('empty', Buffer.alloc(0));
  read('invalid utf8', Buffer.from([0x41, 0xff, 0xc3, 0x28, 0xe2, 0x82]));
  read('latin1', Buffer.from([0xe9, 0x41]), { 'converter.encoding': 'ISO-8859-1' });
  read('utf16 bom le', Buffer.from([0xff, 0xfe, 0x41, 0x00]), { 'converter.encoding': 'UTF-16' });
  read('utf16 no bom', Buffer.from([0x00, 0x41]), { 'converter.encoding': 'UTF-16' });
  read('ascii high', Buffer.from([0x41, 0xe9]), { 'converter.encoding': 'US-ASCII' });
  const bytesOut = (label: string, schema: SchemaCanon, value: Canon): void => {
    out.push({ op: 'byteArrayFromConnect', label: `bytearray ${label}`, schema, value });
  };
  bytesOut('bytes', S('BYTES'), V('bytes', 'AAH/'));
  bytesOut('schemaless bytes', null, V('bytes', 'AAH/'));
  bytesOut('null', null, null);
  bytesOut('wrong schema', S('STRING'), V('str', 'x'));
  bytesOut('wrong value', null, V('str', 'x'));
  bytesOut('wrong value int', null, V('i32', '1'));
  return out;
}

// ---------- our side ----------
type Result =
  | { ok: true; bytes?: string | null; schema?: SchemaCanon; value?: Canon; nullResult?: boolean }
  | { ok: false; error: string; message: string | null };

function runOurs(v: Vector): Result {
  try {
    switch (v.op) {
      case 'fromConnect': {
        const c = new JsonConverter();
        c.configure(v.config, false);
        const schema = schemaFromCanon(v.schema);
        const b = c.fromConnectData('t', null, schema, valueFromCanon(schema, v.value));
        return { ok: true, bytes: b === null ? null : b.toString('base64') };
      }
      case 'toConnect': {
        const c = new JsonConverter();
        c.configure(v.config, false);
        const sv = c.toConnectData('t', null, v.bytes === null ? null : Buffer.from(v.bytes, 'base64'));
        return { ok: true, schema: schemaToCanon(sv.schema), value: valueToCanon(sv.schema, sv.value) };
      }
      case 'headerToConnect': {
        numberContext = 'header';
        const sv = new SimpleHeaderConverter().toConnectHeader(
          't',
          'h',
          v.bytes === null ? null : Buffer.from(v.bytes, 'base64'),
        );
        return { ok: true, schema: schemaToCanon(sv.schema), value: valueToCanon(sv.schema, sv.value) };
      }
      case 'stringFromConnect': {
        const c = new StringConverter();
        c.configure(v.config, false);
        const schema = schemaFromCanon(v.schema);
        const b = c.fromConnectData('t', null, schema, valueFromCanon(schema, v.value));
        return { ok: true, bytes: b === null ? null : b.toString('base64') };
      }
      case 'stringToConnect': {
        const c = new StringConverter();
        c.configure(v.config, false);
        const sv = c.toConnectData('t', null, v.bytes === null ? null : Buffer.from(v.bytes, 'base64'));
        return { ok: true, schema: schemaToCanon(sv.schema), value: valueToCanon(sv.schema, sv.value) };
      }
      case 'byteArrayFromConnect': {
        const c = new ByteArrayConverter();
        c.configure();
        const schema = schemaFromCanon(v.schema);
        const b = c.fromConnectData('t', null, schema, valueFromCanon(schema, v.value));
        return { ok: true, bytes: b === null ? null : b.toString('base64') };
      }
      case 'headerFromConnect': {
        const schema = schemaFromCanon(v.schema);
        const b = new SimpleHeaderConverter().fromConnectHeader(
          't',
          'h',
          schema,
          valueFromCanon(schema, v.value),
        );
        return { ok: true, bytes: b === null ? null : b.toString('base64') };
      }
    }
  } catch (e) {
    if (e instanceof ConnectException) return { ok: false, error: e.javaClassName, message: e.message };
    return { ok: false, error: `js:${(e as Error).name}`, message: (e as Error).message };
  }
}

function runOursIn(v: Vector): Result {
  try {
    return runOurs(v);
  } finally {
    numberContext = 'json';
  }
}

function normalize(v: Vector, r: Result): unknown {
  const copy = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
  delete copy.nullResult;
  if (v.op === 'toConnect') return sortMaps(copy);
  return copy;
}

/**
 * Double.toString changed in JDK 19 (shortest digits, JDK-4511638). We follow the current spec;
 * these vectors are compared with a newer JDK when one is installed, and skipped on JDK 17 alone.
 */
const JDK17_QUIRKS = [/float64 1\.0E23 /];

void describe('JsonConverter, SimpleHeaderConverter, StringConverter, ByteArrayConverter against real Kafka Connect 4.x', () => {
  const vectors: Vector[] = [
    ...fromConnectVectors(),
    ...toConnectVectors(),
    ...headerVectors(),
    ...otherConverterVectors(),
  ];
  let javaResults: Result[] = [];
  let newerJdkResults: Map<Vector, Result> | null = null;

  before(async () => {
    const lines = await runJavaHarness('JsonConverterHarness', vectors, (x) => JSON.stringify(x));
    javaResults = lines.map((l) => JSON.parse(l) as Result);
    const quirky = vectors.filter((v) => JDK17_QUIRKS.some((q) => q.test(v.label)));
    const newer = otherJavaBinaries()[0];
    if (newer !== undefined && quirky.length > 0) {
      const newerLines = await runJavaHarness(
        'JsonConverterHarness',
        quirky,
        (x) => JSON.stringify(x),
        newer,
      );
      newerJdkResults = new Map(quirky.map((v, i) => [v, JSON.parse(newerLines[i]) as Result]));
    }
  });

  for (const op of [
    'fromConnect',
    'toConnect',
    'headerToConnect',
    'headerFromConnect',
    'stringFromConnect',
    'stringToConnect',
    'byteArrayFromConnect',
  ] as const) {
    void it(`${op}: every vector gives the same bytes / schema / value / error`, () => {
      const mismatches: string[] = [];
      vectors.forEach((v, i) => {
        if (v.op !== op) return;
        let expected = javaResults[i];
        if (JDK17_QUIRKS.some((q) => q.test(v.label))) {
          const newer = newerJdkResults?.get(v);
          if (newer === undefined) return;
          expected = newer;
        }
        const java = normalize(v, expected);
        const ours = normalize(v, runOursIn(v));
        try {
          assert.deepStrictEqual(ours, java);
        } catch {
          const decode = (r: unknown): unknown => {
            const o = r as { bytes?: string | null };
            return typeof o.bytes === 'string'
              ? { ...o, text: Buffer.from(o.bytes, 'base64').toString('utf8') }
              : r;
          };
          mismatches.push(
            `${v.label}\n  java: ${JSON.stringify(decode(java))}\n  ours: ${JSON.stringify(decode(ours))}`,
          );
        }
      });
      assert.equal(mismatches.length, 0, `${mismatches.length} mismatches:\n${mismatches.join('\n')}`);
    });
  }

  void it('Double/Float.toString parity on seeded random values (against a JDK 19+ when installed)', async (t) => {
    const newer = otherJavaBinaries()[0];
    if (newer === undefined) {
      t.skip('no JDK 19+ installed; JDK 17 prints some values with its older algorithm');
      return;
    }
    const view = new DataView(new ArrayBuffer(8));
    let seed = 20241125;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const numbers: { schema: SchemaCanon; value: Canon }[] = [];
    for (let i = 0; i < 1500; i++) {
      view.setUint32(0, (rnd() * 2 ** 32) >>> 0);
      view.setUint32(4, (rnd() * 2 ** 32) >>> 0);
      const d = view.getFloat64(0);
      if (Number.isFinite(d)) numbers.push({ schema: S('FLOAT64'), value: V('f64', formatJavaDouble(d)) });
      const f = view.getFloat32(0);
      if (Number.isFinite(f)) numbers.push({ schema: S('FLOAT32'), value: V('f32', formatJavaFloat(f)) });
      const decimalish = Number(
        (rnd() * 10 ** Math.floor(rnd() * 14 - 6)).toPrecision(1 + Math.floor(rnd() * 17)),
      );
      numbers.push({ schema: S('FLOAT64'), value: V('f64', formatJavaDouble(decimalish)) });
      numbers.push({ schema: S('FLOAT32'), value: V('f32', formatJavaFloat(Math.fround(rnd() * 1e7))) });
    }
    // the canonical value text is parsed back by Java (Double/Float.valueOf), so it must round-trip exactly
    const vs: Vector[] = numbers.map(({ schema, value }) => ({
      op: 'fromConnect',
      label: 'random',
      config: PLAIN,
      schema,
      value,
    }));
    const lines = await runJavaHarness('JsonConverterHarness', vs, (x) => JSON.stringify(x), newer);
    const mismatches = vs.filter(
      (v, i) => JSON.stringify(runOursIn(v)) !== JSON.stringify(JSON.parse(lines[i])),
    );
    assert.deepEqual(mismatches.slice(0, 5), [], `${mismatches.length} of ${vs.length} differ`);
  });

  void it('covers a meaningful number of vectors', (t) => {
    const byOp = new Map<string, number>();
    for (const v of vectors) byOp.set(v.op, (byOp.get(v.op) ?? 0) + 1);
    t.diagnostic(`${vectors.length} vectors: ${[...byOp].map(([op, n]) => `${op} ${n}`).join(', ')}`);
    assert.ok(vectors.length > 300, `only ${vectors.length} vectors`);
  });
});
