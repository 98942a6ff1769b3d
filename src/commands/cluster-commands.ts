import * as vscode from 'vscode';
import { ExtensionError } from '../errors';
import { isValidSecretName } from '../model/secrets';
import type { CommandContext } from './context';
import type { CommandSpec } from './registry';

async function storeSecret(
  ctx: CommandContext,
  name?: unknown,
  value?: unknown,
  onChange?: () => Promise<void>,
): Promise<string> {
  const secretName =
    typeof name === 'string'
      ? name
      : await ctx.prompts.input('Secret name, referenced in configs as ${secret:NAME}', {});
  if (!secretName) throw new ExtensionError('cancelled', 'cancelled');
  if (!isValidSecretName(secretName)) {
    throw new ExtensionError('missing-secret', `"${secretName}" is not a valid secret name.`, {
      nextStep: 'Use letters, digits, ".", "_", "-" or "/".',
    });
  }
  const secretValue =
    typeof value === 'string' ? value : await ctx.prompts.input(`Value of ${secretName}`, { password: true });
  if (secretValue === undefined) throw new ExtensionError('cancelled', 'cancelled');
  await ctx.secrets.store(secretName, secretValue);
  ctx.log.info(`stored secret ${secretName}`);
  await onChange?.();
  void vscode.window.setStatusBarMessage(
    `Stored secret ${secretName}; use it as \${secret:${secretName}}`,
    4000,
  );
  return secretName;
}

async function clusterActions(ctx: CommandContext): Promise<void> {
  const state = ctx.lab.currentState;
  const items: (vscode.QuickPickItem & { command: string })[] = [];
  if (state === 'running' || state === 'degraded' || state === 'starting') {
    items.push({ label: '$(debug-stop) Stop Local Cluster', command: 'kafkaConnectLab.stopLocalCluster' });
  } else {
    items.push({ label: '$(play) Start Local Cluster', command: 'kafkaConnectLab.startLocalCluster' });
  }
  items.push(
    {
      label: '$(cloud-upload) Deploy Connector from Active File',
      command: 'kafkaConnectLab.deployConnector',
    },
    { label: '$(refresh) Refresh', command: 'kafkaConnectLab.refresh' },
    { label: '$(key) Store Secret', command: 'kafkaConnectLab.storeSecret' },
    { label: '$(output) Show Logs', command: 'kafkaConnectLab.showLogs' },
    { label: '$(gear) Configure Clusters', command: 'kafkaConnectLab.configureClusters' },
  );
  const picked = await ctx.prompts.pick(items, `Local cluster: ${state}`);
  if (picked) await vscode.commands.executeCommand(picked.command);
}

export function clusterCommands(ctx: CommandContext, reloadSettings: () => Promise<void>): CommandSpec[] {
  return [
    { id: 'kafkaConnectLab.startLocalCluster', run: () => ctx.lab.start() },
    { id: 'kafkaConnectLab.stopLocalCluster', run: () => ctx.lab.stop() },
    { id: 'kafkaConnectLab.refresh', run: () => ctx.store.refreshNow() },
    {
      id: 'kafkaConnectLab.storeSecret',
      run: (name, value) => storeSecret(ctx, name, value, reloadSettings),
    },
    { id: 'kafkaConnectLab.clusterActions', run: () => clusterActions(ctx) },
    { id: 'kafkaConnectLab.showLogs', run: () => ctx.log.show() },
    {
      id: 'kafkaConnectLab.configureClusters',
      run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'kafkaConnectLab.clusters'),
    },
  ];
}
