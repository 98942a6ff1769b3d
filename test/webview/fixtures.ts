/**
 * Recorded-style records for the Records panel: Debezium PostgreSQL change events shaped exactly
 * like connect-spec §6.9 (JsonConverter schemas.enable=false), ExtractNewRecordState rows (§6.10),
 * DLQ records with the __connect.errors.* context headers (§3), and bad input.
 */
import type { RawRecord } from '../../protocol/webview/record-decode';

const enc = (s: string) => new TextEncoder().encode(s);
const source = (txId: number, lsn: string, snapshot = 'false') =>
  `{"version":"3.6.1.Final","connector":"postgresql","name":"dbserver1","ts_ms":1559033904863,"snapshot":"${snapshot}","db":"inventory","sequence":"[\\"24023119\\",\\"${lsn}\\"]","ts_us":1559033904863123,"ts_ns":1559033904863123000,"schema":"public","table":"customers","txId":${txId},"lsn":${lsn},"xmin":null,"origin":null,"origin_lsn":null}`;
const envelope = (before: string, after: string, op: string, txId: number, lsn: string, snapshot?: string) =>
  `{"before":${before},"after":${after},"source":${source(txId, lsn, snapshot)},"transaction":null,"op":"${op}","ts_ms":1559033904900,"ts_us":1559033904900841,"ts_ns":1559033904900841257}`;

let offset = 0;
const rec = (
  topic: string,
  key: string | Uint8Array | null,
  value: string | Uint8Array | null,
  headers: Array<[string, string | Uint8Array | null]> = [],
): RawRecord => ({
  topic,
  partition: 0,
  offset: String(offset++),
  timestamp: String(1764115200000 + offset * 1000),
  key: typeof key === 'string' ? enc(key) : key,
  value: typeof value === 'string' ? enc(value) : value,
  headers: headers.map(([k, v]) => [k, typeof v === 'string' ? enc(v) : v]),
});

const T = 'dbserver1.public.customers';
export const cdcRecords: RawRecord[] = [
  rec(
    T,
    '{"id":1001}',
    envelope(
      'null',
      '{"id":1001,"first_name":"Sally","email":"sally@example.com"}',
      'r',
      490,
      '24023000',
      'first',
    ),
  ),
  rec(
    T,
    '{"id":1}',
    envelope('null', '{"id":1,"first_name":"Anne","email":"a@x.org"}', 'c', 555, '24023128'),
  ),
  rec(
    T,
    '{"id":1}',
    envelope(
      '{"id":1,"first_name":"Anne","email":"a@x.org"}',
      '{"id":1,"first_name":"Anne","email":"anne@new.org"}',
      'u',
      556,
      '24023240',
    ),
  ),
  rec(
    T,
    '{"id":1}',
    envelope('{"id":1,"first_name":"Anne","email":"anne@new.org"}', 'null', 'd', 557, '24023400'),
  ),
  rec(T, '{"id":1}', null),
  // JsonConverter with schemas.enable=true: the {schema, payload} envelope is unwrapped.
  rec(
    T,
    '{"schema":{"type":"struct","fields":[{"type":"int32","optional":false,"field":"id"}],"optional":false,"name":"dbserver1.public.customers.Key"},"payload":{"id":2}}',
    `{"schema":{"type":"struct","optional":false,"name":"dbserver1.public.customers.Envelope"},"payload":${envelope('null', '{"id":2,"first_name":"Bob","email":"b@x.org"}', 'c', 558, '24023500')}}`,
  ),
];

export const flatRecords: RawRecord[] = [
  rec('flat.customers', '{"id":3}', '{"id":3,"first_name":"Carl","email":"c@x.org","__deleted":"false"}', [
    ['__op', 'c'],
  ]),
  rec('flat.customers', '{"id":3}', '{"id":3,"first_name":"Carl","email":"c@x.org","__deleted":"true"}', [
    ['__op', 'd'],
  ]),
];

const dlqHeaders = (
  topic: string,
  off: number,
  exClass: string,
  message: string,
  stage = 'VALUE_CONVERTER',
): Array<[string, string]> => [
  ['__connect.errors.topic', topic],
  ['__connect.errors.partition', '0'],
  ['__connect.errors.offset', String(off)],
  ['__connect.errors.connector.name', 'jdbc-sink-orders'],
  ['__connect.errors.task.id', '0'],
  ['__connect.errors.stage', stage],
  ['__connect.errors.class.name', 'org.apache.kafka.connect.json.JsonConverter'],
  ['__connect.errors.exception.class.name', exClass],
  ['__connect.errors.exception.message', message],
  [
    '__connect.errors.exception.stacktrace',
    `${exClass}: ${message}\n\tat org.apache.kafka.connect.json.JsonConverter.toConnectData(JsonConverter.java:335)\n\tat org.apache.kafka.connect.runtime.WorkerSinkTask.convertValue(WorkerSinkTask.java:548)`,
  ],
];

export const dlqRecords: RawRecord[] = [
  rec('dlq-orders', 'order-1', 'not json {', [
    ['trace-id', 'abc'],
    ...dlqHeaders(
      'orders',
      17,
      'org.apache.kafka.connect.errors.DataException',
      'Converting byte[] to Kafka Connect data failed due to serialization error: ',
    ),
  ]),
  rec(
    'dlq-orders',
    'order-2',
    '{"id": 2, "amount": "x"}',
    dlqHeaders(
      'orders',
      18,
      'org.apache.kafka.connect.errors.DataException',
      'Converting byte[] to Kafka Connect data failed due to serialization error: ',
    ),
  ),
  rec(
    'dlq-orders',
    'order-3',
    '{"id":3}',
    dlqHeaders(
      'orders',
      19,
      'org.apache.kafka.connect.errors.ConnectException',
      'Tolerance exceeded in error handler',
      'TRANSFORMATION',
    ),
  ),
];

export const badRecords: RawRecord[] = [
  rec('bad', new Uint8Array([0xff, 0xfe, 0x00, 0x01]), new Uint8Array([0xc3, 0x28, 0x41])),
  rec('bad', 'k-html', '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>', [
    ['bin', new Uint8Array([0x80, 0x81])],
    ['nil', null],
    ['<b>h</b>', '<i>x</i>'],
  ]),
  rec('bad', 'k-invalid', '{"unterminated": '),
  rec('bad', 'k-huge', JSON.stringify({ blob: 'x'.repeat(40_000), end: 'TAIL-MARKER' })),
];
