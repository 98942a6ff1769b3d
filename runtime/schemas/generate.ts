/**
 * The JSON Schema of connector config files (schemas/connector.schema.json), generated from the
 * runtime's ConfigDefs (architecture practice 9: one ConfigDef per plugin drives validate, GET
 * .../config and the schemas). test/unit/contract-schemas.test.ts regenerates it in memory and fails
 * when schemas/ drifts; `node --import tsx runtime/schemas/write-schemas.ts` rewrites it.
 *
 * Shape: `{name, config}` (POST /connectors) or the flat map (PUT /connectors/{name}/config). The
 * framework keys are always known; each connector class (full name or alias in connector.class)
 * switches on one if/then branch with its own keys and required keys. transforms.<alias>.* and
 * predicates.<alias>.* are patternProperties: JSON Schema cannot select an SMT's keys by the value
 * of transforms.<alias>.type for arbitrary aliases, so every SMT key is accepted for any alias and
 * its description says which SMTs define it; the live completion (src/editor) narrows it per type.
 */
import type { ConfigDef, ConfigKey } from '../config/config-def';
import {
  CONNECTOR_CLASS_CONFIG,
  NAME_CONFIG,
  sinkConnectorConfigDef,
  sourceConnectorConfigDef,
} from '../config/connector-config';
import { transformationImplicitConfigDef } from '../config/enrich';
import {
  defaultTopicCreationGroupConfigDef,
  topicCreationGroupConfigDef,
} from '../config/topic-creation-config';
import type { Connector } from '../api/connector';
import { FileStreamSinkConnector } from '../connectors/file/file-stream-sink-connector';
import { FileStreamSourceConnector } from '../connectors/file/file-stream-source-connector';
import { ELASTICSEARCH_SINK_PLUGIN } from '../connectors/elasticsearch/index';
import { POSTGRES_PLUGINS } from '../connectors/postgres/index';
import { SMT_PLUGINS } from '../transforms/plugins';
import { CURATED_CONNECTORS } from './curated';
import { keySchema } from './key-schema';
import type { JsonSchema } from './key-schema';

export const SCHEMA_FILE = 'connector.schema.json';

/** A connector class the schema knows, with where its keys come from. */
export interface SchemaConnector {
  className: string;
  aliases: readonly string[];
  type: 'source' | 'sink';
  configDef: ConfigDef;
  /** Where the facts come from: "runtime" (a plugin this runtime runs) or a documented release. */
  origin: string;
  legacy: Readonly<Record<string, string>>;
}

export interface SchemaSmt {
  className: string;
  aliases: readonly string[];
  type: 'transformation' | 'predicate';
  configDef: ConfigDef;
}

/** Keys older releases used that learners still paste (lesson-configs/README.md). */
const RUNTIME_LEGACY: Record<string, Record<string, string>> = {
  'io.debezium.connector.postgresql.PostgresConnector': {
    'database.server.name':
      'Debezium 2.0 replaced database.server.name by topic.prefix: real Debezium 3.x rejects this config without topic.prefix.',
  },
};

export function runtimeConnectors(): SchemaConnector[] {
  const out: SchemaConnector[] = [
    {
      className: FileStreamSourceConnector.className,
      aliases: ['FileStreamSourceConnector', 'FileStreamSource'],
      type: 'source',
      configDef: new FileStreamSourceConnector().config(),
      origin: 'runtime',
      legacy: {},
    },
    {
      className: FileStreamSinkConnector.className,
      aliases: ['FileStreamSinkConnector', 'FileStreamSink'],
      type: 'sink',
      configDef: new FileStreamSinkConnector().config(),
      origin: 'runtime',
      legacy: {},
    },
  ];
  for (const p of POSTGRES_PLUGINS) {
    if (p.type !== 'source' && p.type !== 'sink') continue;
    out.push({
      className: p.className,
      aliases: p.aliases,
      type: p.type,
      configDef: (p.create() as Connector).config(),
      origin: 'runtime',
      legacy: RUNTIME_LEGACY[p.className] ?? {},
    });
  }
  const es = ELASTICSEARCH_SINK_PLUGIN;
  out.push({
    className: es.className,
    aliases: es.aliases,
    type: es.type,
    configDef: es.create().config(),
    origin: 'runtime',
    legacy: es.legacy,
  });
  return out;
}

export function allConnectors(): SchemaConnector[] {
  const runtime = runtimeConnectors();
  // A connector the runtime runs is described by its own ConfigDef, not by the curated facts.
  const curated = CURATED_CONNECTORS.filter((c) => !runtime.some((r) => r.className === c.className));
  return [...runtime, ...curated.map((c) => ({ ...c, origin: c.source }))];
}

