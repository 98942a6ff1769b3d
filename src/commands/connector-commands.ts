import * as vscode from 'vscode';
import type { ConnectorStateInfo } from '../../protocol/connect-rest/entities';
import { ExtensionError } from '../errors';
import { canonicalConfigText } from '../model/config-diff';
import { maskText } from '../model/masking';
import { isTaskRef } from '../views/nodes';
import type { CommandContext } from './context';
import { clientOf, resolveConnector } from './context';
import type { CommandSpec } from './registry';

type Action = (ctx: CommandContext, arg: unknown) => Promise<unknown>;

/** Runs one REST action on a connector, then refreshes fast so the tree shows the new state. */
function connectorAction(
  verb: string,
  call: (client: ReturnType<typeof clientOf>['client'], name: string) => Promise<unknown>,
): Action {
  return async (ctx, arg) => {
    const ref = await resolveConnector(ctx, arg);
    const { client, target } = clientOf(ctx, ref.clusterId);
    const result = await call(client, ref.connector);
    ctx.log.info(`${verb} ${ref.connector} on ${target.name}`);
    ctx.store.actionDone();
    void vscode.window.setStatusBarMessage(`Kafka Connect: ${verb} ${ref.connector}`, 3000);
    return result;
  };
}

const restartFailed: Action = async (ctx, arg) => {
  const ref = await resolveConnector(ctx, arg);
  const { client } = clientOf(ctx, ref.clusterId);
  const status = await client.restart(ref.connector, { includeTasks: true, onlyFailed: true });
  const restarting = countRestarting(status);
  ctx.log.info(`restart failed instances of ${ref.connector}: ${restarting} restarting`);
  ctx.store.actionDone();
  void vscode.window.setStatusBarMessage(
    restarting === 0
      ? `Kafka Connect: nothing failed in ${ref.connector}`
      : `Kafka Connect: restarting ${restarting} failed instance(s) of ${ref.connector}`,
    4000,
  );
  return status;
};

function countRestarting(s: ConnectorStateInfo | undefined): number {
  if (!s) return 0;
  return Number(s.connector.state === 'RESTARTING') + s.tasks.filter((t) => t.state === 'RESTARTING').length;
}

const restartTask: Action = async (ctx, arg) => {
  if (!isTaskRef(arg)) {
    throw new ExtensionError('no-cluster', 'Restart Task needs a task.', {
      nextStep: 'Use it from a task in the Clusters view.',
    });
  }
  const { client } = clientOf(ctx, arg.clusterId);
  await client.restartTask(arg.connector, arg.task);
  ctx.log.info(`restarted task ${arg.connector}-${arg.task}`);
  ctx.store.actionDone();
};

const deleteConnector: Action = async (ctx, arg) => {
  const ref = await resolveConnector(ctx, arg);
  const { client, target } = clientOf(ctx, ref.clusterId);
  const ok = await ctx.prompts.confirm(
    `Delete connector "${ref.connector}" from ${target.name}?`,
    'Its tasks stop and its config is removed. Committed offsets stay in the offsets topic, so re-creating it with the same name resumes where it left off.',
    'Delete',
  );
  if (!ok) return false;
  await client.delete(ref.connector);
  ctx.log.info(`deleted ${ref.connector} on ${target.name}`);
  ctx.store.actionDone();
  return true;
};

const openRunningConfig: Action = async (ctx, arg) => {
  const ref = await resolveConnector(ctx, arg);
  const { client, target } = clientOf(ctx, ref.clusterId);
  const config = await client.getConfig(ref.connector);
  await ctx.docs.open(
    `${target.name}/${ref.connector}.running.json`,
    canonicalConfigText(ref.connector, config),
  );
  return config;
};

const showTrace: Action = async (ctx, arg) => {
  const ref = await resolveConnector(ctx, arg);
  const { client } = clientOf(ctx, ref.clusterId);
  const status = await client.getStatus(ref.connector);
  const task = isTaskRef(arg) ? status.tasks.find((t) => t.id === arg.task) : undefined;
  const entry = task ?? (status.connector.trace ? status.connector : status.tasks.find((t) => t.trace));
  const trace = entry?.trace;
  if (!trace) {
    void vscode.window.showInformationMessage(
      `${ref.connector}${task ? ` task ${task.id}` : ''} has no failure trace (state ${entry?.state ?? status.connector.state}).`,
    );
    return undefined;
  }
  const label = task ? `${ref.connector}-task-${task.id}` : ref.connector;
  await ctx.docs.open(`${label}.trace.log`, maskText(trace));
  return trace;
};

export function connectorCommands(ctx: CommandContext): CommandSpec[] {
  const table: [string, Action][] = [
    ['kafkaConnectLab.pauseConnector', connectorAction('paused', (c, n) => c.pause(n))],
    ['kafkaConnectLab.resumeConnector', connectorAction('resumed', (c, n) => c.resume(n))],
    ['kafkaConnectLab.stopConnector', connectorAction('stopped', (c, n) => c.stop(n))],
    ['kafkaConnectLab.restartConnector', connectorAction('restarted', (c, n) => c.restart(n))],
    [
      'kafkaConnectLab.restartConnectorAndTasks',
      connectorAction('restarted with tasks', (c, n) => c.restart(n, { includeTasks: true })),
    ],
    ['kafkaConnectLab.restartFailedTasks', restartFailed],
    ['kafkaConnectLab.restartTask', restartTask],
    ['kafkaConnectLab.deleteConnector', deleteConnector],
    ['kafkaConnectLab.openRunningConfig', openRunningConfig],
    ['kafkaConnectLab.showTrace', showTrace],
  ];
  return table.map(([id, action]) => ({ id, run: (arg) => action(ctx, arg) }));
}
