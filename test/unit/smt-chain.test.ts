import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SinkRecord, SourceRecord } from '../../runtime/api/records';
import { ConnectException, DataException } from '../../runtime/data/errors';
import { ProcessingContext } from '../../runtime/errors/tolerance/processing-context';
import { RetryWithToleranceOperator } from '../../runtime/errors/tolerance/retry-with-tolerance-operator';
import {
  SMT_PLUGINS,
  buildTransformationChain,
  computeAliases,
  findSmtPlugin,
} from '../../runtime/transforms';

const T = 'org.apache.kafka.connect.transforms';

function record(topic: string, value: unknown): SinkRecord {
  return new SinkRecord(topic, 0, null, null, null, value, 10, 1700000000000, 'CREATE_TIME');
}

void describe('TransformationChain', () => {
  void it('builds the lesson chain from a connector config and applies it in order', () => {
    const chain = buildTransformationChain<SinkRecord>({
      transforms: 'addTimestamp, maskSSN,route',
      'transforms.addTimestamp.type': `${T}.InsertField$Value`,
      'transforms.addTimestamp.timestamp.field': 'ingested_at',
      'transforms.maskSSN.type': `${T}.MaskField$Value`,
      'transforms.maskSSN.fields': 'ssn',
      'transforms.route.type': 'RegexRouter',
      'transforms.route.regex': '(.*)',
      'transforms.route.replacement': 'prod-$1',
    });
    const out = chain.apply(
      record(
        'orders',
        new Map<string, unknown>([
          ['ssn', '123'],
          ['id', 1n],
        ]),
      ),
    );
    assert.ok(out);
    assert.equal(out.topic, 'prod-orders');
    assert.deepEqual(
      out.value,
      new Map<string, unknown>([
        ['ssn', ''],
        ['id', 1n],
        ['ingested_at', 1700000000000n],
      ]),
    );
    assert.equal(out.originalTopic, 'orders', 'the consumed coordinates survive routing');
    assert.match(chain.toString(), /InsertField\$Value, .*MaskField\$Value, .*RegexRouter/);
    chain.close();
  });

  void it('applies a stage only when negate XOR predicate(record)', () => {
    const config = (negate: string) => ({
      transforms: 'drop',
      'transforms.drop.type': `${T}.Filter`,
      'transforms.drop.predicate': 'isTombstone',
      'transforms.drop.negate': negate,
      predicates: 'isTombstone',
      'predicates.isTombstone.type': 'RecordIsTombstone',
    });
    const plain = buildTransformationChain<SinkRecord>(config('false'));
    assert.equal(plain.apply(record('t', null)), null);
    assert.ok(plain.apply(record('t', 'live')));
    const negated = buildTransformationChain<SinkRecord>(config('TRUE'));
    assert.ok(negated.apply(record('t', null)));
    assert.equal(negated.apply(record('t', 'live')), null);
  });

  void it('wraps configure() failures and unknown types in ConnectException like Connect', () => {
    assert.throws(
      () => buildTransformationChain({ transforms: 'a', 'transforms.a.type': `${T}.MaskField$Value` }),
      (e: unknown) =>
        e instanceof ConnectException &&
        e.message ===
          'org.apache.kafka.common.config.ConfigException: Missing required configuration "fields" which has no default value.',
    );
    assert.throws(
      () => buildTransformationChain({ transforms: 'a', 'transforms.a.type': 'com.nope.X' }),
      /Class com.nope.X could not be found/,
    );
  });

  void it('runs each stage under the operator: tolerated failures return null and mark the context', () => {
    const operator = new RetryWithToleranceOperator<SinkRecord>({
      retryTimeoutMs: 0,
      maxDelayMs: 60000,
      tolerance: 'ALL',
    });
    const chain = buildTransformationChain<SinkRecord>(
      { transforms: 'm', 'transforms.m.type': `${T}.MaskField$Value`, 'transforms.m.fields': 'x' },
      operator,
    );
    const rec = record('t', null);
    const ctx = new ProcessingContext(rec);
    assert.equal(chain.apply(rec, ctx), null);
    assert.ok(ctx.failed());
    assert.equal(ctx.stage, 'TRANSFORMATION');
    assert.equal(ctx.executingClass, `${T}.MaskField$Value`);
    assert.ok(ctx.error instanceof DataException);
    assert.equal(operator.metrics.recordsSkipped, 1);

    const strict = buildTransformationChain<SinkRecord>(
      { transforms: 'm', 'transforms.m.type': `${T}.MaskField$Value`, 'transforms.m.fields': 'x' },
      new RetryWithToleranceOperator({ retryTimeoutMs: 0, maxDelayMs: 60000, tolerance: 'NONE' }),
    );
    assert.throws(
      () => strict.apply(rec, new ProcessingContext(rec)),
      (e: unknown) =>
        e instanceof ConnectException &&
        e.message === 'Tolerance exceeded in error handler' &&
        e.cause instanceof DataException,
    );
  });

  void it('works for source records too (InsertField offset needs a SinkRecord)', () => {
    const chain = buildTransformationChain<SourceRecord>({
      transforms: 'o',
      'transforms.o.type': `${T}.InsertField$Value`,
      'transforms.o.offset.field': 'off',
    });
    const src = new SourceRecord(null, null, 't', null, null, null, null, new Map(), 5);
    assert.throws(
      () => chain.apply(src),
      /Only SinkRecord supported for \[field insertion\], found: org.apache.kafka.connect.source.SourceRecord/,
    );
  });
});

void describe('plugin list and aliases', () => {
  void it('lists every SMT with Key/Value variants and Connect aliases', () => {
    assert.equal(SMT_PLUGINS.size, 29);
    assert.equal(SMT_PLUGINS.get(`${T}.InsertField$Value`)?.type, 'transformation');
    assert.deepEqual(SMT_PLUGINS.get(`${T}.RegexRouter`)?.aliases, ['RegexRouter']);
    assert.deepEqual(
      SMT_PLUGINS.get(`${T}.InsertField$Value`)?.aliases,
      [],
      'Key/Value simple names collide',
    );
    assert.equal(
      findSmtPlugin('TopicNameMatches', 'predicate')?.className,
      `${T}.predicates.TopicNameMatches`,
    );
    assert.equal(findSmtPlugin('TopicNameMatches', 'transformation'), undefined);
    assert.equal(findSmtPlugin('Value', 'transformation'), undefined);
    const aliases = computeAliases([
      { className: 'a.FooTransformation', type: 'transformation' },
      { className: 'b.Foo', type: 'transformation' },
    ]);
    assert.deepEqual(
      [...aliases.keys()].sort(),
      ['FooTransformation'],
      'ambiguous pruned alias Foo is dropped',
    );
  });
});