export function allSmts(): SchemaSmt[] {
  const out: SchemaSmt[] = [...SMT_PLUGINS.values()].map((p) => ({
    className: p.className,
    aliases: p.aliases,
    type: p.type,
    configDef: p.configDef,
  }));
  for (const p of POSTGRES_PLUGINS) {
    if (p.type !== 'transformation') continue;
    const smt = p.create() as { config(): ConfigDef };
    out.push({ className: p.className, aliases: p.aliases, type: 'transformation', configDef: smt.config() });
  }
  return out;
}

/**
 * Keys a connector's validate() requires although its ConfigDef gives them a null default
 * (Debezium's Field.required(): PostgresConnector.validate checks these four).
 */
const VALIDATE_REQUIRED: Record<string, readonly string[]> = {
  'io.debezium.connector.postgresql.PostgresConnector': [
    'topic.prefix',
    'database.hostname',
    'database.user',
    'database.dbname',
  ],
};

/** Required keys of a plugin: its NO_DEFAULT_VALUE keys and those its validate() requires. */
export function requiredKeys(def: ConfigDef, className = ''): string[] {
  const out = [...def.configKeys().values()].filter((k) => !k.hasDefault()).map((k) => k.name);
  for (const k of VALIDATE_REQUIRED[className] ?? []) if (!out.includes(k)) out.push(k);
  return out;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The converters every Connect 4.x worker ships (connect-json, connect-runtime): offered for
 * completion only, any other class name stays valid. A fixed list, so the schema does not change
 * while the runtime's converter set grows.
 */
const STANDARD_CONVERTERS = [
  'org.apache.kafka.connect.json.JsonConverter',
  'org.apache.kafka.connect.storage.StringConverter',
  'org.apache.kafka.connect.converters.ByteArrayConverter',
  'org.apache.kafka.connect.converters.BooleanConverter',
  'org.apache.kafka.connect.converters.DoubleConverter',
  'org.apache.kafka.connect.converters.FloatConverter',
  'org.apache.kafka.connect.converters.IntegerConverter',
  'org.apache.kafka.connect.converters.LongConverter',
  'org.apache.kafka.connect.converters.ShortConverter',
];

function frameworkProperties(): Record<string, JsonSchema> {
  const props: Record<string, JsonSchema> = {};
  const add = (key: ConfigKey, note?: string): void => {
    if (!(key.name in props)) props[key.name] = keySchema(key, note);
  };
  for (const key of sourceConnectorConfigDef().configKeys().values()) add(key);
  for (const key of sinkConnectorConfigDef().configKeys().values()) add(key, 'Sink connectors only.');
  for (const key of defaultTopicCreationGroupConfigDef().configKeys().values()) {
    props[`topic.creation.default.${key.name}`] = keySchema(
      key,
      'Source connectors: the default topic creation group.',
    );
  }
  const classes = STANDARD_CONVERTERS;
  for (const conv of ['key.converter', 'value.converter']) {
    props[conv] = { ...props[conv], anyOf: [{ enum: classes }, { type: 'string' }] };
  }
  const headerClasses = ['org.apache.kafka.connect.storage.SimpleHeaderConverter', ...STANDARD_CONVERTERS];
  props['header.converter'] = {
    ...props['header.converter'],
    anyOf: [{ enum: headerClasses }, { type: 'string' }],
  };
  const connectorClasses = allConnectors().flatMap((c) => [c.className, ...c.aliases]);
  props[CONNECTOR_CLASS_CONFIG] = {
    ...props[CONNECTOR_CLASS_CONFIG],
    anyOf: [{ enum: connectorClasses }, { type: 'string' }],
  };
  return props;
}

/** transforms.<alias>.* / predicates.<alias>.*: one pattern per key name, documented per SMT. */
function smtPatternProperties(): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  const alias = '[^.]+';
  for (const kind of ['transformation', 'predicate'] as const) {
    const prefix = kind === 'transformation' ? 'transforms' : 'predicates';
    const smts = allSmts().filter((s) => s.type === kind);
    const names = smts.flatMap((s) => [s.className, ...s.aliases]);
    out[`^${prefix}\\.${alias}\\.type$`] = {
      markdownDescription: `The class (or alias) of this ${kind}. Known: ${names.map((n) => `\`${n}\``).join(', ')}`,
      type: 'string',
      // Any fully-qualified class name is accepted (plugins we do not know); short names must be aliases.
      anyOf: [{ enum: names }, { pattern: '^\\s*[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+\\s*$' }],
      patternErrorMessage: `Not a known ${kind} alias; use a fully-qualified class name`,
    };
    const byKey = new Map<string, { key: ConfigKey; owners: string[] }>();
    const defs: [string, ConfigDef][] = smts.map((s) => [s.aliases[0] ?? s.className, s.configDef]);
    if (kind === 'transformation') defs.push(['every transformation', transformationImplicitConfigDef()]);
    for (const [owner, def] of defs) {
      for (const key of def.configKeys().values()) {
        const seen = byKey.get(key.name);
        if (seen) {
          if (!seen.owners.includes(owner)) seen.owners.push(owner);
        } else byKey.set(key.name, { key, owners: [owner] });
      }
    }
    for (const [name, { key, owners }] of [...byKey].sort(([a], [b]) => a.localeCompare(b))) {
      const types = new Set(
        defs.flatMap(([, d]) => (d.configKeys().get(name) ? [d.configKeys().get(name)?.type] : [])),
      );
      const s = keySchema(key, `Defined by: ${owners.join(', ')}.`);
      if (types.size > 1 || owners.length > 1) {
        // The same key name means different things in different SMTs: only the doc is shared.
        for (const k of ['enum', 'pattern', 'patternErrorMessage', 'minimum', 'maximum', 'default'])
          delete s[k];
        s['type'] = ['string', 'number', 'boolean'];
      }
      out[`^${prefix}\\.${alias}\\.${escapeRegex(name)}$`] = s;
    }
  }
  return out;
}

function frameworkPatternProperties(): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const client of ['producer', 'consumer', 'admin']) {
    out[`^${client}\\.override\\..+$`] = {
      markdownDescription: `A ${client} client property for this connector only (allowed by the worker's \`connector.client.config.override.policy\`).`,
      type: ['string', 'number', 'boolean'],
    };
  }
  for (const conv of ['key', 'value', 'header']) {
    out[`^${conv}\\.converter\\..+$`] = {
      markdownDescription: `A property of this connector's ${conv} converter (e.g. \`${conv}.converter.schemas.enable\`).`,
      type: ['string', 'number', 'boolean'],
    };
  }
  for (const key of topicCreationGroupConfigDef('group', -1, -1).configKeys().values()) {
    out[`^topic\\.creation\\.(?!default\\.)[^.]+\\.${escapeRegex(key.name)}$`] = keySchema(
      key,
      'Source connectors: a topic creation group listed in `topic.creation.groups`.',
    );
  }
  Object.assign(out, smtPatternProperties());
  return out;
}

