/**
 * The SMT differential table: each SMT × schemaful / schemaless × notable configs × null and
 * tombstone records, plus chains with predicates and the lesson's seed chain.
 */
import type { ChainStep, Vector, VectorRecord } from '../support/smt-harness';

const T = 'org.apache.kafka.connect.transforms';
const P = `${T}.predicates`;

type J = null | boolean | number | string | J[] | { [k: string]: J };

const f = (field: string, type: string, optional = false, extra: Record<string, J> = {}): J => ({
  field,
  type,
  optional,
  ...extra,
});
const struct = (fields: J[], optional = false, extra: Record<string, J> = {}): J => ({
  type: 'struct',
  fields,
  optional,
  ...extra,
});
const env = (schema: J, payload: J): string => JSON.stringify({ schema, payload });

const NESTED = struct([f('a', 'int32'), f('b', 'string', true)], true);
const VALUE_SCHEMA = struct(
  [
    f('id', 'int32'),
    f('name', 'string'),
    f('ssn', 'string', true),
    f('amount', 'double'),
    f('active', 'boolean'),
    f('count', 'int64', true, { default: 7 }),
    f('small', 'int8', true),
    f('created', 'int64', false, { name: 'org.apache.kafka.connect.data.Timestamp', version: 1 }),
    f('day', 'int32', true, { name: 'org.apache.kafka.connect.data.Date', version: 1 }),
    f('epoch', 'int64', true),
    f('when', 'string', true),
    f('raw', 'bytes', true),
    { ...(NESTED as Record<string, J>), field: 'nested' },
  ],
  false,
  { name: 'com.example.Customer', version: 3, doc: 'a customer' },
);
const VALUE_PAYLOAD = {
  id: 42,
  name: 'alice',
  ssn: '123-45-6789',
  amount: 12.5,
  active: true,
  count: null,
  small: 5,
  created: 1700000000123,
  day: 19675,
  epoch: 1700000000,
  when: '2024-03-05 10:11:12',
  raw: 'AQID',
  nested: { a: 1, b: 'x' },
};
const KEY_SCHEMA = struct([f('id', 'int32')], false, { name: 'com.example.Key' });

export const SCHEMAFUL: VectorRecord = {
  kind: 'sink',
  topic: 'orders',
  partition: 2,
  offset: 17,
  timestamp: 1700000000999,
  key: env(KEY_SCHEMA, { id: 42 }),
  value: env(VALUE_SCHEMA, VALUE_PAYLOAD),
  headers: [['h1', env({ type: 'string', optional: false }, 'v1')]],
};

export const SCHEMALESS: VectorRecord = {
  kind: 'sink',
  topic: 'orders',
  partition: 1,
  offset: 5,
  timestamp: 1700000000999,
  key: env(null, { id: 42 }),
  value: env(null, {
    id: 42,
    name: 'alice',
    ssn: '123-45-6789',
    amount: 12.5,
    active: true,
    nothing: null,
    epoch: 1700000000000,
    when: '2024-03-05 10:11:12',
    list: [1, 2],
    nested: { a: 1, b: 'x', deeper: { c: true } },
  }),
  headers: [['h1', env(null, 'v1')]],
};

/** A tombstone: Kafka null value (schema null, value null). */
export const TOMBSTONE: VectorRecord = { ...SCHEMALESS, value: null, headers: [] };
/** A schemaful null: optional struct schema with a null payload. */
export const SCHEMAFUL_NULL: VectorRecord = {
  ...SCHEMAFUL,
  value: env({ ...(VALUE_SCHEMA as Record<string, J>), optional: true }, null),
};
export const SOURCE_SCHEMAFUL: VectorRecord = { ...SCHEMAFUL, kind: 'source', partition: null };
export const NO_TIMESTAMP: VectorRecord = { ...SCHEMALESS, timestamp: null };
/** A whole-value primitive record (for Cast/TimestampConverter/HoistField whole-value cases). */
export const PRIMITIVE_STRING: VectorRecord = {
  ...SCHEMAFUL,
  value: env({ type: 'string', optional: false }, '42'),
};
export const PRIMITIVE_LONG: VectorRecord = {
  ...SCHEMAFUL,
  value: env({ type: 'int64', optional: false }, 1700000000123),
};
export const SCHEMALESS_LONG: VectorRecord = { ...SCHEMALESS, value: env(null, 1700000000123) };
export const SCHEMALESS_STRING: VectorRecord = { ...SCHEMALESS, value: env(null, 'hello') };
export const MAP_FIELD: VectorRecord = {
  ...SCHEMAFUL,
  value: env(
    struct([
      f('id', 'int32'),
      {
        field: 'm',
        type: 'map',
        keys: { type: 'string', optional: false },
        values: { type: 'int32', optional: false },
        optional: false,
      },
    ]),
    { id: 1, m: { x: 1 } },
  ),
};

