/**
 * Commands that open the Records panel: from a topic in the tree, from a connector (pick one of
 * its topics; "Open DLQ" goes to its errors.deadletterqueue.topic.name) or from the palette.
 */
import type { Kafka } from 'kafkajs';
import * as vscode from 'vscode';
import type { RecordRef, RecordsMode } from '../../../protocol/webview/records';
import type { CommandContext } from '../../commands/context';
import { clientOf } from '../../commands/context';
import type { Settings } from '../../config/settings';
import { SECTION, readSettings } from '../../config/settings';
import { pickBootstrapServers } from '../../config/bootstrap-servers';
import type { CommandSpec } from '../../commands/registry';
import { deferredModules } from '../../deferred/load';
import { ExtensionError } from '../../errors';
import { RecordsPanel } from './records-panel';

export const DEFAULT_BUFFER_SIZE = 100_000;

interface TopicArg {
  clusterId?: string;
  connector?: string;
  topic?: string;
  mode?: RecordsMode;
  /** Open at this record: read its partition from its offset and select it. */
  at?: { partition: number; offset: string };
}

function settings(): Settings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return readSettings((key) => config.get(key));
}

/**
 * Kafka bootstrap servers: the `kafkaConnectLab.records.bootstrapServers` setting, else the local
 * lab's broker while it runs, else KCL_BOOTSTRAP_SERVERS, else asked once per session
 * (src/config/bootstrap-servers.ts; docs/records-view.md).
 */
async function bootstrapServers(ctx: CommandContext, remembered: { value?: string }): Promise<string> {
  const setting = settings().recordsBootstrapServers;
  const picked = pickBootstrapServers({
    setting,
    lab: setting.trim() ? undefined : await ctx.lab.kafkaBootstrapServers(),
    env: process.env.KCL_BOOTSTRAP_SERVERS,
    remembered: remembered.value,
  });
  if (picked) return picked.servers;
  const answer = await ctx.prompts.input(
    'Kafka bootstrap servers for the Records panel (the local lab is not running; the setting kafkaConnectLab.records.bootstrapServers names another cluster)',
    { value: '127.0.0.1:9092' },
  );
  if (!answer) throw new ExtensionError('cancelled', 'cancelled');
  remembered.value = answer;
  return answer;
}

/** kafkajs comes from the deferred bundle: activation does not parse it. */
function kafkaFor(ctx: CommandContext, brokers: string): Kafka {
  const { Kafka, logLevel } = deferredModules();
  return new Kafka({
    clientId: 'kafka-connect-lab-records',
    brokers: brokers.split(',').map((s) => s.trim()),
    logLevel: logLevel.WARN,
    logCreator: () => (entry) => ctx.log.warn(`kafkajs ${entry.namespace}: ${entry.log.message}`),
  });
}

async function dlqTopicOf(
  ctx: CommandContext,
  clusterId: string,
  connector: string,
): Promise<string | undefined> {
  const { client } = clientOf(ctx, clusterId);
  const config = await client.getConfig(connector);
  const name = (config['errors.deadletterqueue.topic.name'] ?? '').trim();
  return name === '' ? undefined : name;
}

export function recordsCommands(ctx: CommandContext, extensionUri: vscode.Uri): CommandSpec[] {
  const remembered: { value?: string } = {};
  const open = async (arg: TopicArg, defaultMode: RecordsMode): Promise<RecordsPanel> => {
    let topic = arg.topic;
    let mode = arg.mode ?? defaultMode;
    if (!topic && arg.clusterId && arg.connector) {
      const dlq = await dlqTopicOf(ctx, arg.clusterId, arg.connector);
      if (mode === 'dlq') {
        if (!dlq) {
          throw new ExtensionError(
            'bad-response',
            `${arg.connector} has no errors.deadletterqueue.topic.name.`,
            {
              nextStep: 'Set it (sink connectors only) with errors.tolerance=all.',
            },
          );
        }
        topic = dlq;
      } else {
        const topics = await clientOf(ctx, arg.clusterId).client.topics(arg.connector);
        if (dlq && !topics.includes(dlq)) topics.push(dlq);
        const picked = await ctx.prompts.pick(
          topics.map((t) => ({ label: t, description: t === dlq ? 'dead letter queue' : undefined })),
          `Which topic of ${arg.connector}?`,
        );
        if (!picked) throw new ExtensionError('cancelled', 'cancelled');
        topic = picked.label;
        if (topic === dlq) mode = 'dlq';
      }
    } else if (topic && arg.clusterId && arg.connector && !arg.mode) {
      // A topic under a connector: its DLQ opens in the DLQ view.
      if ((await dlqTopicOf(ctx, arg.clusterId, arg.connector).catch(() => undefined)) === topic)
        mode = 'dlq';
    }
    if (!topic) {
      topic = await ctx.prompts.input('Topic to show');
      if (!topic) throw new ExtensionError('cancelled', 'cancelled');
    }
    const brokers = await bootstrapServers(ctx, remembered);
    const size = settings().recordsBufferSize;
    const at = arg.at;
    const { clusterId, connector } = arg;
    const dlqTopic =
      clusterId && connector ? await dlqTopicOf(ctx, clusterId, connector).catch(() => undefined) : undefined;
    return new RecordsPanel({
      extensionUri,
      kafka: kafkaFor(ctx, brokers),
      topic,
      mode,
      bufferSize: size >= 1 ? Math.floor(size) : DEFAULT_BUFFER_SIZE,
      clusterId: arg.clusterId,
      connector: arg.connector,
      dlqTopic,
      connectorStatus:
        clusterId && connector ? () => clientOf(ctx, clusterId).client.getStatus(connector) : undefined,
      connectorMetrics:
        clusterId && connector
          ? () => clientOf(ctx, clusterId).client.connectorMetrics(connector)
          : undefined,
      log: ctx.log,
      confirm: (message, detail, action) => ctx.prompts.confirm(message, detail, action),
      openRecord: (ref: RecordRef) =>
        open(
          {
            clusterId: arg.clusterId,
            topic: ref.topic,
            mode: 'records',
            at: { partition: ref.partition, offset: ref.offset },
          },
          'records',
        ),
      ...(at
        ? {
            start: { from: 'offset', offset: at.offset },
            partitions: [at.partition],
            focus: { topic, partition: at.partition, offset: at.offset },
          }
        : {}),
    });
  };
  const asArg = (x: unknown): TopicArg => (typeof x === 'object' && x !== null ? x : {});
  return [
    { id: 'kafkaConnectLab.openRecords', run: (x) => open(asArg(x), 'records') },
    { id: 'kafkaConnectLab.openCdcView', run: (x) => open(asArg(x), 'cdc') },
    { id: 'kafkaConnectLab.openDlq', run: (x) => open(asArg(x), 'dlq') },
  ];
}
