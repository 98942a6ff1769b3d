/**
 * Assembles one runtime: Kafka clients, the three backing stores (read to the end first), plugins,
 * worker, herder and REST server. `startRuntime` is what the CLI and in-process tests call.
 */
import { randomUUID } from 'node:crypto';
import type { Admin, Producer } from 'kafkajs';
import { createKafka, ensureTopics, readTopicsToEnd } from './kafka/client';
import { Herder } from './herder/herder';
import { createValidator, pluginConfigKeys } from './herder/framework-validator';
import { builtinPlugins } from './plugins/builtin';
import { loadPluginPath } from './plugins/plugin-path';
import { Loggers } from './logging/loggers';
import type { Level } from './logging/loggers';
import { LoggerLevels } from './rest/loggers';
import { RestServer } from './rest/rest-server';
import { ConfigBackingStore } from './storage/config-backing-store';
import { OffsetBackingStore } from './storage/offset-backing-store';
import { decodeConfigRecord, decodeOffsetKey, decodeOffsetValue } from './storage/records';
import { StatusBackingStore } from './storage/status-backing-store';
import { Worker } from './worker/worker';

export interface RuntimeOptions {
  bootstrapServers: string;
  restPort: number;
  groupId: string;
  configTopic?: string;
  offsetTopic?: string;
  statusTopic?: string;
  replicationFactor?: number;
  offsetFlushIntervalMs?: number;
  pluginPaths?: string[];
  keyConverter?: string;
  valueConverter?: string;
  headerConverter?: string;
  converterProps?: Record<string, string>;
  log?: (line: string) => void;
}

export interface RuntimeHandle {
  url: string;
  port: number;
  herder: Herder;
  ready: Promise<void>;
  stop(): Promise<void>;
}

