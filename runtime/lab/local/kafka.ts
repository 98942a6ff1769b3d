import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { LabError } from '../errors';
import { spawnDetached } from '../processes';
import type { LabPorts, ProcessRecord } from '../state-dir';
import { logTail } from './log-tail';
import { waitServiceReady } from './wait-ready';
import { cdsArgs } from './kafka-cds';
import { KAFKA_GC_ARGS } from '../kafka-gc';

/** A Kafka Uuid as StorageTool prints it: 16 random bytes, base64url without padding. */
export function randomKafkaUuid(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    // Kafka's Uuid.randomUuid() never returns ids starting with '-' (they read as CLI options).
    if (!id.startsWith('-')) return id;
  }
}

export interface KafkaPaths {
  dir: string;
  dataDir: string;
  serverProperties: string;
  log4j: string;
  logFile: string;
}

export function kafkaPaths(stateDir: string): KafkaPaths {
  const dir = join(stateDir, 'kafka');
  return {
    dir,
    dataDir: join(dir, 'data'),
    serverProperties: join(dir, 'server.properties'),
    log4j: join(dir, 'log4j2.properties'),
    logFile: join(stateDir, 'logs', 'kafka.log'),
  };
}

function serverProperties(paths: KafkaPaths, ports: LabPorts): string {
  return [
    '# Written by `lab up` on every start (ports come from lab-state.json).',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.bootstrap.servers=127.0.0.1:${ports.controller}`,
    `listeners=PLAINTEXT://127.0.0.1:${ports.kafka},CONTROLLER://127.0.0.1:${ports.controller}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${ports.kafka}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${paths.dataDir}`,
    'num.partitions=1',
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=true',
    '',
  ].join('\n');
}

const LOG4J2 = [
  'status = warn',
  'appender.out.type = Console',
  'appender.out.name = OUT',
  'appender.out.layout.type = PatternLayout',
  'appender.out.layout.pattern = [%d] %p %m (%c)%n',
  'rootLogger.level = INFO',
  'rootLogger.appenderRef.out.ref = OUT',
  // The request logger and the per-partition state changes drown everything else at INFO.
  'logger.request.name = kafka.request.logger',
  'logger.request.level = WARN',
  'logger.statechange.name = state.change.logger',
  'logger.statechange.level = WARN',
  '',
].join('\n');

/**
 * JVM flags for a fast start on a small dev machine: C1 only (most of a broker's start is
 * class loading and interpretation), class-data sharing, a small heap, Kafka's G1 settings.
 */
function jvmArgs(paths: KafkaPaths, jarsDir: string): string[] {
  return [
    '-Xms64m',
    '-Xmx512m',
    ...KAFKA_GC_ARGS,
    '-XX:TieredStopAtLevel=1',
    '-Xshare:auto',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${paths.log4j}`,
    `-Dkafka.logs.dir=${join(paths.dir, 'app-logs')}`,
    '-cp',
    `${jarsDir}/*`,
  ];
}

export function writeKafkaConfig(paths: KafkaPaths, ports: LabPorts): void {
  mkdirSync(paths.dir, { recursive: true });
  mkdirSync(paths.dataDir, { recursive: true });
  writeFileSync(paths.serverProperties, serverProperties(paths, ports));
  writeFileSync(paths.log4j, LOG4J2);
}

export function kafkaIsFormatted(paths: KafkaPaths): boolean {
  return existsSync(join(paths.dataDir, 'meta.properties'));
}

/** `kafka-storage.sh format --standalone`: once, before the first start. */
export async function formatKafkaStorage(
  java: string,
  jarsDir: string,
  paths: KafkaPaths,
  clusterId: string,
): Promise<void> {
  const fd = openSync(paths.logFile, 'a');
  try {
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(
        java,
        [
          ...jvmArgs(paths, jarsDir),
          'kafka.tools.StorageTool',
          'format',
          '-t',
          clusterId,
          '-c',
          paths.serverProperties,
          '--standalone',
        ],
        { cwd: paths.dir, stdio: ['ignore', fd, fd] },
      );
      child.on('error', reject);
      child.on('close', (c) => resolve(c ?? 1));
    });
    if (code !== 0) {
      throw new LabError(
        'START_FAILED',
        `Formatting the Kafka storage failed (exit ${code}):\n${logTail(paths.logFile, 15)}`,
        `See the whole log with: lab logs kafka`,
      );
    }
  } finally {
    closeSync(fd);
  }
}

export function startKafka(
  env: NodeJS.ProcessEnv,
  java: string,
  jarsDir: string,
  paths: KafkaPaths,
): ProcessRecord {
  const cds = cdsArgs(env, paths.dir, java, jarsDir);
  return spawnDetached(java, [...cds, ...jvmArgs(paths, jarsDir), 'kafka.Kafka', paths.serverProperties], {
    cwd: paths.dir,
    env: process.env,
    logFile: paths.logFile,
  });
}

/** One metadata round trip; false when the broker does not answer within `timeoutMs`. */
export async function kafkaAnswers(bootstrapServers: string, timeoutMs: number): Promise<boolean> {
  const kafka = new Kafka({
    clientId: 'kafka-connect-lab-probe',
    brokers: [bootstrapServers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(timeoutMs, 1000),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  let timer: NodeJS.Timeout | undefined;
  try {
    const probe = (async () => {
      await admin.connect();
      const cluster = await admin.describeCluster();
      return cluster.brokers.length > 0 && cluster.controller !== null;
    })();
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    return await Promise.race([probe.catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
    await admin.disconnect().catch(() => undefined);
  }
}

export async function waitKafkaReady(
  bootstrapServers: string,
  rec: ProcessRecord,
  paths: KafkaPaths,
  timeoutMs: number,
): Promise<void> {
  await waitServiceReady(
    rec,
    {
      label: 'Kafka',
      service: 'kafka',
      logFile: paths.logFile,
      answers: () => kafkaAnswers(bootstrapServers, 2000),
      pauseMs: 250,
      notReady: `at ${bootstrapServers} did not answer a metadata request`,
    },
    timeoutMs,
  );
}