const RECORDS: Record<string, VectorRecord> = {
  schemaful: SCHEMAFUL,
  schemaless: SCHEMALESS,
  tombstone: TOMBSTONE,
  schemafulNull: SCHEMAFUL_NULL,
};

const step = (type: string, config: Record<string, string | null> = {}): ChainStep => ({ type, config });

/** SMT configs exercised against every record of RECORDS. */
const CONFIGS: [string, ChainStep][] = [
  [
    'insert-all',
    step(`${T}.InsertField$Value`, {
      'topic.field': 'topic!',
      'partition.field': 'part',
      'offset.field': 'off',
      'timestamp.field': 'ingested_at',
      'static.field': 'src',
      'static.value': 'lab',
    }),
  ],
  ['insert-ts', step(`${T}.InsertField$Value`, { 'timestamp.field': 'ingested_at' })],
  ['insert-key', step(`${T}.InsertField$Key`, { 'topic.field': 't' })],
  [
    'insert-nodefault',
    step(`${T}.InsertField$Value`, { 'topic.field': 't', 'replace.null.with.default': 'false' }),
  ],
  ['mask-ssn', step(`${T}.MaskField$Value`, { fields: 'ssn' })],
  [
    'mask-many',
    step(`${T}.MaskField$Value`, { fields: 'id,name,amount,active,count,small,created,nothing,list,nested' }),
  ],
  ['mask-repl', step(`${T}.MaskField$Value`, { fields: 'ssn,name', replacement: '***' })],
  ['mask-repl-num', step(`${T}.MaskField$Value`, { fields: 'id,amount,epoch', replacement: '99' })],
  ['mask-repl-bad', step(`${T}.MaskField$Value`, { fields: 'active', replacement: 'x' })],
  ['mask-repl-nan', step(`${T}.MaskField$Value`, { fields: 'id', replacement: 'abc' })],
  ['replace-exclude', step(`${T}.ReplaceField$Value`, { exclude: 'ssn,raw' })],
  [
    'replace-include',
    step(`${T}.ReplaceField$Value`, { include: 'id,name,nested', renames: 'name:full_name' }),
  ],
  ['replace-both', step(`${T}.ReplaceField$Value`, { include: 'id,name', exclude: 'name' })],
  ['replace-rename', step(`${T}.ReplaceField$Value`, { renames: 'id:customer_id,count:cnt' })],
  [
    'replace-nodefault',
    step(`${T}.ReplaceField$Value`, { include: 'count', 'replace.null.with.default': 'false' }),
  ],
  ['value-to-key', step(`${T}.ValueToKey`, { fields: 'id,name' })],
  ['value-to-key-missing', step(`${T}.ValueToKey`, { fields: 'id,nope' })],
  ['value-to-key-v2', step(`${T}.ValueToKey`, { fields: 'nested.a', 'field.syntax.version': 'V2' })],
  ['extract-name', step(`${T}.ExtractField$Value`, { field: 'name' })],
  ['extract-nested', step(`${T}.ExtractField$Value`, { field: 'nested' })],
  ['extract-missing', step(`${T}.ExtractField$Value`, { field: 'nope' })],
  ['extract-v2', step(`${T}.ExtractField$Value`, { field: 'nested.b', 'field.syntax.version': 'v2' })],
  ['extract-key', step(`${T}.ExtractField$Key`, { field: 'id' })],
  ['hoist', step(`${T}.HoistField$Value`, { field: 'wrapped' })],
  ['hoist-key', step(`${T}.HoistField$Key`, { field: 'k' })],
  [
    'cast-fields',
    step(`${T}.Cast$Value`, {
      spec: 'id:string,amount:int32,active:int8,small:float32,count:boolean,created:int64,day:string,raw:string',
    }),
  ],
  ['cast-fields-2', step(`${T}.Cast$Value`, { spec: 'id:float64, amount:string, epoch:int16, name:int32' })],
  ['cast-schemaless', step(`${T}.Cast$Value`, { spec: 'id:string,amount:int64,active:int32,when:boolean' })],
  ['cast-nested', step(`${T}.Cast$Value`, { spec: 'nested:string' })],
  ['flatten', step(`${T}.Flatten$Value`, {})],
  ['flatten-delim', step(`${T}.Flatten$Value`, { delimiter: '_' })],
  [
    'ts-conv-string',
    step(`${T}.TimestampConverter$Value`, {
      field: 'created',
      'target.type': 'string',
      format: "yyyy-MM-dd'T'HH:mm:ss.SSS",
    }),
  ],
  [
    'ts-conv-unix',
    step(`${T}.TimestampConverter$Value`, {
      field: 'created',
      'target.type': 'unix',
      'unix.precision': 'seconds',
    }),
  ],
  ['ts-conv-date', step(`${T}.TimestampConverter$Value`, { field: 'created', 'target.type': 'Date' })],
  ['ts-conv-time', step(`${T}.TimestampConverter$Value`, { field: 'created', 'target.type': 'Time' })],
  [
    'ts-conv-epoch',
    step(`${T}.TimestampConverter$Value`, {
      field: 'epoch',
      'target.type': 'Timestamp',
      'unix.precision': 'seconds',
    }),
  ],
  [
    'ts-conv-parse',
    step(`${T}.TimestampConverter$Value`, {
      field: 'when',
      'target.type': 'unix',
      format: 'yyyy-MM-dd HH:mm:ss',
    }),
  ],
  ['ts-conv-badfield', step(`${T}.TimestampConverter$Value`, { field: 'name', 'target.type': 'unix' })],
  [
    'set-schema',
    step(`${T}.SetSchemaMetadata$Value`, { 'schema.name': 'com.example.Renamed', 'schema.version': '9' }),
  ],
  [
    'header-from-copy',
    step(`${T}.HeaderFrom$Value`, { fields: 'id,name', headers: 'hid,hname', operation: 'copy' }),
  ],
  ['header-from-move', step(`${T}.HeaderFrom$Value`, { fields: 'ssn', headers: 'hssn', operation: 'move' })],
  ['insert-header', step(`${T}.InsertHeader`, { header: 'env', 'value.literal': 'prod' })],
  ['insert-header-num', step(`${T}.InsertHeader`, { header: 'n', 'value.literal': '42' })],
  ['insert-header-float', step(`${T}.InsertHeader`, { header: 'n', 'value.literal': '3.25' })],
  ['insert-header-list', step(`${T}.InsertHeader`, { header: 'l', 'value.literal': '[1, 2, 3]' })],
  ['insert-header-map', step(`${T}.InsertHeader`, { header: 'm', 'value.literal': '{"a": 1, "b": 2}' })],
  ['insert-header-date', step(`${T}.InsertHeader`, { header: 'd', 'value.literal': '2024-03-05' })],
  ['insert-header-null', step(`${T}.InsertHeader`, { header: 'z', 'value.literal': 'null' })],
  ['insert-header-text', step(`${T}.InsertHeader`, { header: 't', 'value.literal': 'hello world' })],
  ['drop-headers', step(`${T}.DropHeaders`, { headers: 'h1,h2' })],
  ['regex-router', step(`${T}.RegexRouter`, { regex: '(.*)', replacement: 'prod-$1' })],
  ['regex-router-nomatch', step(`${T}.RegexRouter`, { regex: 'ord', replacement: 'x' })],
  ['regex-router-named', step(`${T}.RegexRouter`, { regex: '(?<base>[a-z]+)s', replacement: '${base}-v2' })],
  ['timestamp-router', step(`${T}.TimestampRouter`, {})],
  [
    'timestamp-router-fmt',
    step(`${T}.TimestampRouter`, {
      'topic.format': 'x_${timestamp}_${topic}',
      'timestamp.format': 'yyyy-MM-dd HH',
    }),
  ],
  ['filter', step(`${T}.Filter`, {})],
];

