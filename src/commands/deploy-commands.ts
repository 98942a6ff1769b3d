import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ConfigInfos, ConnectorConfig, ConnectorInfo } from '../../protocol/connect-rest/entities';
import { ExtensionError } from '../errors';
import type { ConfigChange } from '../model/config-diff';
import { canonicalConfigText, diffConfigs, summarizeChanges } from '../model/config-diff';
import type { ConnectorFile } from '../model/connector-file';
import { lineOfKey, parseConnectorFile } from '../model/connector-file';
import { resolveSecrets } from '../model/secrets';
import type { CommandContext } from './context';
import { clientOf, resolveTarget } from './context';
import type { CommandSpec } from './registry';

/** The connector file a command works on: the URI passed (CodeLens, tests) or the active editor. */
export async function readConnectorDocument(
  uri: unknown,
): Promise<{ doc: vscode.TextDocument; file: ConnectorFile }> {
  let doc: vscode.TextDocument | undefined;
  if (uri instanceof vscode.Uri) doc = await vscode.workspace.openTextDocument(uri);
  else doc = vscode.window.activeTextEditor?.document;
  if (!doc) {
    throw new ExtensionError('invalid-connector-file', 'No connector file is open.', {
      nextStep: 'Open a connector JSON file (with "connector.class") and run the command again.',
    });
  }
  const base = path.basename(doc.fileName).replace(/(\.connector)?\.json$/i, '');
  const parsed = parseConnectorFile(doc.getText(), base || undefined);
  if (!parsed.ok) {
    throw new ExtensionError('invalid-connector-file', `${path.basename(doc.fileName)}: ${parsed.message}`);
  }
  return { doc, file: parsed.file };
}

async function resolvedConfig(ctx: CommandContext, file: ConnectorFile): Promise<ConnectorConfig> {
  const res = await resolveSecrets(file.config, (n) => Promise.resolve(ctx.secrets.get(n)));
  if (!res.ok) {
    throw new ExtensionError(
      'missing-secret',
      `The config references secret(s) not stored yet: ${res.missing.join(', ')}.`,
      {
        nextStep: 'Run "Kafka Connect: Store Secret" to store each one.',
      },
    );
  }
  return { ...res.config, name: file.name };
}

export interface DeployResult {
  clusterId: string;
  created: boolean;
  info: ConnectorInfo;
}

async function deploy(ctx: CommandContext, uri?: unknown, clusterId?: unknown): Promise<DeployResult> {
  const { file } = await readConnectorDocument(uri);
  const target = await resolveTarget(ctx, typeof clusterId === 'string' ? clusterId : undefined);
  const { client } = clientOf(ctx, target.id);
  const config = await resolvedConfig(ctx, file);
  const exists = await client.exists(file.name);
  const info = exists
    ? await client.putConfig(file.name, config)
    : await client.create({ name: file.name, config });
  ctx.log.info(`${exists ? 'updated' : 'created'} connector ${file.name} on ${target.name}`);
  ctx.store.actionDone();
  void vscode.window.showInformationMessage(
    `${exists ? 'Updated' : 'Created'} connector "${file.name}" on ${target.name}.`,
  );
  return { clusterId: target.id, created: !exists, info };
}

async function validate(ctx: CommandContext, uri?: unknown, clusterId?: unknown): Promise<ConfigInfos> {
  const { doc, file } = await readConnectorDocument(uri);
  const target = await resolveTarget(ctx, typeof clusterId === 'string' ? clusterId : undefined);
  const { client } = clientOf(ctx, target.id);
  const result = await client.validate(file.config['connector.class'], await resolvedConfig(ctx, file));
  const text = doc.getText();
  const diagnostics: vscode.Diagnostic[] = [];
  for (const c of result.configs) {
    for (const message of c.value?.errors ?? []) {
      const key = c.value?.name ?? c.definition?.name ?? '';
      const line = lineOfKey(text, key);
      const d = new vscode.Diagnostic(
        doc.lineAt(line).range,
        `${key}: ${message}`,
        vscode.DiagnosticSeverity.Error,
      );
      d.source = `Kafka Connect (${target.name})`;
      diagnostics.push(d);
    }
  }
  ctx.diagnostics.set(doc.uri, diagnostics);
  if (result.error_count === 0)
    void vscode.window.showInformationMessage(`"${file.name}" is valid on ${target.name}.`);
  else
    void vscode.window.showWarningMessage(
      `"${file.name}" has ${result.error_count} config error(s); see the Problems panel.`,
    );
  return result;
}

async function compare(ctx: CommandContext, uri?: unknown, clusterId?: unknown): Promise<ConfigChange[]> {
  const { file } = await readConnectorDocument(uri);
  const target = await resolveTarget(ctx, typeof clusterId === 'string' ? clusterId : undefined);
  const { client } = clientOf(ctx, target.id);
  if (!(await client.exists(file.name))) {
    throw new ExtensionError('connect-rest', `Connector "${file.name}" is not deployed on ${target.name}.`, {
      nextStep: 'Deploy it first (CodeLens "Deploy" or "Kafka Connect: Deploy Connector").',
    });
  }
  const running = await client.getConfig(file.name);
  const changes = diffConfigs(file.config, running);
  const left = ctx.docs.put(
    `${target.name}/${file.name}.running.json`,
    canonicalConfigText(file.name, running),
  );
  const right = ctx.docs.put(`workspace/${file.name}.json`, canonicalConfigText(file.name, file.config));
  await vscode.commands.executeCommand(
    'vscode.diff',
    left,
    right,
    `${file.name}: running on ${target.name} ↔ workspace`,
  );
  void vscode.window.setStatusBarMessage(summarizeChanges(changes), 5000);
  return changes;
}

export function deployCommands(ctx: CommandContext): CommandSpec[] {
  return [
    { id: 'kafkaConnectLab.deployConnector', run: (uri, clusterId) => deploy(ctx, uri, clusterId) },
    { id: 'kafkaConnectLab.validateConnector', run: (uri, clusterId) => validate(ctx, uri, clusterId) },
    { id: 'kafkaConnectLab.compareWithRunning', run: (uri, clusterId) => compare(ctx, uri, clusterId) },
  ];
}
