/**
 * Completion and hover in connector JSON from the active cluster: keys of the connector class
 * (GET /connector-plugins/{class}/config), of each transforms.<alias>.type / predicates.<alias>.type
 * and of the converters; values: recommended values and enums, topic names, transform and predicate
 * aliases, `${secret:…}` references for PASSWORD keys. Keys the bundled schema already completes
 * for this file are left to it (no duplicates).
 */
import * as vscode from 'vscode';
import type { ConfigKeyInfo } from '../../protocol/connect-rest/entities';
import type { ClusterStore } from '../state/cluster-store';
import { cursorContext, parseConnectorJson } from './connector-json';
import type { ConnectorJson } from './connector-json';
import type { LiveValidation } from './live-validation';
import { isConnectorDocument } from './live-validation';
import type { PluginDefinitions } from './plugin-definitions';
import { definitionsOf } from './plugin-definitions';
import type { SchemaKeys } from './schema-keys';
import type { TopicNames } from './topic-names';
import { pgKeyKind, pgTargetOf, pgValues } from '../model/postgres-names';
import type { PostgresCatalogs } from './postgres-catalog';

/** Keys whose values are topic names. */
const TOPIC_KEY =
  /(^|\.)(topics?|topic\.name|dlq\.topic|offsets\.storage\.topic)$|deadletterqueue\.topic\.name$/;

export interface KeyDef {
  key: string;
  def: ConfigKeyInfo;
  /** Where it came from, shown in the item detail. */
  origin: string;
}

export class ConnectorIntelliSense implements vscode.CompletionItemProvider, vscode.HoverProvider {
  constructor(
    private readonly store: ClusterStore,
    private readonly plugins: PluginDefinitions,
    private readonly live: LiveValidation,
    private readonly schemaKeys: SchemaKeys,
    private readonly topics: TopicNames,
    private readonly postgres: PostgresCatalogs,
    private readonly log: (line: string) => void,
  ) {}

  /** Every key the cluster defines for this document, by full key name. */
  async keyDefinitions(doc: vscode.TextDocument, cj: ConnectorJson): Promise<Map<string, KeyDef>> {
    const out = new Map<string, KeyDef>();
    const target = this.store.defaultTarget();
    if (!target?.client) return out;
    const add = (prefix: string, defs: ConfigKeyInfo[], origin: string) => {
      for (const def of defs)
        if (!out.has(prefix + def.name)) out.set(prefix + def.name, { key: prefix + def.name, def, origin });
    };
    const origin = (p: string) => `${shortName(p)} on ${target.name}`;
    const cls = cj.connectorClass;
    const jobs: Promise<void>[] = [];
    if (cls) jobs.push(this.plugins.pluginConfig(target, cls).then((d) => add('', d, origin(cls))));
    for (const [list, single] of [
      ['transforms', 'transforms'],
      ['predicates', 'predicates'],
    ] as const) {
      for (const alias of listValue(cj.config[list])) {
        const type = cj.config[`${single}.${alias}.type`]?.trim();
        if (type)
          jobs.push(
            this.plugins.pluginConfig(target, type).then((d) => add(`${single}.${alias}.`, d, origin(type))),
          );
      }
    }
    for (const conv of ['key.converter', 'value.converter', 'header.converter']) {
      const type = cj.config[conv]?.trim();
      if (type) {
        jobs.push(
          this.plugins.pluginConfig(target, type).then((d) =>
            add(
              `${conv}.`,
              d.filter((k) => k.name !== 'converter.type'),
              origin(type),
            ),
          ),
        );
      }
    }
    await Promise.all(jobs);
    // The last validate answer knows the worker's enriched keys (transform predicate/negate, ...).
    const last = this.live.result(doc.uri);
    if (last) add('', definitionsOf(last.infos), target.name);
    return out;
  }