/** Configurations that must fail in configure(), with Connect's exception. */
const CONFIG_ERRORS: [string, ChainStep][] = [
  ['insert-none', step(`${T}.InsertField$Value`, {})],
  ['insert-static-novalue', step(`${T}.InsertField$Value`, { 'static.field': 'x' })],
  ['mask-missing', step(`${T}.MaskField$Value`, {})],
  ['mask-empty', step(`${T}.MaskField$Value`, { fields: '' })],
  ['mask-dup', step(`${T}.MaskField$Value`, { fields: 'a,a' })],
  ['mask-empty-repl', step(`${T}.MaskField$Value`, { fields: 'a', replacement: '' })],
  ['replace-bad-rename', step(`${T}.ReplaceField$Value`, { renames: 'a:b:c' })],
  ['extract-missing-field', step(`${T}.ExtractField$Value`, {})],
  ['extract-bad-syntax', step(`${T}.ExtractField$Value`, { field: 'a', 'field.syntax.version': 'V3' })],
  ['extract-backtick', step(`${T}.ExtractField$Value`, { field: '`a.b', 'field.syntax.version': 'V2' })],
  ['cast-empty', step(`${T}.Cast$Value`, { spec: '' })],
  ['cast-badtype', step(`${T}.Cast$Value`, { spec: 'a:float' })],
  ['cast-bytes-out', step(`${T}.Cast$Value`, { spec: 'a:bytes' })],
  ['cast-whole-multi', step(`${T}.Cast$Value`, { spec: 'int8,a:int16' })],
  ['ts-conv-notype', step(`${T}.TimestampConverter$Value`, {})],
  ['ts-conv-badtype', step(`${T}.TimestampConverter$Value`, { 'target.type': 'date' })],
  ['ts-conv-noformat', step(`${T}.TimestampConverter$Value`, { 'target.type': 'string' })],
  ['set-schema-none', step(`${T}.SetSchemaMetadata$Value`, {})],
  ['header-from-mismatch', step(`${T}.HeaderFrom$Value`, { fields: 'a,b', headers: 'x', operation: 'copy' })],
  ['header-from-badop', step(`${T}.HeaderFrom$Value`, { fields: 'a', headers: 'x', operation: 'swap' })],
  ['insert-header-missing', step(`${T}.InsertHeader`, { header: 'x' })],
  ['regex-missing', step(`${T}.RegexRouter`, { regex: '.*' })],
  ['drop-headers-empty', step(`${T}.DropHeaders`, { headers: '' })],
  ['set-schema-badint', step(`${T}.SetSchemaMetadata$Value`, { 'schema.version': 'x' })],
];

