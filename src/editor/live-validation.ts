/**
 * Diagnostics from the active cluster: PUT /connector-plugins/{class}/config/validate for each open
 * connector JSON, debounced; an edit restarts the timer and a response for an older version of the
 * document is dropped. Each error sits on its key (a missing key: on "config" or connector.class).
 */
import * as vscode from 'vscode';
import type { ConfigInfos } from '../../protocol/connect-rest/entities';
import { describeError } from '../errors';
import type { ClusterStore } from '../state/cluster-store';
import { looksLikeConnectorFile } from '../model/connector-file';
import { parseConnectorJson, propertyOf } from './connector-json';
import type { ConnectorJson } from './connector-json';

export const LIVE_SOURCE = 'Kafka Connect';
/** Diagnostic codes the quick fixes act on. */
export const MISSING_REQUIRED = 'missing-required';
export const INVALID_VALUE = 'invalid-value';

export interface LiveResult {
  version: number;
  clusterName: string;
  infos: ConfigInfos;
}

export class LiveValidation implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('kafka-connect-lab.validate');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly results = new Map<string, LiveResult>();
  private readonly subs: vscode.Disposable[] = [];
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's diagnostics were replaced (tests wait on it). */
  readonly onDidValidate = this.emitter.event;

  constructor(
    private readonly store: ClusterStore,
    private readonly delayMs = 600,
  ) {
    this.subs.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      store.onDidChange(() => this.revalidateIfClusterChanged()),
    );
    for (const d of vscode.workspace.textDocuments) this.schedule(d);
  }

  private lastTarget: string | undefined;

  private revalidateIfClusterChanged(): void {
    const t = this.store.defaultTarget();
    const id = t?.client ? `${t.id}:${t.url ?? ''}` : undefined;
    if (id === this.lastTarget) return;
    this.lastTarget = id;
    for (const d of vscode.workspace.textDocuments) this.schedule(d);
  }

  result(uri: vscode.Uri): LiveResult | undefined {
    return this.results.get(uri.toString());
  }

  schedule(doc: vscode.TextDocument): void {
    if (!isConnectorDocument(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.validate(doc);
      }, this.delayMs),
    );
  }

  private async validate(doc: vscode.TextDocument): Promise<void> {
    const version = doc.version;
    const cj = parseConnectorJson(doc.getText());
    const target = this.store.defaultTarget();
    if (!cj?.connectorClass || !target?.client) {
      this.collection.delete(doc.uri);
      return;
    }
    let infos: ConfigInfos;
    try {
      // Connect validates `name` too: the wrapped shape keeps it beside "config", as POST does.
      const name = cj.name ?? doc.uri.path.replace(/^.*\//, '').replace(/(\.connector)?\.json$/i, '');
      infos = await target.client.validate(cj.connectorClass, { ...cj.config, name });
    } catch (err) {
      if (doc.isClosed || doc.version !== version) return;
      const where = propertyOf(cj, 'connector.class');
      const range = where ? nodeRange(doc, where.value) : new vscode.Range(0, 0, 0, 0);
      const d = new vscode.Diagnostic(
        range,
        `${target.name}: ${describeError(err)}`,
        vscode.DiagnosticSeverity.Error,
      );
      d.source = LIVE_SOURCE;
      this.collection.set(doc.uri, [d]);
      this.emitter.fire(doc.uri);
      return;
    }
    // An edit arrived meanwhile: its own validation is scheduled, this answer is stale.
    if (doc.isClosed || doc.version !== version) return;
    this.results.set(doc.uri.toString(), { version, clusterName: target.name, infos });
    this.collection.set(doc.uri, toDiagnostics(doc, cj, infos, target.name));
    this.emitter.fire(doc.uri);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.results.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const s of this.subs) s.dispose();
    this.collection.dispose();
    this.emitter.dispose();
  }
}

export function isConnectorDocument(doc: vscode.TextDocument): boolean {
  return (doc.languageId === 'json' || doc.languageId === 'jsonc') && looksLikeConnectorFile(doc.getText());
}

export function nodeRange(doc: vscode.TextDocument, node: { offset: number; length: number }): vscode.Range {
  return new vscode.Range(doc.positionAt(node.offset), doc.positionAt(node.offset + node.length));
}

function toDiagnostics(
  doc: vscode.TextDocument,
  cj: ConnectorJson,
  infos: ConfigInfos,
  clusterName: string,
): vscode.Diagnostic[] {
  const out: vscode.Diagnostic[] = [];
  const text = doc.getText();
  for (const c of infos.configs) {
    const v = c.value;
    if (!v || v.errors.length === 0) continue;
    const prop = propertyOf(cj, v.name);
    let range: vscode.Range;
    let code: string;
    if (prop) {
      range = nodeRange(doc, prop.key);
      code = INVALID_VALUE;
    } else {
      // Missing key: on "config" (wrapped) or "connector.class", so the quick fix is at hand.
      const anchor = cj.configPath.length > 0 ? text.indexOf('"config"') : text.indexOf('"connector.class"');
      const start = doc.positionAt(Math.max(anchor, 0));
      range = new vscode.Range(
        start,
        start.translate(0, anchor >= 0 ? (cj.configPath.length > 0 ? 8 : 17) : 0),
      );
      code = MISSING_REQUIRED;
    }
    for (const message of v.errors) {
      const d = new vscode.Diagnostic(range, `${message} (${clusterName})`, vscode.DiagnosticSeverity.Error);
      d.source = LIVE_SOURCE;
      d.code = { value: code, target: vscode.Uri.parse(`kcl-key:${encodeURIComponent(v.name)}`) };
      out.push(d);
    }
  }
  return out;
}

/** The config key a diagnostic of ours is about. */
export function keyOfDiagnostic(d: vscode.Diagnostic): { key: string; code: string } | undefined {
  if (d.source !== LIVE_SOURCE || typeof d.code !== 'object') return undefined;
  return { key: decodeURIComponent(d.code.target.path), code: String(d.code.value) };
}