function connectorBranch(c: SchemaConnector): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const origin = c.origin === 'runtime' ? '' : `Documented in ${c.origin}.`;
  for (const key of c.configDef.configKeys().values())
    properties[key.name] = keySchema(key, origin || undefined);
  for (const [legacy, message] of Object.entries(c.legacy)) {
    properties[legacy] = {
      ...(properties[legacy] ?? { type: ['string', 'number', 'boolean'] }),
      deprecationMessage: message,
    };
  }
  const then: JsonSchema = { properties };
  const required = requiredKeys(c.configDef, c.className);
  if (required.length > 0) then['required'] = required;
  // A legacy key that a real worker rejects without its replacement: say why on the legacy key.
  const rejections = Object.entries(c.legacy)
    .map(([legacy, message]) => ({ legacy, message, replacement: /by ([\w.]+)/.exec(message)?.[1] }))
    .filter((r) => r.replacement !== undefined && required.includes(r.replacement));
  if (rejections.length > 0) {
    then['allOf'] = rejections.map((r) => ({
      if: { required: [r.legacy], not: { required: [r.replacement] } },
      then: { properties: { [r.legacy]: { pattern: '^(?!)', patternErrorMessage: r.message } } },
    }));
  }
  return {
    if: {
      properties: { [CONNECTOR_CLASS_CONFIG]: { enum: [c.className, ...c.aliases] } },
      required: [CONNECTOR_CLASS_CONFIG],
    },
    then,
  };
}

/** The whole schema document (deterministic: same ConfigDefs → same bytes). */
export function generateConnectorSchema(): JsonSchema {
  const framework = frameworkProperties();
  const config: JsonSchema = {
    type: 'object',
    properties: framework,
    patternProperties: frameworkPatternProperties(),
    required: [CONNECTOR_CLASS_CONFIG],
    allOf: allConnectors().map(connectorBranch),
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://kafka-connect-lab.local/schemas/connector.schema.json',
    title: 'Kafka Connect connector configuration',
    description:
      'Generated by runtime/schemas/generate.ts from the runtime ConfigDefs. Do not edit: run `node --import tsx runtime/schemas/write-schemas.ts`.',
    definitions: { config },
    if: { type: 'object', required: ['config'] },
    then: {
      type: 'object',
      properties: {
        [NAME_CONFIG]: framework[NAME_CONFIG],
        config: { $ref: '#/definitions/config' },
      },
      required: [NAME_CONFIG, 'config'],
    },
    else: { $ref: '#/definitions/config' },
  };
}

/** File name → content of everything under schemas/. */
export function generateSchemaFiles(): Map<string, string> {
  return new Map([[SCHEMA_FILE, `${JSON.stringify(generateConnectorSchema(), null, 2)}\n`]]);
}