const extraRecords: [string, VectorRecord, ChainStep][] = [
  ['cast-whole-string-int32', PRIMITIVE_STRING, step(`${T}.Cast$Value`, { spec: 'int32' })],
  ['cast-whole-string-bool', PRIMITIVE_STRING, step(`${T}.Cast$Value`, { spec: 'boolean' })],
  [
    'cast-whole-string-int8',
    { ...PRIMITIVE_STRING, value: env({ type: 'string', optional: false }, '300') },
    step(`${T}.Cast$Value`, { spec: 'int8' }),
  ],
  ['cast-whole-long-float32', PRIMITIVE_LONG, step(`${T}.Cast$Value`, { spec: 'float32' })],
  ['cast-whole-long-string', PRIMITIVE_LONG, step(`${T}.Cast$Value`, { spec: 'STRING' })],
  ['cast-whole-schemaless-long', SCHEMALESS_LONG, step(`${T}.Cast$Value`, { spec: 'int16' })],
  ['cast-whole-schemaless-str', SCHEMALESS_STRING, step(`${T}.Cast$Value`, { spec: 'int32' })],
  [
    'ts-conv-whole-long',
    PRIMITIVE_LONG,
    step(`${T}.TimestampConverter$Value`, { 'target.type': 'Timestamp' }),
  ],
  [
    'ts-conv-whole-long-str',
    PRIMITIVE_LONG,
    step(`${T}.TimestampConverter$Value`, { 'target.type': 'string', format: 'yyyyMMdd HH:mm:ss.SSS' }),
  ],
  [
    'ts-conv-whole-schemaless',
    SCHEMALESS_LONG,
    step(`${T}.TimestampConverter$Value`, { 'target.type': 'Date' }),
  ],
  [
    'ts-conv-whole-schemaless-str',
    SCHEMALESS_STRING,
    step(`${T}.TimestampConverter$Value`, { 'target.type': 'unix', format: 'yyyy' }),
  ],
  ['hoist-primitive', PRIMITIVE_STRING, step(`${T}.HoistField$Value`, { field: 'v' })],
  ['flatten-map-field', MAP_FIELD, step(`${T}.Flatten$Value`, {})],
  ['timestamp-router-nots', NO_TIMESTAMP, step(`${T}.TimestampRouter`, {})],
  ['insert-offset-source', SOURCE_SCHEMAFUL, step(`${T}.InsertField$Value`, { 'offset.field': 'off' })],
  [
    'insert-partition-source',
    SOURCE_SCHEMAFUL,
    step(`${T}.InsertField$Value`, { 'partition.field': 'p', 'timestamp.field': 'ts' }),
  ],
  ['insert-notimestamp', NO_TIMESTAMP, step(`${T}.InsertField$Value`, { 'timestamp.field': 'ts' })],
  ['set-schema-key', SCHEMAFUL, step(`${T}.SetSchemaMetadata$Key`, { 'schema.name': 'k.Name' })],
  ['extract-key-schemaless', SCHEMALESS, step(`${T}.ExtractField$Key`, { field: 'id' })],
  ['set-schema-schemaless', SCHEMALESS, step(`${T}.SetSchemaMetadata$Value`, { 'schema.name': 'x' })],
  ['set-schema-primitive', PRIMITIVE_STRING, step(`${T}.SetSchemaMetadata$Value`, { 'schema.version': '2' })],
  [
    'header-from-missing',
    SCHEMAFUL,
    step(`${T}.HeaderFrom$Value`, { fields: 'nope', headers: 'h', operation: 'copy' }),
  ],
  [
    'header-from-key',
    SCHEMAFUL,
    step(`${T}.HeaderFrom$Key`, { fields: 'id', headers: 'kid', operation: 'move' }),
  ],
  ['replace-key', SCHEMAFUL, step(`${T}.ReplaceField$Key`, { renames: 'id:key_id' })],
  ['mask-key', SCHEMAFUL, step(`${T}.MaskField$Key`, { fields: 'id' })],
  ['cast-key', SCHEMAFUL, step(`${T}.Cast$Key`, { spec: 'id:int64' })],
  ['flatten-key-schemaless', SCHEMALESS, step(`${T}.Flatten$Key`, { delimiter: '/' })],
  [
    'ts-conv-key',
    { ...SCHEMAFUL, key: env({ type: 'int64', optional: true }, 86400000) },
    step(`${T}.TimestampConverter$Key`, { 'target.type': 'Date' }),
  ],
  [
    'ts-conv-key-null',
    { ...SCHEMAFUL, key: env({ type: 'int64', optional: true }, null) },
    step(`${T}.TimestampConverter$Key`, { 'target.type': 'Date' }),
  ],
  [
    'ts-conv-micros',
    SCHEMALESS_LONG,
    step(`${T}.TimestampConverter$Value`, { 'target.type': 'unix', 'unix.precision': 'microseconds' }),
  ],
  [
    'ts-conv-nanos-in',
    SCHEMALESS_LONG,
    step(`${T}.TimestampConverter$Value`, { 'target.type': 'Timestamp', 'unix.precision': 'nanoseconds' }),
  ],
  [
    'ts-conv-badparse',
    SCHEMALESS_STRING,
    step(`${T}.TimestampConverter$Value`, { 'target.type': 'unix', format: 'yyyy-MM-dd' }),
  ],
  [
    'ts-conv-bool',
    { ...SCHEMALESS, value: env(null, true) },
    step(`${T}.TimestampConverter$Value`, { 'target.type': 'unix' }),
  ],
  [
    'cast-bool-schemaless',
    { ...SCHEMALESS, value: env(null, { a: 'TRUE', b: 0.5, c: 'x' }) },
    step(`${T}.Cast$Value`, { spec: 'a:boolean,b:boolean,c:boolean' }),
  ],
  [
    'cast-int-overflow',
    { ...SCHEMALESS, value: env(null, { a: 3000000000, b: -129, c: 1e20 }) },
    step(`${T}.Cast$Value`, { spec: 'a:int32,b:int8,c:int64' }),
  ],
  [
    'cast-array',
    { ...SCHEMALESS, value: env(null, { a: [1] }) },
    step(`${T}.Cast$Value`, { spec: 'a:string' }),
  ],
  [
    'cast-decimal',
    {
      ...SCHEMAFUL,
      value: env(
        struct([
          f('d', 'bytes', false, {
            name: 'org.apache.kafka.connect.data.Decimal',
            version: 1,
            parameters: { scale: '2' },
          }),
        ]),
        { d: 'ATA=' },
      ),
    },
    step(`${T}.Cast$Value`, { spec: 'd:float64' }),
  ],
  [
    'cast-float-string',
    {
      ...SCHEMAFUL,
      value: env(struct([f('x', 'float'), f('y', 'double'), f('z', 'double')]), { x: 1.5, y: 1e21, z: 100 }),
    },
    step(`${T}.Cast$Value`, { spec: 'x:string,y:string,z:string' }),
  ],
  [
    'cast-with-defaults',
    {
      ...SCHEMAFUL,
      value: env(
        struct([f('x', 'int32', true, { default: 5 }), f('y', 'string', false, { default: '7' })], true, {
          default: { x: 1, y: '2' },
        }),
        { x: null, y: '9' },
      ),
    },
    step(`${T}.Cast$Value`, { spec: 'x:string,y:int64' }),
  ],
  [
    'flatten-defaults',
    {
      ...SCHEMAFUL,
      value: env(
        struct([
          f('id', 'int32'),
          {
            ...(struct([f('p', 'int32', true), f('q', 'string', false, { default: 'dq' })], true) as Record<
              string,
              J
            >),
            field: 'inner',
          },
        ]),
        { id: 1, inner: null },
      ),
    },
    step(`${T}.Flatten$Value`, {}),
  ],
  [
    'flatten-array',
    {
      ...SCHEMAFUL,
      value: env(
        struct([{ field: 'arr', type: 'array', items: { type: 'int32', optional: false }, optional: false }]),
        { arr: [1, 2] },
      ),
    },
    step(`${T}.Flatten$Value`, { delimiter: '__' }),
  ],
  [
    'hoist-optional-null',
    { ...SCHEMAFUL, value: env({ type: 'string', optional: true }, null) },
    step(`${T}.HoistField$Value`, { field: 'v' }),
  ],
  [
    'hoist-required-null',
    { ...SCHEMAFUL, value: env({ type: 'string', optional: false }, null) },
    step(`${T}.HoistField$Value`, { field: 'v' }),
  ],
  [
    'extract-v2-missing-nested',
    SCHEMALESS,
    step(`${T}.ExtractField$Value`, { field: 'nested.zz.c', 'field.syntax.version': 'V2' }),
  ],
  [
    'extract-v2-deep',
    SCHEMALESS,
    step(`${T}.ExtractField$Value`, { field: 'nested.deeper.c', 'field.syntax.version': 'V2' }),
  ],
  ['value-to-key-schemaless-missing', SCHEMALESS, step(`${T}.ValueToKey`, { fields: 'nope' })],
  ['regex-router-ci', SCHEMAFUL, step(`${T}.RegexRouter`, { regex: '(?i)ORD(.*)', replacement: 'o$1' })],
  [
    'regex-router-quote',
    SCHEMAFUL,
    step(`${T}.RegexRouter`, { regex: '\\Qord\\E(.+)', replacement: '$1.x' }),
  ],
  ['regex-router-escape', SCHEMAFUL, step(`${T}.RegexRouter`, { regex: '(.*)', replacement: 'a\\$b-$1' })],
  ['regex-router-group-error', SCHEMAFUL, step(`${T}.RegexRouter`, { regex: '(.*)', replacement: '$2' })],
  [
    'insert-field-struct-key-schemaless',
    SCHEMALESS,
    step(`${T}.InsertField$Key`, { 'partition.field': 'p!', 'offset.field': 'o' }),
  ],
];

