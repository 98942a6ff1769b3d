/**
 * Elasticsearch sink, pure logic: the ConfigDef (keys, defaults, validators and their messages as
 * the real ElasticsearchSinkConnectorConfig), document ids, index / data stream names, the value
 * conversion (schema.ignore, compact.map.entries, Decimal), the bulk actions per write.method and
 * behavior.on.null.values, the NDJSON lines, the retry backoff bounds and the offset tracker.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SinkRecord } from '../../runtime/api/records';
import { parseLabArgs } from '../../runtime/lab/cli-args';
import { formatStatusTable } from '../../runtime/lab/status-table';
import { BigDecimal, Decimal, SchemaBuilder, Struct } from '../../runtime/data/index';
import type { Schema } from '../../runtime/data/index';
import {
  bulkLines,
  failureMessage,
  randomRetryWaitMs,
  retryWaitMs,
} from '../../runtime/connectors/elasticsearch/bulk-client';
import {
  convertRecord,
  dataStreamName,
  documentJson,
  indexNameForTopic,
  keyDocumentId,
} from '../../runtime/connectors/elasticsearch/data-converter';
import { buildMapping } from '../../runtime/connectors/elasticsearch/mapping';
import { OffsetTracker } from '../../runtime/connectors/elasticsearch/offset-tracker';
import { parseElasticsearchSettings } from '../../runtime/connectors/elasticsearch/settings';
import { elasticsearchSinkConfigDef } from '../../runtime/connectors/elasticsearch/sink-config';
import { ElasticsearchSinkConnector } from '../../runtime/connectors/elasticsearch/elasticsearch-sink-connector';
import { compareVersions, validateElasticsearchSink } from '../../runtime/connectors/elasticsearch/validator';

const BASE = { 'connection.url': 'http://127.0.0.1:9200', topics: 't' };
const settings = (extra: Record<string, string> = {}) => parseElasticsearchSettings({ ...BASE, ...extra });

function record(
  value: unknown,
  valueSchema: Schema | null = null,
  key: unknown = 'k1',
  keySchema: Schema | null = null,
  offset = 7,
): SinkRecord {
  return new SinkRecord(
    'Orders',
    0,
    keySchema,
    key,
    valueSchema,
    value,
    offset,
    1700000000000,
    'CREATE_TIME',
  );
}

function errorsOf(props: Record<string, string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const v of elasticsearchSinkConfigDef().validate(props))
    if (v.errorMessages.length > 0) out[v.name] = v.errorMessages;
  return out;
}

void describe('ElasticsearchSinkConnectorConfig', () => {
  void it('declares the real keys with their types, defaults, groups and order', () => {
    const keys = elasticsearchSinkConfigDef().configKeys();
    const facts = (n: string) => {
      const k = keys.get(n);
      assert.ok(k, `${n} missing`);
      return [k.type, k.defaultValue, k.group, k.orderInGroup];
    };
    assert.deepEqual(facts('connection.url').slice(0, 1), ['LIST']);
    assert.deepEqual(facts('batch.size'), ['INT', 2000, 'Connector', 11]);
    assert.deepEqual(
      [facts('linger.ms')[0], Number(facts('linger.ms')[1]), ...facts('linger.ms').slice(2)],
      ['LONG', 1, 'Connector', 15],
    );
    assert.deepEqual(facts('max.in.flight.requests'), ['INT', 5, 'Connector', 13]);
    assert.deepEqual(facts('max.retries'), ['INT', 5, 'Connector', 18]);
    assert.deepEqual(facts('connection.timeout.ms'), ['INT', 1000, 'Connector', 22]);
    assert.deepEqual(facts('read.timeout.ms'), ['INT', 3000, 'Connector', 23]);
    assert.deepEqual(facts('flush.synchronously'), ['BOOLEAN', false, 'Connector', 17]);
    assert.deepEqual(facts('key.ignore'), ['BOOLEAN', false, 'Data Conversion', 1]);
    assert.deepEqual(facts('compact.map.entries'), ['BOOLEAN', true, 'Data Conversion', 3]);
    assert.deepEqual(facts('behavior.on.null.values'), ['STRING', 'FAIL', 'Data Conversion', 7]);
    assert.deepEqual(facts('behavior.on.malformed.documents'), ['STRING', 'FAIL', 'Data Conversion', 8]);
    assert.deepEqual(facts('write.method'), ['STRING', 'INSERT', 'Data Conversion', 10]);
    assert.deepEqual(facts('data.stream.type'), ['STRING', 'NONE', 'Connector', 7]);
    assert.deepEqual(facts('data.stream.namespace'), ['STRING', '${topic}', 'Connector', 9]);
    assert.equal(keys.get('connection.password')?.type, 'PASSWORD');
    // Kafka's client SSL keys embedded under elastic.https. in group Security, numbered from the
    // key count at that point + 2 in the child's sortedConfigs() order (HIGH importance first, by name)
    assert.deepEqual(facts('elastic.https.ssl.key.password'), ['PASSWORD', null, 'Security', 41]);
    assert.deepEqual(facts('elastic.https.ssl.truststore.location'), ['STRING', null, 'Security', 47]);
    assert.deepEqual(facts('elastic.https.ssl.truststore.type').slice(0, 3), ['STRING', 'JKS', 'Security']);
    assert.deepEqual(facts('elastic.https.ssl.enabled.protocols').slice(0, 2), [
      'LIST',
      ['TLSv1.2', 'TLSv1.3'],
    ]);
    assert.deepEqual(facts('elastic.https.ssl.endpoint.identification.algorithm').slice(0, 2), [
      'STRING',
      'https',
    ]);
    assert.equal(keys.size, 41 + 19);
  });

  void it('rejects bad values with the real messages', () => {
    // as ConfigDef.validate: the missing-value message, then the UrlListValidator's on the null value
    assert.deepEqual(errorsOf({})['connection.url'], [
      'Missing required configuration "connection.url" which has no default value.',
      'Invalid value null for configuration connection.url: The config must be provided and non-null.',
    ]);
    assert.deepEqual(errorsOf({ ...BASE, 'write.method': 'merge' })['write.method'], [
      'Invalid value merge for configuration write.method: Value must be one of: [insert, upsert]',
    ]);
    assert.deepEqual(errorsOf({ ...BASE, 'behavior.on.null.values': 'drop' })['behavior.on.null.values'], [
      'Invalid value drop for configuration behavior.on.null.values: Value must be one of: [ignore, delete, fail]',
    ]);
    assert.deepEqual(errorsOf({ ...BASE, 'batch.size': '0' })['batch.size'], [
      'Invalid value 0 for configuration batch.size: Value must be at least 1',
    ]);
    assert.deepEqual(errorsOf({ ...BASE, 'data.stream.dataset': 'My-Set' })['data.stream.dataset'], [
      'Invalid value My-Set for configuration data.stream.dataset: The specified dataset must be in all lowercase.',
    ]);
    assert.deepEqual(errorsOf({ ...BASE, 'connection.url': 'http://a b:9200' })['connection.url'], [
      "Invalid value [http://a b:9200] for configuration connection.url: The provided url 'http://a b:9200' is not a valid url.",
    ]);
    // enum values are case-insensitive, as EnumRecommender lower-cases them
    assert.deepEqual(
      errorsOf({ ...BASE, 'write.method': 'UPSERT', 'behavior.on.malformed.documents': 'Warn' }),
      {},
    );
  });

  void it('the connector refuses to start on a configuration error; tasks carry their taskId', () => {
    const c = new ElasticsearchSinkConnector();
    assert.throws(
      () => c.start({ topics: 't' }),
      /Couldn't start ElasticsearchSinkConnector due to configuration error/,
    );
    c.start({ ...BASE, 'tasks.max': '2' });
    assert.deepEqual(
      c.taskConfigs(2).map((t) => t.taskId),
      ['0', '1'],
    );
  });

  void it('several URLs, URLs without protocol, per-topic key/schema overrides', () => {
    const s = settings({
      'connection.url': 'http://a:9200,b:9201',
      'topic.key.ignore': 'logs',
      'topic.schema.ignore': 'raw',
    });
    assert.deepEqual(s.connectionUrls, ['http://a:9200', 'http://b:9201']);
    assert.equal(s.shouldIgnoreKey('logs'), true);
    assert.equal(s.shouldIgnoreKey('orders'), false);
    assert.equal(s.shouldIgnoreSchema('raw'), true);
  });
});

void describe('document ids and resource names (DataConverter, ElasticsearchSinkTask)', () => {
  void it('key.ignore=true: topic+partition+offset; else the key as text', () => {
    const a = convertRecord(settings({ 'key.ignore': 'true', 'schema.ignore': 'true' }), record({ x: 1 }));
    assert.equal(a?.id, 'Orders+0+7');
    assert.equal(a?.version, undefined);
    const b = convertRecord(settings({ 'schema.ignore': 'true' }), record({ x: 1 }, null, 42n));
    assert.equal(b?.id, '42');
    assert.equal(b?.version, 7n, 'external version = the Kafka offset');
  });

  void it('keys that cannot be ids fail with the real messages', () => {
    assert.throws(
      () => keyDocumentId(null, null),
      /^org\.apache\.kafka\.connect\.errors\.DataException: Key is used as document id and can not be null\.$/,
    );
    assert.throws(() => keyDocumentId(SchemaBuilder.string().build(), ''), /can not be empty\./);
    assert.throws(
      () => keyDocumentId(SchemaBuilder.float64().build(), 1.5),
      /FLOAT64 is not supported as the document id\./,
    );
    const s = SchemaBuilder.struct().field('id', SchemaBuilder.int32().build()).build();
    assert.throws(
      () => keyDocumentId(s, new Struct(s).put('id', 1)),
      /STRUCT is not supported as the document id\./,
    );
    assert.equal(keyDocumentId(SchemaBuilder.int32().build(), 5), '5');
  });

  void it('index names and data stream names', () => {
    assert.equal(indexNameForTopic('Orders'), 'orders');
    assert.equal(indexNameForTopic('_private'), 'private');
    assert.equal(indexNameForTopic('..'), 'dotdot');
    assert.equal(indexNameForTopic('x'.repeat(300)).length, 255);
    const s = settings({ 'data.stream.type': 'logs', 'data.stream.dataset': 'shop' });
    assert.equal(s.isDataStream, true);
    assert.equal(dataStreamName(s, 'orders'), 'logs-shop-orders');
    const a = convertRecord({ ...s, shouldIgnoreSchema: () => true }, record({ x: 1 }));
    assert.equal(a?.op, 'create');
    assert.equal(a?.index, 'logs-shop-orders', 'the topic lower-cased in the namespace');
    assert.equal(a?.version, undefined, 'no external versioning on data streams');
    assert.deepEqual(JSON.parse(a?.body ?? ''), { x: 1, '@timestamp': 1700000000000 });
    const ns = settings({
      'data.stream.type': 'METRICS',
      'data.stream.dataset': 'shop',
      'data.stream.namespace': 'a${topic}b${topic}',
    });
    assert.equal(dataStreamName(ns, 'Orders'), 'metrics-shop-aordersborders', 'every ${topic} replaced');
    assert.equal(dataStreamName(ns, 'x'.repeat(120)), `metrics-shop-a${'x'.repeat(99)}`, 'namespace ≤ 100');
  });

  void it('data streams: @timestamp from data.stream.timestamp.field (first present, as text) or the record timestamp', () => {
    const ds = { 'data.stream.type': 'logs', 'data.stream.dataset': 'shop', 'schema.ignore': 'true' };
    const body = (extra: Record<string, string>, value: unknown): unknown =>
      JSON.parse(convertRecord(settings({ ...ds, ...extra }), record(value))?.body ?? '');
    const fields = { 'data.stream.timestamp.field': 'missing,created,at' };
    assert.deepEqual(body(fields, { created: 1700000000001, at: 'x' }), {
      created: 1700000000001,
      at: 'x',
      '@timestamp': '1700000000001',
    });
    assert.deepEqual(body(fields, { at: '2026-11-26T08:00:00Z' }), {
      at: '2026-11-26T08:00:00Z',
      '@timestamp': '2026-11-26T08:00:00Z',
    });
    assert.deepEqual(body(fields, { at: { nested: 1 } }), { at: { nested: 1 }, '@timestamp': '' });
    assert.deepEqual(body(fields, { other: 1 }), { other: 1 }, 'no listed field: no @timestamp');
    assert.deepEqual(
      body({}, { '@timestamp': 'old', y: 2 }),
      { '@timestamp': 1700000000000, y: 2 },
      'an existing @timestamp is replaced in place by the record timestamp',
    );
    assert.throws(
      () => convertRecord(settings(ds), record([1, 2])),
      /Top level payload contains data of Json type ARRAY\. Required Json object\./,
    );
  });
});

void describe('conversion and bulk actions', () => {
  const price = Decimal.schema(2);
  const valueSchema = SchemaBuilder.struct()
    .name('product')
    .field('name', SchemaBuilder.string().build())
    .field('price', price)
    .field('tags', SchemaBuilder.map(SchemaBuilder.string().build(), SchemaBuilder.int32().build()).build())
    .build();
  const value = new Struct(valueSchema)
    .put('name', 'Laptop')
    .put('price', new BigDecimal(99999n, 2))
    .put('tags', new Map([['a', 1]]));

  void it('with schema: Decimal → double, string-key maps compact; compact.map.entries=false → key/value entries', () => {
    assert.equal(
      documentJson(settings(), record(value, valueSchema)),
      '{"name":"Laptop","price":999.99,"tags":{"a":1}}',
    );
    assert.equal(
      documentJson(settings({ 'compact.map.entries': 'false' }), record(value, valueSchema)),
      '{"name":"Laptop","price":999.99,"tags":[{"key":"a","value":1}]}',
    );
  });

  void it('schema.ignore=true: the value as JsonConverter(schemas.enable=false) writes it', () => {
    assert.equal(
      documentJson(settings({ 'schema.ignore': 'true' }), record(value, valueSchema)),
      '{"name":"Laptop","price":"AYaf","tags":{"a":1}}',
    );
  });

  void it('write.method=upsert → update with doc and upsert; insert → index', () => {
    const s = settings({ 'schema.ignore': 'true', 'write.method': 'upsert', 'max.in.flight.requests': '3' });
    const a = convertRecord(s, record({ n: 1 }));
    assert.deepEqual(
      { ...a, body: JSON.parse(a?.body ?? '') as unknown },
      {
        op: 'update',
        index: 'orders',
        id: 'k1',
        body: { doc: { n: 1 }, upsert: { n: 1 } },
        retryOnConflict: 3,
      },
    );
    assert.equal(
      bulkLines(a ?? { op: 'index', index: '' }),
      '{"update":{"_index":"orders","_id":"k1","retry_on_conflict":3}}\n{"doc":{"n":1},"upsert":{"n":1}}\n',
    );
    const i = convertRecord(settings({ 'schema.ignore': 'true' }), record({ n: 1 }, null, 'k1', null, 12));
    assert.equal(
      bulkLines(i ?? { op: 'index', index: '' }),
      '{"index":{"_index":"orders","_id":"k1","version":12,"version_type":"external"}}\n{"n":1}\n',
    );
  });

  void it('null values per behavior.on.null.values', () => {
    assert.throws(
      () => convertRecord(settings(), record(null)),
      /Record\(topic=Orders, partition=0, offset=7\) has a null value \(to ignore future records like this change the configuration property 'behavior.on.null.values' from 'FAIL' to 'IGNORE'\)/,
    );
    assert.equal(convertRecord(settings({ 'behavior.on.null.values': 'ignore' }), record(null)), null);
    const d = convertRecord(settings({ 'behavior.on.null.values': 'delete' }), record(null));
    assert.equal(
      bulkLines(d ?? { op: 'index', index: '' }),
      '{"delete":{"_index":"orders","_id":"k1","version":7,"version_type":"external"}}\n',
    );
    assert.equal(
      convertRecord(settings({ 'behavior.on.null.values': 'delete' }), record(null, null, null)),
      null,
    );
  });

  void it('the mapping of a value schema (Mapping.buildMapping)', () => {
    assert.deepEqual(buildMapping(valueSchema), {
      properties: {
        name: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
        price: { type: 'double' },
        tags: {
          properties: {
            key: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
            value: { type: 'integer' },
          },
        },
      },
    });
    assert.throws(() => buildMapping(null), /Cannot infer mapping without schema\./);
  });

  void it('bulk failures read as BulkItemResponse.getFailureMessage()', () => {
    assert.equal(
      failureMessage({ type: 'mapper_parsing_exception', reason: 'failed to parse field [n]' }),
      'ElasticsearchException[Elasticsearch exception [type=mapper_parsing_exception, reason=failed to parse field [n]]]',
    );
  });
});

void describe('retries and offsets', () => {
  void it('backoff: exponential bound retry.backoff.ms << attempt, jitter in [0, bound), 24 h cap', () => {
    assert.equal(retryWaitMs(0, 100), 100);
    assert.equal(retryWaitMs(1, 100), 200);
    assert.equal(retryWaitMs(5, 100), 3200);
    assert.equal(retryWaitMs(40, 100), 86400000);
    assert.equal(
      randomRetryWaitMs(3, 100, () => 0),
      0,
    );
    assert.equal(
      randomRetryWaitMs(3, 100, () => 0.999999),
      799,
    );
    assert.equal(randomRetryWaitMs(-1, 100), 100);
  });

  void it('the offset tracker commits only the processed prefix of each partition', () => {
    const t = new OffsetTracker();
    const a = t.addPending('t', 0, 10);
    const b = t.addPending('t', 0, 11);
    const c = t.addPending('t', 1, 5);
    assert.deepEqual([...t.offsets().values()], []);
    b.processed = true;
    c.processed = true;
    assert.deepEqual(
      [...t.offsets().values()].map((e) => [e.tp.partition, e.offset]),
      [[1, 6n]],
    );
    a.processed = true;
    assert.deepEqual(
      [...t.offsets().values()].map((e) => [e.tp.partition, e.offset]),
      [
        [0, 12n],
        [1, 6n],
      ],
    );
  });
});

void describe('lab: the search engine service', () => {
  void it('up --search asks for it; logs accept search; status shows its row', () => {
    assert.deepEqual(parseLabArgs(['up', '--provider', 'local', '--search']), {
      command: 'up',
      provider: 'local',
      detach: false,
      connect: true,
      search: true,
      json: false,
    });
    assert.deepEqual(parseLabArgs(['logs', 'search']), { command: 'logs', service: 'search' });
    const table = formatStatusTable({
      kafka: { bootstrapServers: '127.0.0.1:1', state: 'running' },
      postgres: { url: null, state: 'running' },
      connect: { url: null, state: 'stopped' },
      search: { url: 'http://127.0.0.1:2', state: 'running' },
    });
    assert.match(table.split('\n').at(-1) ?? '', /^search\s+running\s+http:\/\/127\.0\.0\.1:2$/);
  });
});

void describe('Validator: combination rules (reported before any connection is tried)', () => {
  const errors = async (extra: Record<string, string>): Promise<Record<string, string[]>> => {
    const out: Record<string, string[]> = {};
    for (const v of await validateElasticsearchSink({ ...BASE, ...extra }))
      if (v.errorMessages.length > 0) out[v.name] = v.errorMessages;
    return out;
  };
  void it('credentials, data streams, ignore lists, linger, buffer, proxy, kerberos, SSL: real messages on the real keys', async () => {
    const both = "Both 'connection.username' and 'connection.password' must be set.";
    assert.deepEqual(await errors({ 'connection.username': 'u' }), {
      'connection.username': [both],
      'connection.password': [both],
    });
    const ds = "Either both or neither 'data.stream.dataset' and 'data.stream.type' must be set.";
    assert.deepEqual(await errors({ 'data.stream.type': 'logs' }), {
      'data.stream.type': [ds],
      'data.stream.dataset': [ds],
    });
    assert.deepEqual(await errors({ 'data.stream.timestamp.field': 'ts' }), {
      'data.stream.timestamp.field': [
        "Mapping a field to the '@timestamp' field is only necessary when working with data streams. 'data.stream.timestamp.field' must not be set when not using data streams.",
      ],
    });
    const stream = { 'data.stream.type': 'logs', 'data.stream.dataset': 'shop' };
    assert.deepEqual(await errors({ ...stream, 'write.method': 'upsert' }), {
      'write.method': [
        'Upserts are not supported with data streams. write.method must not be UPSERT when using data streams.',
      ],
    });
    assert.deepEqual(await errors({ ...stream, 'behavior.on.null.values': 'delete' }), {
      'behavior.on.null.values': [
        'Deletes are not supported with data streams. behavior.on.null.values must not be DELETE when using data streams.',
      ],
    });
    const keys = "'topic.key.ignore' can not be set if 'key.ignore' is true.";
    assert.deepEqual(await errors({ 'key.ignore': 'true', 'topic.key.ignore': 't' }), {
      'key.ignore': [keys],
      'topic.key.ignore': [keys],
    });
    const linger = "'linger.ms' (5000) can not be larger than 'flush.timeout.ms' (1000).";
    assert.deepEqual(await errors({ 'linger.ms': '5000', 'flush.timeout.ms': '1000' }), {
      'linger.ms': [linger],
      'flush.timeout.ms': [linger],
    });
    const buf =
      "'max.buffered.records' (100) must be larger than or equal to 'batch.size' (2000) x max.in.flight.requests (5).";
    assert.deepEqual(await errors({ 'max.buffered.records': '100' }), {
      'max.buffered.records': [buf],
      'batch.size': [buf],
      'max.in.flight.requests': [buf],
    });
    const proxy = "'proxy.host' must be set to use 'proxy.username'.";
    assert.deepEqual(await errors({ 'proxy.username': 'p' }), {
      'proxy.username': [proxy],
      'proxy.host': [proxy],
    });
    assert.deepEqual(await errors({ 'elastic.https.ssl.truststore.type': 'PKCS12' }), {
      'elastic.security.protocol': ["'elastic.security.protocol' must be set to 'SSL' to use SSL configs."],
    });
    assert.deepEqual(await errors({ 'elastic.security.protocol': 'SSL' }), {
      'elastic.security.protocol': [
        "At least these SSL configs ('elastic.https.ssl.keystore.location', 'elastic.https.ssl.keystore.password', 'elastic.https.ssl.truststore.location', and 'elastic.https.ssl.truststore.password') must be present for SSL support. Otherwise set 'elastic.security.protocol' to 'PLAINTEXT'.",
      ],
    });
    const together =
      'Invalid configuration: external.resource.usage and topic.to.external.resource.mapping must be configured together. Either both must be set, or both must be empty.';
    assert.deepEqual(await errors({ 'external.resource.usage': 'INDEX' }), {
      'external.resource.usage': [together],
      'topic.to.external.resource.mapping': [together],
    });
    assert.deepEqual(
      await errors({ 'external.resource.usage': 'INDEX', 'topic.to.external.resource.mapping': 'other:idx' }),
      {
        'topic.to.external.resource.mapping': [
          "Topic 't' is not mapped to any resource. All configured topics must be mapped to a resource.",
        ],
      },
    );
  });
  void it('field errors alone when a value is invalid (no combination checks, no connection)', async () => {
    assert.deepEqual(await errors({ 'batch.size': '0', 'connection.username': 'u' }), {
      'batch.size': ['Invalid value 0 for configuration batch.size: Value must be at least 1'],
    });
  });
  void it('compareVersions as the real Validator', () => {
    assert.ok(compareVersions('7.9.0', '7.9.0') === 0);
    assert.ok(compareVersions('7.10.2', '7.9.0') > 0);
    assert.ok(compareVersions('6.8.23', '7.0.0') < 0);
    assert.ok(compareVersions('8.0.0-rc1', '7.9.0') > 0);
  });
});
