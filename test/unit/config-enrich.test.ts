/**
 * enrich() (transforms/predicates per alias), embed() and sortedConfigs(), topic creation groups,
 * AbstractConfig prefixes and validatorFacts (what schema generation reads from a ConfigDef).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AbstractConfig,
  ConfigDef,
  ConfigException,
  NonEmptyString,
  Range,
  ValidString,
  embedDefaultGroup,
  enrich,
  enrichTopicCreationGroups,
  sinkConnectorConfigDef,
  sourceConnectorConfigDef,
  validatorFacts,
} from '../../runtime/config';
import type { PluginDescription } from '../../runtime/config';

const seen: string[] = [];
const routerDef = new ConfigDef()
  .define({ name: 'replacement', type: 'STRING', importance: 'HIGH', documentation: 'Replacement string.' })
  .define({
    name: 'regex',
    type: 'STRING',
    importance: 'HIGH',
    documentation: 'Regular expression to use for matching.',
    validator: {
      ensureValid: (name: string, value: unknown) => {
        seen.push(name);
        if (value === 'bad') throw new ConfigException(name, value, 'nope');
      },
      toString: () => 'valid regex',
    },
  })
  .define({
    name: 'negate',
    type: 'INT',
    defaultValue: 1,
    importance: 'LOW',
    documentation: 'masked by the implicit key',
  });

const lookup = (cls: string): PluginDescription | undefined =>
  cls === 'x.Router'
    ? { className: cls, type: 'transformation', configDef: routerDef, version: '9.9' }
    : cls === 'x.Pred'
      ? { className: cls, type: 'predicate', configDef: new ConfigDef(), version: '1.0' }
      : undefined;

void test('enrich: per-alias type/version keys, embedded plugin keys sorted like Java, implicit keys mask the plugin', () => {
  const props = {
    transforms: 'r',
    'transforms.r.type': 'x.Router',
    'transforms.r.regex': 'bad',
    predicates: 'p',
  };
  const def = enrich(sinkConnectorConfigDef(), props, lookup);
  const added = [...def.configKeys().values()].filter(
    (k) => k.name.startsWith('transforms.') || k.name.startsWith('predicates.'),
  );
  assert.deepEqual(
    added.map((k) => [
      k.name,
      k.type,
      k.orderInGroup,
      k.group,
      k.displayName,
      k.hasDefault() ? k.defaultValue : 'REQUIRED',
    ]),
    [
      ['transforms.r.type', 'CLASS', 0, 'Transforms: r', 'Transformation type for r', 'REQUIRED'],
      ['transforms.r.plugin.version', 'STRING', 1, 'Transforms: r', 'Transformation version for r', '9.9'],
      // sortedConfigs: required first (then importance, then name), then defaults by importance/name.
      ['transforms.r.regex', 'STRING', 2, 'Transforms: r', 'regex', 'REQUIRED'],
      ['transforms.r.replacement', 'STRING', 3, 'Transforms: r', 'replacement', 'REQUIRED'],
      ['transforms.r.negate', 'BOOLEAN', 4, 'Transforms: r', 'negate', false],
      ['transforms.r.predicate', 'STRING', 5, 'Transforms: r', 'predicate', null],
      ['predicates.p.type', 'CLASS', 0, 'Predicates: p', 'Predicate type for p', 'REQUIRED'],
      ['predicates.p.plugin.version', 'STRING', 1, 'Predicates: p', 'Predicate version for p', null],
    ],
  );
  assert.equal(def.configKeys().get('transforms.r.type')?.documentation, "Class for the 'r' transformation.");
  const values = def.validateAll(props, { classExists: (c) => lookup(c) !== undefined });
  // Embedded validators see the unprefixed name.
  assert.ok(seen.includes('regex'));
  assert.deepEqual(values.get('transforms.r.regex')?.errorMessages, [
    'Invalid value bad for configuration regex: nope',
  ]);
  assert.deepEqual(values.get('predicates.p.type')?.errorMessages, [
    'Missing required configuration "predicates.p.type" which has no default value.',
  ]);
});

void test('enrich: unknown class, wrong kind, negate without predicate', () => {
  const props = {
    transforms: 'u,w,n',
    'transforms.u.type': 'no.Such',
    'transforms.w.type': 'x.Pred',
    'transforms.n.type': 'x.Router',
    'transforms.n.negate': 'true',
  };
  const def = enrich(sinkConnectorConfigDef(), props, lookup);
  const v = def.validateAll(props, { classExists: (c) => lookup(c) !== undefined });
  assert.deepEqual(v.get('transforms.u.type')?.errorMessages, [
    'Invalid value no.Such for configuration transforms.u.type: Class no.Such could not be found.',
  ]);
  assert.deepEqual(v.get('transforms.w.type')?.errorMessages, [
    'Class class x.Pred does not implement the Transformation interface',
  ]);
  assert.deepEqual(v.get('transforms.n.type')?.errorMessages, [
    "Config 'transforms.n.negate' was provided but there is no config 'transforms.n.predicate' defining a predicate to be negated.",
  ]);
  // No embedded keys for a class that is not a transformation.
  assert.equal(def.configKeys().has('transforms.w.negate'), false);
  assert.equal(def.configKeys().has('transforms.n.regex'), true);
});

void test('topic creation: default group keys and per-group keys (not part of the validate listing)', () => {
  const withDefault = embedDefaultGroup(sourceConnectorConfigDef());
  const rf = withDefault.configKeys().get('topic.creation.default.replication.factor');
  assert.equal(rf?.hasDefault(), false);
  assert.equal(rf?.group, 'default: default');
  const props = {
    'topic.creation.groups': 'default, g1',
    'topic.creation.default.replication.factor': '1',
    'topic.creation.default.partitions': '3',
  };
  const def = enrichTopicCreationGroups(withDefault, props, 1, 3);
  assert.deepEqual(
    def.names().filter((n) => n.startsWith('topic.creation.g1.')),
    [
      'topic.creation.g1.include',
      'topic.creation.g1.exclude',
      'topic.creation.g1.replication.factor',
      'topic.creation.g1.partitions',
    ],
  );
  const v = def.validateAll({ ...props, 'topic.creation.g1.partitions': '0' });
  assert.deepEqual(v.get('topic.creation.g1.partitions')?.errorMessages, [
    "Invalid value 0 for configuration partitions: Number of partitions must be positive, or -1 to use the broker's default",
  ]);
  assert.equal(
    new AbstractConfig(def, { ...props, name: 'n', 'connector.class': 'C' }).getShort(
      'topic.creation.g1.replication.factor',
    ),
    1,
  );
});

void test('AbstractConfig.originalsWithPrefix strips the prefix, as Connect passes transform configs', () => {
  const cfg = new AbstractConfig(new ConfigDef(), {
    'transforms.a.type': 'T',
    'transforms.a.x': '1',
    'transforms.ab.y': '2',
  });
  assert.deepEqual(cfg.originalsWithPrefix('transforms.a.'), { type: 'T', x: '1' });
});

void test('validatorFacts exposes enums, bounds and docs for schema generation', () => {
  const src = sourceConnectorConfigDef();
  assert.deepEqual(validatorFacts(src.configKeys().get('exactly.once.support')?.validator), {
    descriptions: ['(case insensitive) [REQUIRED, REQUESTED]'],
    enum: ['requested', 'required'],
    caseInsensitive: true,
  });
  assert.deepEqual(validatorFacts(src.configKeys().get('errors.tolerance')?.validator), {
    descriptions: ['[none, all]'],
    enum: ['none', 'all'],
  });
  assert.deepEqual(validatorFacts(src.configKeys().get('tasks.max')?.validator), {
    descriptions: ['[1,...]'],
    minimum: 1,
  });
  assert.deepEqual(validatorFacts(Range.between(1, 5)), {
    descriptions: ['[1,...,5]'],
    minimum: 1,
    maximum: 5,
  });
  assert.deepEqual(validatorFacts(new NonEmptyString()), {
    descriptions: ['non-empty string'],
    nonEmpty: true,
  });
  assert.deepEqual(validatorFacts(ValidString.in('a')).enum, ['a']);
  assert.deepEqual(validatorFacts(null), { descriptions: [] });
});