/** The predicate / chain cases. */
const CHAINS: [string, VectorRecord, ChainStep[]][] = [
  [
    'lesson-seed',
    SCHEMAFUL,
    [
      step(`${T}.InsertField$Value`, { 'timestamp.field': 'ingested_at' }),
      step(`${T}.MaskField$Value`, { fields: 'ssn' }),
      step(`${T}.RegexRouter`, { regex: '(.*)', replacement: 'prod-$1' }),
    ],
  ],
  [
    'lesson-seed-schemaless',
    SCHEMALESS,
    [
      step(`${T}.InsertField$Value`, { 'timestamp.field': 'ingested_at' }),
      step(`${T}.MaskField$Value`, { fields: 'ssn' }),
      step(`${T}.RegexRouter`, { regex: '(.*)', replacement: 'prod-$1' }),
    ],
  ],
  [
    'lesson-seed-tombstone',
    TOMBSTONE,
    [
      step(`${T}.InsertField$Value`, { 'timestamp.field': 'ingested_at' }),
      step(`${T}.MaskField$Value`, { fields: 'ssn' }),
      step(`${T}.RegexRouter`, { regex: '(.*)', replacement: 'prod-$1' }),
    ],
  ],
  [
    'filter-tombstones',
    TOMBSTONE,
    [{ ...step(`${T}.Filter`), predicate: { type: `${P}.RecordIsTombstone`, config: {} } }],
  ],
  [
    'filter-tombstones-live',
    SCHEMALESS,
    [{ ...step(`${T}.Filter`), predicate: { type: `${P}.RecordIsTombstone`, config: {} } }],
  ],
  [
    'mask-unless-tombstone',
    TOMBSTONE,
    [
      {
        ...step(`${T}.MaskField$Value`, { fields: 'ssn' }),
        predicate: { type: `${P}.RecordIsTombstone`, config: {} },
        negate: true,
      },
    ],
  ],
  [
    'route-if-topic',
    SCHEMAFUL,
    [
      {
        ...step(`${T}.RegexRouter`, { regex: '(.*)', replacement: 'x-$1' }),
        predicate: { type: `${P}.TopicNameMatches`, config: { pattern: 'ord.*' } },
      },
    ],
  ],
  [
    'route-if-topic-nomatch',
    SCHEMAFUL,
    [
      {
        ...step(`${T}.RegexRouter`, { regex: '(.*)', replacement: 'x-$1' }),
        predicate: { type: `${P}.TopicNameMatches`, config: { pattern: 'ord' } },
      },
    ],
  ],
  [
    'drop-if-header',
    SCHEMAFUL,
    [{ ...step(`${T}.Filter`), predicate: { type: `${P}.HasHeaderKey`, config: { name: 'h1' } } }],
  ],
  [
    'keep-if-header-negated',
    SCHEMAFUL,
    [
      {
        ...step(`${T}.Filter`),
        predicate: { type: `${P}.HasHeaderKey`, config: { name: 'h1' } },
        negate: true,
      },
    ],
  ],
  [
    'predicate-bad-pattern',
    SCHEMAFUL,
    [{ ...step(`${T}.Filter`), predicate: { type: `${P}.TopicNameMatches`, config: { pattern: '' } } }],
  ],
  [
    'predicate-missing-name',
    SCHEMAFUL,
    [{ ...step(`${T}.Filter`), predicate: { type: `${P}.HasHeaderKey`, config: {} } }],
  ],
  [
    'header-roundtrip',
    SCHEMAFUL,
    [
      step(`${T}.HeaderFrom$Value`, { fields: 'name', headers: 'who', operation: 'move' }),
      step(`${T}.InsertHeader`, { header: 'flag', 'value.literal': 'true' }),
      step(`${T}.DropHeaders`, { headers: 'h1' }),
    ],
  ],
];

