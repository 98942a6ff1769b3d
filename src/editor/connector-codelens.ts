import * as path from 'node:path';
import * as vscode from 'vscode';
import { healthIcon } from '../model/tree-model';
import { looksLikeConnectorFile, parseConnectorFile } from '../model/connector-file';
import type { ClusterStore } from '../state/cluster-store';

/**
 * Lenses on connector JSON files: Deploy/Update · Validate · Compare with running · live state.
 * They follow the store, so the state lens changes as soon as a poll sees a new state.
 */
export class ConnectorCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;
  private readonly sub: vscode.Disposable;

  constructor(private readonly store: ClusterStore) {
    this.sub = store.onDidChange(() => this.emitter.fire());
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const text = doc.getText();
    if (!looksLikeConnectorFile(text)) return [];
    const range = new vscode.Range(0, 0, 0, 0);
    const parsed = parseConnectorFile(
      text,
      path.basename(doc.fileName).replace(/(\.connector)?\.json$/i, '') || undefined,
    );
    if (!parsed.ok) {
      return [new vscode.CodeLens(range, { title: `$(error) ${parsed.message}`, command: '' })];
    }
    const name = parsed.file.name;
    const target = this.store.defaultTarget();
    if (!target?.client) {
      const start = target?.kind === 'local';
      return [
        new vscode.CodeLens(range, {
          title: start
            ? '$(play) Start Local Cluster to deploy'
            : '$(gear) Configure a Connect cluster to deploy',
          command: start ? 'kafkaConnectLab.startLocalCluster' : 'kafkaConnectLab.configureClusters',
        }),
      ];
    }
    const view = this.store.connector(target.id, name);
    const lenses = [
      new vscode.CodeLens(range, {
        title: view ? `$(cloud-upload) Update on ${target.name}` : `$(cloud-upload) Deploy to ${target.name}`,
        command: 'kafkaConnectLab.deployConnector',
        arguments: [doc.uri, target.id],
      }),
      new vscode.CodeLens(range, {
        title: '$(check) Validate',
        command: 'kafkaConnectLab.validateConnector',
        arguments: [doc.uri, target.id],
      }),
    ];
    if (view) {
      lenses.push(
        new vscode.CodeLens(range, {
          title: '$(diff) Compare with running',
          command: 'kafkaConnectLab.compareWithRunning',
          arguments: [doc.uri, target.id],
        }),
      );
      const failed = view.health === 'failed' || view.health === 'degraded';
      lenses.push(
        new vscode.CodeLens(range, {
          title: `$(${healthIcon(view.health).icon}) ${view.summary?.label ?? 'state unknown'}`,
          command: failed ? 'kafkaConnectLab.showTrace' : 'kafkaConnectLab.refresh',
          arguments: failed ? [{ clusterId: target.id, connector: name }] : [],
        }),
      );
    }
    return lenses;
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}
