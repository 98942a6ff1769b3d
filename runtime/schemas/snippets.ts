/**
 * snippets/connectors.code-snippets, generated: the lesson's examples, a skeleton per connector class
 * (its required keys, with sample values that pass its validators) and one per SMT and predicate.
 * `node --import tsx runtime/schemas/write-schemas.ts` rewrites it with the schemas;
 * test/unit/contract-snippets.test.ts checks drift and validates every body against schemas/.
 */
import type { ConfigKey } from '../config/config-def';
import { toConfigKeyInfo } from '../config/config-infos';
import { allConnectors, allSmts, requiredKeys } from './generate';
import { enumOf } from './key-schema';
import { LESSON_EXAMPLES } from './lesson-examples';

export const SNIPPETS_FILE = 'connectors.code-snippets';

export interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

/** Snippet syntax: `$`, `}` and `\` are literal only when escaped. */
function lit(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Sample values for required keys without a default: facts of common keys, else by type. */
const SAMPLES: Record<string, string> = {
  topic: 'my-topic',
  topics: 'my-topic',
  'topic.prefix': 'my-prefix',
  'connection.url': 'jdbc:postgresql://localhost:5432/postgres',
  'database.hostname': 'localhost',
  'database.user': 'postgres',
  'database.dbname': 'postgres',
  'database.server.id': '184054',
  's3.bucket.name': 'my-bucket',
  'storage.class': 'io.confluent.connect.s3.storage.S3Storage',
  'format.class': 'io.confluent.connect.s3.format.json.JsonFormat',
  'flush.size': '1000',
  project: 'my-project',
  defaultDataset: 'my_dataset',
  'schema.history.internal.kafka.bootstrap.servers': 'localhost:9092',
  'schema.history.internal.kafka.topic': 'schema-changes.my-prefix',
};

function sample(key: ConfigKey): string {
  const known = SAMPLES[key.name];
  if (known !== undefined) return known;
  const e = enumOf(key);
  if (e?.values[0]) return e.values[0];
  const info = toConfigKeyInfo(key);
  if (info.default_value !== null && info.default_value !== '') return info.default_value;
  switch (key.type) {
    case 'INT':
    case 'SHORT':
    case 'LONG':
      return '1';
    case 'DOUBLE':
      return '1.0';
    case 'BOOLEAN':
      return 'false';
    default:
      return key.name.replace(/\W+/g, '-');
  }
}

/** Lines of a JSON object whose values may hold placeholders (already snippet-escaped). */
function objectLines(entries: [string, string][], indent: string): string[] {
  return entries.map(([k, v], i) => `${indent}"${lit(k)}": "${v}"${i < entries.length - 1 ? ',' : ''}`);
}

function connectorSnippet(name: string, configLines: string[]): string[] {
  return ['{', `  "name": "\${1:${lit(name)}}",`, '  "config": {', ...configLines, '  }', '}'];
}

function lessonSnippets(): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const { file, doc } of LESSON_EXAMPLES) {
    let entries = Object.entries(doc.config);
    let note = '';
    // Debezium 2.0 replaced database.server.name by topic.prefix; real Debezium 3.x needs the latter.
    if (entries.some(([k]) => k === 'database.server.name') && !entries.some(([k]) => k === 'topic.prefix')) {
      entries = entries.map(([k, v]) => (k === 'database.server.name' ? ['topic.prefix', v] : [k, v]));
      note = ' (database.server.name written as topic.prefix, as Debezium 2.0+ requires)';
    }
    const lines = objectLines(
      entries.map(([k, v]) => [k, lit(JSON.stringify(v).slice(1, -1))]),
      '    ',
    );
    out[`Lesson: ${doc.name}`] = {
      prefix: `kc-lesson-${doc.name}`,
      description: `The lesson's ${file}${note}`,
      body: connectorSnippet(doc.name, lines),
    };
  }
  return out;
}

function connectorSkeletons(): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const c of allConnectors()) {
    const keys = c.configDef.configKeys();
    const entries: [string, string][] = [
      ['connector.class', lit(c.className)],
      ['tasks.max', '${2:1}'],
    ];
    let n = 3;
    if (c.type === 'sink' && !keys.has('topics')) entries.push(['topics', `\${${n++}:my-topic}`]);
    for (const name of requiredKeys(c.configDef, c.className)) {
      const key = keys.get(name);
      if (!key) continue;
      const e = enumOf(key);
      const value =
        e && e.values.length > 1 && !e.values.some((v) => /[,|$}\\]/.test(v))
          ? `\${${n++}|${e.values.join(',')}|}`
          : key.type === 'PASSWORD'
            ? `\${${n++}:\\${'$'}{secret:${lit(name)}\\}}`
            : `\${${n++}:${lit(sample(key))}}`;
      entries.push([name, value]);
    }
    const short = c.aliases[c.aliases.length - 1] ?? c.className;
    out[`Connector: ${short}`] = {
      prefix: `kc-${short.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`,
      description: `${c.className} skeleton with its required keys`,
      body: connectorSnippet(`my-${short.toLowerCase()}`, objectLines(entries, '    ')),
    };
  }
  return out;
}

function smtSnippets(): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const smt of allSmts()) {
    const list = smt.type === 'transformation' ? 'transforms' : 'predicates';
    const short = smt.aliases[0] ?? smt.className.slice(smt.className.lastIndexOf('.') + 1);
    const alias = short.replace(/\$/g, '').replace(/^./, (c) => c.toLowerCase());
    const entries: [string, string][] = [
      [list, `\${1:${lit(alias)}}`],
      [`${list}.\${1}.type`, lit(smt.className)],
    ];
    let n = 2;
    for (const key of smt.configDef.configKeys().values()) {
      if (key.hasDefault()) continue;
      entries.push([`${list}.\${1}.${key.name}`, `\${${n++}:${lit(sample(key))}}`]);
    }
    const lines = entries.map(([k, v], i) => `"${k}": "${v}"${i < entries.length - 1 ? ',' : ''}`);
    out[`${smt.type === 'transformation' ? 'SMT' : 'Predicate'}: ${short}`] = {
      prefix: `kc-${smt.type === 'transformation' ? 'smt' : 'predicate'}-${short.replace(/\$/g, '-').toLowerCase()}`,
      description: `${smt.className} with its required keys (inside "config")`,
      body: lines,
    };
  }
  return out;
}

export function generateSnippets(): Record<string, Snippet> {
  return { ...lessonSnippets(), ...connectorSkeletons(), ...smtSnippets() };
}
