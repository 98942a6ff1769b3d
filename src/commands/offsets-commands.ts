import * as vscode from 'vscode';
import type { ConnectorOffsets, Message } from '../../protocol/connect-rest/entities';
import { ExtensionError } from '../errors';
import type { ConnectorRef } from '../views/nodes';
import type { CommandContext } from './context';
import { clientOf, resolveConnector } from './context';
import type { CommandSpec } from './registry';

const STOPPED_RULE =
  'Kafka Connect changes offsets only while a connector is STOPPED (PUT /connectors/{name}/stop): its tasks are shut down so no task commits offsets meanwhile. It stays stopped until you resume it.';

/** Offsets can only change in STOPPED: explain, offer to stop, and wait until Connect reports it. */
async function ensureStopped(ctx: CommandContext, ref: ConnectorRef, verb: string): Promise<void> {
  const { client } = clientOf(ctx, ref.clusterId);
  const status = await client.getStatus(ref.connector);
  if (status.connector.state === 'STOPPED') return;
  const ok = await ctx.prompts.confirm(
    `"${ref.connector}" is ${status.connector.state}. Stop it to ${verb} its offsets?`,
    STOPPED_RULE,
    'Stop and continue',
  );
  if (!ok) throw new ExtensionError('cancelled', 'cancelled');
  await client.stop(ref.connector);
  ctx.store.actionDone();
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if ((await client.getStatus(ref.connector)).connector.state === 'STOPPED') return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new ExtensionError('request-timeout', `"${ref.connector}" did not reach STOPPED within 30 s.`, {
    retriable: true,
    nextStep: 'Check its status in the Clusters view and try again.',
  });
}

async function showOffsets(ctx: CommandContext, arg: unknown): Promise<ConnectorOffsets> {
  const ref = await resolveConnector(ctx, arg);
  const { client, target } = clientOf(ctx, ref.clusterId);
  const offsets = await client.offsets(ref.connector);
  await ctx.docs.open(
    `${target.name}/${ref.connector}.offsets.json`,
    JSON.stringify(offsets, null, 2) + '\n',
  );
  return offsets;
}

function offsetsFromEditor(): ConnectorOffsets | undefined {
  const text = vscode.window.activeTextEditor?.document.getText();
  if (!text) return undefined;
  try {
    const doc = JSON.parse(text) as Partial<ConnectorOffsets>;
    return Array.isArray(doc.offsets) ? (doc as ConnectorOffsets) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Alter: the offsets come from the argument, or from the active editor when it holds an
 * `{"offsets": [...]}` document; otherwise the current offsets open in an editable document.
 */
async function alterOffsets(ctx: CommandContext, arg: unknown, body?: unknown): Promise<Message | undefined> {
  const ref = await resolveConnector(ctx, arg);
  const offsets = (body as ConnectorOffsets | undefined) ?? offsetsFromEditor();
  const { client } = clientOf(ctx, ref.clusterId);
  if (!offsets) {
    const current = await client.offsets(ref.connector);
    const doc = await vscode.workspace.openTextDocument({
      language: 'json',
      content: JSON.stringify(current, null, 2) + '\n',
    });
    await vscode.window.showTextDocument(doc);
    void vscode.window.showInformationMessage(
      `Edit the offsets of "${ref.connector}" in this editor, then run "Alter Offsets" again with it active. ${STOPPED_RULE}`,
    );
    return undefined;
  }
  await ensureStopped(ctx, ref, 'alter');
  const result = await client.alterOffsets(ref.connector, offsets);
  ctx.log.info(`altered offsets of ${ref.connector}: ${result.message}`);
  void vscode.window.showInformationMessage(
    `${result.message} Resume "${ref.connector}" to continue from them.`,
  );
  ctx.store.actionDone();
  return result;
}

async function resetOffsets(ctx: CommandContext, arg: unknown): Promise<Message | undefined> {
  const ref = await resolveConnector(ctx, arg);
  const { client } = clientOf(ctx, ref.clusterId);
  const ok = await ctx.prompts.confirm(
    `Reset all offsets of "${ref.connector}"?`,
    'On resume it starts over as if it never ran (sources re-read everything, sinks follow auto.offset.reset).',
    'Reset offsets',
  );
  if (!ok) return undefined;
  await ensureStopped(ctx, ref, 'reset');
  const result = await client.resetOffsets(ref.connector);
  ctx.log.info(`reset offsets of ${ref.connector}: ${result.message}`);
  void vscode.window.showInformationMessage(result.message);
  ctx.store.actionDone();
  return result;
}

export function offsetsCommands(ctx: CommandContext): CommandSpec[] {
  return [
    { id: 'kafkaConnectLab.showOffsets', run: (arg) => showOffsets(ctx, arg) },
    { id: 'kafkaConnectLab.alterOffsets', run: (arg, body) => alterOffsets(ctx, arg, body) },
    { id: 'kafkaConnectLab.resetOffsets', run: (arg) => resetOffsets(ctx, arg) },
  ];
}