export async function startRuntime(o: RuntimeOptions): Promise<RuntimeHandle> {
  const log = o.log ?? ((line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`));
  const configTopic = o.configTopic ?? `${o.groupId}-configs`;
  const offsetTopic = o.offsetTopic ?? `${o.groupId}-offsets`;
  const statusTopic = o.statusTopic ?? `${o.groupId}-status`;
  const rf = o.replicationFactor ?? 1;
  // Named loggers (Connect's class names where ours correspond) whose levels /admin/loggers changes.
  const loggers = new Loggers(log);
  const named = (name: string, level: Level): ((line: string) => void) => loggers.logger(name).at(level);
  const herderLog = named('org.apache.kafka.connect.runtime.distributed.DistributedHerder', 'ERROR');

  const kafka = createKafka({
    bootstrapServers: o.bootstrapServers,
    clientId: `connect-${o.groupId}`,
    log: named('kafkajs', 'WARN'),
  });
  const admin: Admin = kafka.admin();
  const producer: Producer = kafka.producer({
    idempotent: false,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  const plugins = builtinPlugins();
  // Start-up is Kafka round trips: issue the independent ones at once. The internal topics are created
  // in one request while the cluster id is looked up and the producer connects.
  const producerConnected = producer.connect();
  producerConnected.catch(() => undefined);
  await admin.connect();
  const internalTopics = ensureTopics(admin, [
    { name: configTopic, partitions: 1, replicationFactor: rf, compact: true },
    { name: offsetTopic, partitions: 25, replicationFactor: rf, compact: true },
    { name: statusTopic, partitions: 5, replicationFactor: rf, compact: true },
  ]);
  internalTopics.catch(() => undefined);
  const cluster = await admin.describeCluster();
  const pluginLog = named('org.apache.kafka.connect.runtime.isolation.DelegatingClassLoader', 'INFO');
  for (const dir of o.pluginPaths ?? []) await loadPluginPath(plugins, dir, pluginLog);
  // Connect's plugin scan instantiates every connector, so each connector class has its logger.
  for (const p of plugins.infos(true)) loggers.logger(p.class);
  await producerConnected;

  const configs = new ConfigBackingStore(producer, configTopic);
  const offsets = new OffsetBackingStore(producer, offsetTopic);
  const statuses = new StatusBackingStore(
    producer,
    statusTopic,
    named('org.apache.kafka.connect.storage.KafkaStatusBackingStore', 'ERROR'),
  );
  const keyConverter = o.keyConverter ?? 'org.apache.kafka.connect.json.JsonConverter';
  const valueConverter = o.valueConverter ?? 'org.apache.kafka.connect.json.JsonConverter';
  const headerConverter = o.headerConverter ?? 'org.apache.kafka.connect.storage.SimpleHeaderConverter';
  const worker = new Worker({
    kafka,
    admin,
    plugins,
    offsets,
    statuses,
    // Task failures and LogReporter lines: Connect logs both at ERROR.
    log: named('org.apache.kafka.connect.runtime.WorkerTask', 'ERROR'),
    config: {
      keyConverter,
      valueConverter,
      headerConverter,
      converterProps: o.converterProps ?? {},
      offsetFlushIntervalMs: o.offsetFlushIntervalMs ?? 60000,
    },
  });
  const workerId = `127.0.0.1:${o.restPort}`;
  const validator = createValidator(plugins, (cls) => worker.newConnector(cls), {
    keyConverter,
    valueConverter,
    headerConverter,
    groupId: o.groupId,
  });
  const herder = new Herder({
    configs,
    statuses,
    worker,
    plugins,
    validator,
    workerId,
    kafkaClusterId: cluster.clusterId,
    log: herderLog,
  });

  let markReady!: () => void;
  let markFailed!: (e: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  ready.catch(() => undefined);
  const rest = new RestServer({
    herder,
    // Cluster scope: the record goes to the config topic; this worker applies it once it is written
    // (a restarted worker ignores older ones, as Connect does).
    loggers: new LoggerLevels(loggers, async (namespace, level) => {
      await configs.putLoggerLevel(namespace, level);
      loggers.setLevel(namespace, level);
    }),
    port: o.restPort,
    plugins: (connectorsOnly) => plugins.infos(connectorsOnly),
    connectorPluginConfig: (name) => pluginConfigKeys(plugins, name),
    taskMetrics: (name) => worker.taskMetrics(name),
    log: named('org.apache.kafka.connect.runtime.rest.RestServer', 'ERROR'),
    accessLog: named('org.apache.kafka.connect.runtime.rest.RestServer', 'INFO'),
    ready,
  });
  const port = await rest.start();

  try {
    // A topic created just now is empty: only the ones that existed are read to their end.
    const created = new Set(await internalTopics);
    await readTopicsToEnd(
      kafka,
      admin,
      [configTopic, offsetTopic, statusTopic].filter((t) => !created.has(t)),
      `${o.groupId}-startup-${randomUUID()}`,
      (rec) => {
        const key = rec.key?.toString('utf8') ?? '';
        if (rec.topic === configTopic) configs.apply(decodeConfigRecord(key, rec.value));
        else if (rec.topic === statusTopic) statuses.applyRecord(key, rec.value);
        else if (rec.key) {
          const k = decodeOffsetKey(rec.key);
          if (k) offsets.apply(k.connector, k.partition, decodeOffsetValue(rec.value));
        }
      },
    );
    named(
      'org.apache.kafka.connect.storage.KafkaConfigBackingStore',
      'INFO',
    )(`Read internal topics: ${configs.connectors.size} connector(s)`);
    await herder.start();
    markReady();
  } catch (error) {
    markFailed(error);
    await rest.stop().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
    throw error;
  }

  let stopped: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    herder,
    ready,
    stop: () => {
      stopped ??= (async () => {
        await rest.stop().catch(() => undefined);
        await herder.stop().catch((e: unknown) => herderLog(`Herder stop failed: ${String(e)}`));
        await producer.disconnect().catch(() => undefined);
        await admin.disconnect().catch(() => undefined);
      })();
      return stopped;
    },
  };
}