  async provideCompletionItems(
    doc: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.CompletionItem[]> {
    if (!isConnectorDocument(doc)) return [];
    const text = doc.getText();
    const cj = parseConnectorJson(text);
    if (!cj) return [];
    const ctx = cursorContext(text, doc.offsetAt(position), cj);
    if (ctx.kind === 'other') return [];
    const defs = await this.keyDefinitions(doc, cj);
    if (token.isCancellationRequested) return [];
    const range = doc.getWordRangeAtPosition(position, /"[^"\n]*"?|[^\s:,{}"]+/);
    if (ctx.kind === 'key') return this.keyItems(doc, cj, defs, range);
    return this.valueItems(doc.uri, cj, ctx.key, defs.get(ctx.key)?.def, range);
  }

  private keyItems(
    doc: vscode.TextDocument,
    cj: ConnectorJson,
    defs: Map<string, KeyDef>,
    range: vscode.Range | undefined,
  ): vscode.CompletionItem[] {
    const schemaApplies = matchesSchemaFiles(doc.uri);
    const items: vscode.CompletionItem[] = [];
    for (const { key, def, origin } of defs.values()) {
      if (key in cj.config) continue;
      if (schemaApplies && this.schemaKeys.has(cj.connectorClass, key)) continue;
      const item = new vscode.CompletionItem(key, vscode.CompletionItemKind.Property);
      item.detail = `${def.type}${def.required ? ' (required)' : ''} — ${origin}`;
      item.documentation = keyDoc(def);
      item.insertText = new vscode.SnippetString(
        `"${key}": "\${1:${escapeSnippet(def.default_value ?? '')}}"`,
      );
      item.filterText = `"${key}"`;
      item.sortText = `${def.importance === 'HIGH' ? 0 : def.importance === 'MEDIUM' ? 1 : 2}${key}`;
      if (range) item.range = range;
      items.push(item);
    }
    return items;
  }

  private async valueItems(
    uri: vscode.Uri,
    cj: ConnectorJson,
    key: string,
    def: ConfigKeyInfo | undefined,
    range: vscode.Range | undefined,
  ): Promise<vscode.CompletionItem[]> {
    const values = new Map<string, string>();
    const target = this.store.defaultTarget();
    const recommended =
      this.live.result(uri)?.infos.configs.find((c) => c.value?.name === key)?.value?.recommended_values ??
      [];
    for (const v of recommended) values.set(v, 'recommended by the cluster');
    const m = /^transforms\.([^.]+)\.predicate$/.exec(key);
    if (m) for (const a of listValue(cj.config['predicates'])) values.set(a, 'predicate alias');
    if (key === 'transforms' || key === 'predicates') {
      const single = key;
      for (const k of Object.keys(cj.config)) {
        const a = new RegExp(`^${single}\\.([^.]+)\\.`).exec(k)?.[1];
        if (a && !listValue(cj.config[key]).includes(a))
          values.set(a, `${single === 'transforms' ? 'transform' : 'predicate'} alias`);
      }
    }
    if (TOPIC_KEY.test(key) && target) {
      const names = this.store.snapshot(target.id)?.connectors.map((c) => c.name) ?? [];
      for (const t of await this.topics.list(target, names)) if (!values.has(t)) values.set(t, 'topic');
    }
    const items: vscode.CompletionItem[] = [];
    for (const pg of await this.postgresValues(cj, key)) {
      const item = new vscode.CompletionItem(pg.label, vscode.CompletionItemKind.Field);
      item.detail = pg.detail;
      item.insertText = JSON.stringify(pg.value);
      item.filterText = JSON.stringify(pg.value);
      item.sortText = `0${pg.label}`;
      if (range) item.range = range;
      items.push(item);
    }
    for (const [v, why] of values) {
      const item = new vscode.CompletionItem(v, vscode.CompletionItemKind.Value);
      item.detail = why;
      item.insertText = JSON.stringify(v);
      item.filterText = JSON.stringify(v);
      if (range) item.range = range;
      items.push(item);
    }
    if (def?.type === 'PASSWORD' || /password|secret/i.test(key)) {
      const item = new vscode.CompletionItem('${secret:…}', vscode.CompletionItemKind.Reference);
      item.detail = 'Secret reference (resolved by the extension from SecretStorage)';
      item.insertText = new vscode.SnippetString(`"\\\${secret:\${1:${escapeSnippet(key)}}\\}"`);
      item.filterText = '"${secret:';
      if (range) item.range = range;
      items.push(item);
    }
    return items;
  }

  /** Table, column and schema names from the connector's PostgreSQL database, for keys that take them. */
  private async postgresValues(cj: ConnectorJson, key: string) {
    const target = pgTargetOf(cj.config);
    const kind = target && pgKeyKind(target.family, key);
    if (!target || !kind) return [];
    try {
      const catalog = await this.postgres.catalog(target.endpoint);
      return pgValues(target.family, kind, key, cj.config, catalog, cj.config[key] ?? '');
    } catch (err) {
      this.log(
        `no table/column completion from ${target.endpoint.host}:${target.endpoint.port}/${target.endpoint.database}: ${err instanceof Error ? err.message : String(err)}`,
      );
      return [];
    }
  }

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!isConnectorDocument(doc)) return undefined;
    const text = doc.getText();
    const cj = parseConnectorJson(text);
    if (!cj) return undefined;
    const ctx = cursorContext(text, doc.offsetAt(position), cj);
    if (ctx.kind !== 'key' && ctx.kind !== 'value') return undefined;
    const key = ctx.kind === 'key' ? ctx.prefix : ctx.key;
    if (matchesSchemaFiles(doc.uri) && this.schemaKeys.has(cj.connectorClass, key)) return undefined;
    const found = (await this.keyDefinitions(doc, cj)).get(key);
    if (!found) return undefined;
    const md = keyDoc(found.def);
    md.appendMarkdown(`\n\n_${found.origin}_`);
    return new vscode.Hover(md);
  }
}

export function keyDoc(def: ConfigKeyInfo): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${def.display_name || def.name}**\n\n`);
  if (def.documentation) md.appendText(def.documentation);
  const meta = [`Type: \`${def.type}\``, `Importance: ${def.importance}`];
  meta.push(def.required ? 'Required' : `Default: \`${def.default_value ?? 'null'}\``);
  if (def.group) meta.push(`Group: ${def.group}`);
  md.appendMarkdown(`\n\n${meta.join(' · ')}`);
  return md;
}

export function listValue(v: string | undefined): string[] {
  return (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function shortName(className: string): string {
  return className.slice(className.lastIndexOf('.') + 1);
}

function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** The files package.json's jsonValidation gives our schema to. */
export function matchesSchemaFiles(uri: vscode.Uri): boolean {
  return /\.connector\.json$/i.test(uri.path) || /\/connectors\/(.+\/)?[^/]+\.json$/i.test(uri.path);
}