export function smtVectors(): Vector[] {
  const out: Vector[] = [];
  for (const [name, s] of CONFIGS)
    for (const [rname, r] of Object.entries(RECORDS))
      out.push({ id: `${name}/${rname}`, chain: [s], record: r });
  for (const [name, s] of CONFIG_ERRORS) out.push({ id: `config/${name}`, chain: [s], record: SCHEMAFUL });
  for (const [name, r, s] of extraRecords) out.push({ id: `extra/${name}`, chain: [s], record: r });
  for (const [name, r, chain] of CHAINS) out.push({ id: `chain/${name}`, chain, record: r });
  return out;
}

/** Every plugin class whose CONFIG_DEF is compared key by key. */
export const DEF_CLASSES: string[] = [
  ...[
    'Cast',
    'ExtractField',
    'Flatten',
    'HeaderFrom',
    'HoistField',
    'InsertField',
    'MaskField',
    'ReplaceField',
    'SetSchemaMetadata',
    'TimestampConverter',
  ].flatMap((n) => [`${T}.${n}$Key`, `${T}.${n}$Value`]),
  ...['DropHeaders', 'Filter', 'InsertHeader', 'RegexRouter', 'TimestampRouter', 'ValueToKey'].map(
    (n) => `${T}.${n}`,
  ),
  ...['HasHeaderKey', 'RecordIsTombstone', 'TopicNameMatches'].map((n) => `${P}.${n}`),
];
