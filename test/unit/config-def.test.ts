/**
 * ConfigDef semantics and texts (Kafka 4.4): parsing, validators, validate() with dependents and
 * recommenders, REST serialization, framework key orders, GET .../config listing, the 400 text.
 * Expected strings were read from the real Connect 4.4.0 worker or the Kafka sources.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AbstractConfig,
  CaseInsensitiveValidString,
  CompositeValidator,
  ConfigDef,
  ConfigException,
  JavaClass,
  LambdaValidator,
  NonEmptyStringWithoutControlChars,
  Password,
  Range,
  ValidList,
  ValidString,
  connectorPluginConfig,
  invalidConnectorConfigMessage,
  javaHashOrder,
  sinkConnectorConfigDef,
  sourceConnectorConfigDef,
  toConfigKeyInfo,
  toConfigValueInfo,
} from '../../runtime/config';
import type { ConfigInfos } from '../../runtime/config';

function parseError(type: Parameters<typeof ConfigDef.parseType>[2], value: unknown): string {
  try {
    ConfigDef.parseType('k', value, type);
  } catch (e) {
    assert.ok(e instanceof ConfigException);
    return e.message;
  }
  assert.fail('expected a ConfigException');
}

void test('parseType converts like Java ConfigDef (trim, case-insensitive booleans, LIST split)', () => {
  assert.equal(ConfigDef.parseType('k', ' TRUE ', 'BOOLEAN'), true);
  assert.equal(ConfigDef.parseType('k', 'False', 'BOOLEAN'), false);
  assert.equal(ConfigDef.parseType('k', ' 2 ', 'INT'), 2);
  assert.equal(ConfigDef.parseType('k', '+7', 'SHORT'), 7);
  assert.equal(ConfigDef.parseType('k', '-9223372036854775808', 'LONG'), -9223372036854775808n);
  assert.equal(ConfigDef.parseType('k', 5, 'LONG'), 5n);
  assert.equal(ConfigDef.parseType('k', '1e3', 'DOUBLE'), 1000);
  assert.equal(ConfigDef.parseType('k', '  x  ', 'STRING'), 'x');
  assert.deepEqual(ConfigDef.parseType('k', ' a , b ,, c ', 'LIST'), ['a', 'b', '', 'c']);
  assert.deepEqual(ConfigDef.parseType('k', '   ', 'LIST'), []);
  assert.equal(ConfigDef.parseType('k', null, 'INT'), null);
  assert.ok(ConfigDef.parseType('k', ' s3cr3t ', 'PASSWORD') instanceof Password);
  assert.equal((ConfigDef.parseType('k', ' s3cr3t ', 'PASSWORD') as Password).value(), 's3cr3t');
  assert.deepEqual(ConfigDef.parseType('k', 'a.B', 'CLASS'), new JavaClass('a.B'));
});

void test("parseType error messages are Connect's", () => {
  assert.equal(parseError('INT', 'abc'), 'Invalid value abc for configuration k: Not a number of type INT');
  assert.equal(parseError('INT', '2.0'), 'Invalid value 2.0 for configuration k: Not a number of type INT');
  assert.equal(
    parseError('INT', '2147483648'),
    'Invalid value 2147483648 for configuration k: Not a number of type INT',
  );
  assert.equal(
    parseError('SHORT', '40000'),
    'Invalid value 40000 for configuration k: Not a number of type SHORT',
  );
  assert.equal(parseError('LONG', '1.5'), 'Invalid value 1.5 for configuration k: Not a number of type LONG');
  assert.equal(
    parseError('DOUBLE', 'abc'),
    'Invalid value abc for configuration k: Not a number of type DOUBLE',
  );
  assert.equal(
    parseError('BOOLEAN', 'yes'),
    'Invalid value yes for configuration k: Expected value to be either true or false',
  );
  assert.equal(
    parseError('STRING', 5),
    'Invalid value 5 for configuration k: Expected value to be a string, but it was a java.lang.Integer',
  );
  assert.equal(
    parseError('INT', true),
    'Invalid value true for configuration k: Expected value to be a 32-bit integer, but it was a java.lang.Boolean',
  );
  assert.equal(
    parseError('LIST', 3),
    'Invalid value 3 for configuration k: Expected a comma separated list.',
  );
  assert.throws(() => ConfigDef.parseType('k', 'no.such.Cls', 'CLASS', { classExists: () => false }), {
    message: 'Invalid value no.such.Cls for configuration k: Class no.such.Cls could not be found.',
  });
});

void test('parse(): missing required key, defaults, validators, define twice', () => {
  const def = new ConfigDef()
    .define({ name: 'name', type: 'STRING', importance: 'HIGH', documentation: 'd' })
    .define({
      name: 'tasks.max',
      type: 'INT',
      defaultValue: 1,
      validator: Range.atLeast(1),
      importance: 'HIGH',
      documentation: 'd',
    });
  assert.throws(() => def.parse({}), {
    message: 'Missing required configuration "name" which has no default value.',
  });
  assert.deepEqual(
    [...def.parse({ name: 'n' })],
    [
      ['name', 'n'],
      ['tasks.max', 1],
    ],
  );
  assert.throws(() => def.parse({ name: 'n', 'tasks.max': '0' }), {
    message: 'Invalid value 0 for configuration tasks.max: Value must be at least 1',
  });
  assert.throws(() => def.define({ name: 'name', type: 'STRING', importance: 'LOW', documentation: null }), {
    message: 'Configuration name is defined twice.',
  });
  // Defaults are validated at definition time, like Java's ConfigKey.
  assert.throws(() =>
    new ConfigDef().define({
      name: 'x',
      type: 'INT',
      defaultValue: 0,
      validator: Range.atLeast(1),
      importance: 'LOW',
      documentation: null,
    }),
  );
});

void test('AbstractConfig: typed getters, LONG as bigint, frozen', () => {
  const cfg = new AbstractConfig(sinkConnectorConfigDef(), {
    name: 'n',
    'connector.class': 'X',
    topics: 'a, b',
    'errors.retry.timeout': '-1',
  });
  assert.equal(cfg.getInt('tasks.max'), 1);
  assert.equal(cfg.getLong('errors.retry.timeout'), -1n);
  assert.equal(cfg.getLong('errors.retry.delay.max.ms'), 60000n);
  assert.deepEqual(cfg.getList('topics'), ['a', 'b']);
  assert.equal(cfg.getShort('errors.deadletterqueue.topic.replication.factor'), 3);
  assert.equal(cfg.getBoolean('errors.log.enable'), false);
  assert.ok(Object.isFrozen(cfg));
  assert.throws(() => cfg.get('nope'), { message: "Unknown configuration 'nope'" });
});

void test('validators: exact messages and toString()', () => {
  const err = (v: { ensureValid(n: string, x: unknown): void }, value: unknown): string => {
    try {
      v.ensureValid('k', value);
    } catch (e) {
      return (e as Error).message;
    }
    return 'ok';
  };
  assert.equal(
    err(Range.between(1, 10), 11),
    'Invalid value 11 for configuration k: Value must be no more than 10',
  );
  assert.equal(err(Range.atLeast(0), null), 'Invalid value null for configuration k: Value must be non-null');
  assert.equal(err(Range.atLeast(0), -1n), 'Invalid value -1 for configuration k: Value must be at least 0');
  assert.equal(Range.between(1, 10).toString(), '[1,...,10]');
  assert.equal(Range.atLeast(0).toString(), '[0,...]');
  assert.equal(
    err(ValidString.in('none', 'all'), 'some'),
    'Invalid value some for configuration k: String must be one of: none, all',
  );
  assert.equal(ValidString.in('a', 'b').toString(), '[a, b]');
  // HashSet order of the upper-cased values, as the real worker prints it.
  assert.equal(
    err(CaseInsensitiveValidString.in('requested', 'required'), 'maybe'),
    'Invalid value maybe for configuration k: String must be one of (case insensitive): REQUIRED, REQUESTED',
  );
  assert.equal(
    err(CaseInsensitiveValidString.in('poll', 'interval', 'connector'), 'x'),
    'Invalid value x for configuration k: String must be one of (case insensitive): INTERVAL, POLL, CONNECTOR',
  );
  assert.equal(err(CaseInsensitiveValidString.in('X', 'Yy'), 'yy'), 'ok');
  assert.equal(err(ValidList.in('p', 'q'), ['p', 'p']), "Configuration 'k' values must not be duplicated.");
  assert.equal(
    err(ValidList.in('p', 'q'), ['p', 'z']),
    'Invalid value z for configuration k: String must be one of: p, q',
  );
  assert.equal(err(ValidList.in('p', 'q'), ['']), "Configuration 'k' values must not be empty.");
  assert.equal(err(ValidList.in('p', 'q'), null), "Configuration 'k' values must not be null.");
  assert.equal(err(ValidList.in('p'), []), 'ok');
  assert.equal(
    err(ValidList.anyNonDuplicateValues(false, false), []),
    "Configuration 'k' must not be empty. Valid values include: any non-empty value",
  );
  const name = NonEmptyStringWithoutControlChars.nonEmptyStringWithoutControlChars();
  assert.equal(err(name, ''), 'Invalid value  for configuration k: String may not be empty');
  assert.equal(
    err(name, 'a\u0001b\u007f'),
    'Invalid value a\u0001b\u007f for configuration k: String may not contain control sequences but had the following ASCII chars: 1, 127',
  );
  assert.equal(err(name, null), 'ok');
  const composite = CompositeValidator.of(
    Range.atLeast(1),
    LambdaValidator.with(
      () => undefined,
      () => 'custom',
    ),
  );
  assert.equal(composite.toString(), '[1,...], custom');
});

void test('validateAll: parse errors, then validator on null; dependents and recommenders set visibility', () => {
  const def = new ConfigDef()
    .define({
      name: 'mode',
      type: 'STRING',
      defaultValue: 'a',
      validator: ValidString.in('a', 'b'),
      importance: 'MEDIUM',
      documentation: 'Mode doc',
      group: 'Grp',
      orderInGroup: 1,
      width: 'SHORT',
      displayName: 'Mode',
      dependents: ['sub'],
    })
    .define({
      name: 'sub',
      type: 'INT',
      defaultValue: 5,
      importance: 'LOW',
      documentation: null,
      group: 'Grp',
      orderInGroup: 2,
      recommender: {
        validValues: (_n, p) => (p.get('mode') === 'b' ? [1, 2, 3] : []),
        visible: (_n, p) => p.get('mode') === 'b',
      },
    })
    .define({
      name: 'lng',
      type: 'LONG',
      defaultValue: 10n,
      validator: Range.atLeast(0),
      importance: 'LOW',
      documentation: null,
    })
    .define({
      name: 'ghost',
      type: 'INT',
      defaultValue: 1,
      importance: 'LOW',
      documentation: null,
      dependents: ['nowhere'],
    });
  const off = def.validateAll({ mode: 'a', lng: 'x' });
  assert.deepEqual(off.get('lng')?.errorMessages, [
    'Invalid value x for configuration lng: Not a number of type LONG',
    'Invalid value null for configuration lng: Value must be non-null',
  ]);
  assert.equal(off.get('sub')?.visible, false);
  assert.deepEqual(off.get('nowhere')?.errorMessages, [
    'nowhere is referred in the dependents, but not defined.',
  ]);
  const on = def.validateAll({ mode: 'b' });
  assert.equal(on.get('sub')?.visible, true);
  assert.deepEqual(toConfigValueInfo(on.get('sub')!, 'INT'), {
    name: 'sub',
    value: '5',
    recommended_values: ['1', '2', '3'],
    errors: [],
    visible: true,
  });
});

void test('REST serialization: default_value string forms, PASSWORD hidden, short-define key fields', () => {
  const def = new ConfigDef()
    .define({
      name: 'secret',
      type: 'PASSWORD',
      defaultValue: 'dflt',
      importance: 'HIGH',
      documentation: 'Pw doc',
    })
    .define({
      name: 'lst',
      type: 'LIST',
      defaultValue: ['x', 'y'],
      importance: 'LOW',
      documentation: 'List doc',
    })
    .define({
      name: 'cls',
      type: 'CLASS',
      defaultValue: 'java.lang.String',
      importance: 'LOW',
      documentation: 'c',
    })
    .define({ name: 'dbl', type: 'DOUBLE', defaultValue: 1000, importance: 'LOW', documentation: 'd' })
    .define({ name: 'req', type: 'STRING', importance: 'HIGH', documentation: null });
  const keys = def.configKeys();
  assert.deepEqual(toConfigKeyInfo(keys.get('secret')!), {
    name: 'secret',
    type: 'PASSWORD',
    required: false,
    default_value: '[hidden]',
    importance: 'HIGH',
    documentation: 'Pw doc',
    group: null,
    order_in_group: -1,
    width: 'NONE',
    display_name: 'secret',
    dependents: [],
  });
  // Field order on the wire (Connect 4.4).
  assert.deepEqual(Object.keys(toConfigKeyInfo(keys.get('lst')!)), [
    'name',
    'type',
    'required',
    'default_value',
    'importance',
    'documentation',
    'group',
    'order_in_group',
    'width',
    'display_name',
    'dependents',
  ]);
  assert.equal(toConfigKeyInfo(keys.get('lst')!).default_value, 'x,y');
  assert.equal(toConfigKeyInfo(keys.get('cls')!).default_value, 'java.lang.String');
  assert.equal(toConfigKeyInfo(keys.get('dbl')!).default_value, '1000.0');
  assert.equal(toConfigKeyInfo(keys.get('req')!).required, true);
  assert.equal(toConfigKeyInfo(keys.get('req')!).default_value, null);
  const v = def.validateAll({ secret: 's3cr3t' }).get('secret')!;
  assert.equal(toConfigValueInfo(v, 'PASSWORD').value, '[hidden]');
});

void test('framework ConfigDefs: Connect 4.4 key orders and groups', () => {
  const sink = sinkConnectorConfigDef();
  assert.deepEqual(sink.names(), [
    'name',
    'connector.class',
    'connector.plugin.version',
    'tasks.max',
    'tasks.max.enforce',
    'key.converter',
    'key.converter.plugin.version',
    'value.converter',
    'value.converter.plugin.version',
    'header.converter',
    'header.converter.plugin.version',
    'transforms',
    'predicates',
    'config.action.reload',
    'errors.retry.timeout',
    'errors.retry.delay.max.ms',
    'errors.tolerance',
    'errors.log.enable',
    'errors.log.include.messages',
    'topics',
    'topics.regex',
    'errors.deadletterqueue.topic.name',
    'errors.deadletterqueue.topic.replication.factor',
    'errors.deadletterqueue.context.headers.enable',
  ]);
  assert.deepEqual(sink.groups(), ['Common', 'Transforms', 'Predicates', 'Error Handling']);
  const orders = [...sink.configKeys().values()].map((k) => k.orderInGroup);
  assert.deepEqual(orders, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 1, 2, 3, 4, 5, 4, 4, 6, 7, 8]);
  const source = sourceConnectorConfigDef();
  assert.deepEqual(source.names().slice(19), [
    'topic.creation.groups',
    'exactly.once.support',
    'transaction.boundary',
    'transaction.boundary.interval.ms',
    'offsets.storage.topic',
  ]);
  assert.deepEqual(source.groups(), [
    'Common',
    'Transforms',
    'Predicates',
    'Error Handling',
    'Topic Creation',
    'Exactly Once Support',
    'offsets.topic',
  ]);
});

void test('GET /connector-plugins/{p}/config: plugin keys first, then framework keys not defined by the plugin', () => {
  const own = new ConfigDef()
    .define({ name: 'file', type: 'STRING', defaultValue: null, importance: 'HIGH', documentation: 'f' })
    .define({
      name: 'tasks.max',
      type: 'INT',
      defaultValue: 2,
      importance: 'LOW',
      documentation: 'override doc',
    });
  const infos = connectorPluginConfig({ className: 'x.Sink', type: 'sink', configDef: own, version: '1.0' });
  assert.deepEqual(
    infos.slice(0, 5).map((k) => [k.name, k.default_value, k.order_in_group]),
    [
      ['file', null, -1],
      ['tasks.max', '2', -1],
      ['name', null, 1],
      ['connector.class', null, 2],
      ['connector.plugin.version', '1.0', 3],
    ],
  );
  assert.equal(infos.length, 2 + 23);
  assert.equal(infos.find((k) => k.name === 'key.converter')?.default_value, null);
  const transform = connectorPluginConfig({ className: 'x.T', type: 'transformation', configDef: own });
  assert.deepEqual(
    transform.map((k) => k.name),
    ['file', 'tasks.max'],
  );
});

void test('create/update 400 message lists every error after the count', () => {
  const infos: ConfigInfos = {
    name: 'FileStreamSink',
    error_count: 2,
    groups: [],
    configs: [
      {
        definition: null,
        value: {
          name: 'name',
          value: null,
          recommended_values: [],
          errors: ['Missing required configuration "name" which has no default value.'],
          visible: true,
        },
      },
      {
        definition: null,
        value: {
          name: 'topics',
          value: '',
          recommended_values: [],
          errors: ['Must configure one of topics or topics.regex'],
          visible: true,
        },
      },
    ],
  };
  assert.equal(
    invalidConnectorConfigMessage(infos),
    'Connector configuration is invalid and contains the following 2 error(s):\n' +
      'Missing required configuration "name" which has no default value.\n' +
      'Must configure one of topics or topics.regex\n' +
      'You can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`',
  );
});

void test('javaHashOrder reproduces java.util.HashMap iteration', () => {
  // Values observed from the real worker: null-valued unknown keys "zzz" then "aaa" came out as aaa, zzz.
  assert.deepEqual(javaHashOrder(['REQUESTED', 'REQUIRED']), ['REQUIRED', 'REQUESTED']);
  assert.deepEqual(javaHashOrder(['POLL', 'INTERVAL', 'CONNECTOR']), ['INTERVAL', 'POLL', 'CONNECTOR']);
});

void test('facts checked with kafka-clients 4.4.0 directly (ConfigDef harness)', () => {
  // ValidList keys are de-duplicated by parse() (validateAll reports the duplicate instead).
  const vl = new ConfigDef().define({
    name: 'vl',
    type: 'LIST',
    defaultValue: '',
    validator: ValidList.in('p', 'q'),
    importance: 'LOW',
    documentation: 'd',
  });
  assert.deepEqual(vl.parse({ vl: 'p,p' }).get('vl'), ['p']);
  // DOUBLE values print as Java Doubles in validator messages; integral bounds stay integral.
  const d = new ConfigDef().define({
    name: 'x',
    type: 'DOUBLE',
    defaultValue: 5,
    validator: Range.between(0, 10),
    importance: 'LOW',
    documentation: 'd',
  });
  assert.throws(() => d.parse({ x: '11' }), {
    message: 'Invalid value 11.0 for configuration x: Value must be no more than 10',
  });
  assert.deepEqual(d.validateAll({ x: '11' }).get('x')?.errorMessages, [
    'Invalid value 11.0 for configuration x: Value must be no more than 10',
  ]);
  const asText = (s: string): string | null =>
    ConfigDef.convertToString(ConfigDef.parseType('x', s, 'DOUBLE'), 'DOUBLE');
  assert.deepEqual(['1e7', '1e-4', '0.001', '123456.789', '1e21', '-0', 'NaN', '1.5f', ' 2 '].map(asText), [
    '1.0E7',
    '1.0E-4',
    '0.001',
    '123456.789',
    '1.0E21',
    '-0.0',
    'NaN',
    '1.5',
    '2.0',
  ]);
  assert.equal(CaseInsensitiveValidString.in('none', 'all').toString(), '(case insensitive) [ALL, NONE]');
  assert.equal(
    CaseInsensitiveValidString.in('BASE64', 'NUMERIC').toString(),
    '(case insensitive) [NUMERIC, BASE64]',
  );
  assert.equal(
    CaseInsensitiveValidString.in(
      'snapshot',
      'never',
      'initial',
      'always',
      'when_needed',
      'no_data',
    ).toString(),
    '(case insensitive) [SNAPSHOT, NEVER, NO_DATA, INITIAL, ALWAYS, WHEN_NEEDED]',
  );
  assert.equal(parseError('INT', '1_0'), 'Invalid value 1_0 for configuration k: Not a number of type INT');
  assert.deepEqual(ConfigDef.parseType('x', ' a ,, b , ', 'LIST'), ['a', '', 'b', '']);
  assert.equal(ConfigDef.parseType('x', '\tTrUe\n', 'BOOLEAN'), true);
  assert.equal(parseError('CLASS', ' '), 'Invalid value   for configuration k: Class   could not be found.');
});
