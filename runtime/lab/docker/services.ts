/**
 * The container definitions: Kafka (KRaft single node, through the apache/kafka image's KAFKA_*
 * variables), PostgreSQL (the postgres image's POSTGRES_* variables and extra `-c` arguments) and
 * the search engine (Elasticsearch's or OpenSearch's image contract, see search-image.ts).
 * Published ports are bound to 127.0.0.1 only.
 */
import { createHash } from 'node:crypto';
import type Docker from 'dockerode';
import { KAFKA_GC_ARGS } from '../kafka-gc';
import { PG_PASSWORD, PG_USER } from '../local/postgres';
import { containerLabels, containerName, networkName, volumeName } from './project';
import type { DockerService } from './project';
import { searchContract } from './search-image';

export const DEFAULT_KAFKA_IMAGE = 'apache/kafka:4.4.0';
export const DEFAULT_POSTGRES_IMAGE = 'postgres:17';

/** Port inside the container that is published on 127.0.0.1. */
export const CONTAINER_PORT: Record<DockerService, number> = { kafka: 9092, postgres: 5432, search: 9200 };
/** The host name on the project network: the lesson's names (the search engine is `elasticsearch`). */
export const networkAlias = (service: DockerService): string =>
  service === 'search' ? 'elasticsearch' : service;
/** Where each service keeps its data (a named volume). */
function dataDir(spec: ServiceSpec): string {
  if (spec.service === 'search') return searchContract(spec.image).dataDir;
  return spec.service === 'kafka' ? '/var/lib/kafka/data' : '/var/lib/postgresql/data';
}

export interface ServiceSpec {
  project: string;
  stateDir: string;
  service: DockerService;
  image: string;
  hostPort: number;
  clusterId: string;
}

/**
 * Two client listeners: HOST (published, advertised as 127.0.0.1:<host port>) for the runtime and
 * tools on this machine, PLAINTEXT (advertised as kafka:19092) for containers on the project network.
 */
function kafkaEnv(spec: ServiceSpec): string[] {
  const vars: Record<string, string> = {
    KAFKA_NODE_ID: '1',
    KAFKA_PROCESS_ROLES: 'broker,controller',
    KAFKA_LISTENERS: 'PLAINTEXT://:19092,HOST://:9092,CONTROLLER://:9093',
    KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://kafka:19092,HOST://127.0.0.1:${spec.hostPort}`,
    KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,HOST:PLAINTEXT,CONTROLLER:PLAINTEXT',
    KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
    KAFKA_INTER_BROKER_LISTENER_NAME: 'PLAINTEXT',
    KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
    KAFKA_LOG_DIRS: dataDir(spec),
    KAFKA_NUM_PARTITIONS: '1',
    KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
    KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
    KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
    KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR: '1',
    KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR: '1',
    KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'true',
    CLUSTER_ID: spec.clusterId,
    // A dev broker: small heap, fast start, Kafka's G1 settings (as the local provider's JVM flags).
    KAFKA_HEAP_OPTS: '-Xms64m -Xmx512m',
    KAFKA_JVM_PERFORMANCE_OPTS: [
      ...KAFKA_GC_ARGS,
      '-XX:TieredStopAtLevel=1 -Xshare:auto -Djava.awt.headless=true',
    ].join(' '),
  };
  return Object.entries(vars).map(([k, v]) => `${k}=${v}`);
}

const POSTGRES_ARGS = [
  'postgres',
  '-c',
  'wal_level=logical',
  '-c',
  'max_replication_slots=20',
  '-c',
  'max_wal_senders=20',
];

/** What each service's image is told: its environment, and for PostgreSQL the command and stop signal. */
function serviceConfig(spec: ServiceSpec): Pick<Docker.ContainerCreateOptions, 'Env' | 'Cmd' | 'StopSignal'> {
  switch (spec.service) {
    case 'kafka':
      return { Env: kafkaEnv(spec) };
    case 'postgres':
      return {
        Env: [`POSTGRES_USER=${PG_USER}`, `POSTGRES_PASSWORD=${PG_PASSWORD}`, 'POSTGRES_DB=postgres'],
        Cmd: POSTGRES_ARGS,
        StopSignal: 'SIGINT',
      };
    case 'search':
      return { Env: searchContract(spec.image).env };
  }
}

/** The create-container body, with a config hash label computed over everything else. */
export function containerSpec(spec: ServiceSpec): Docker.ContainerCreateOptions {
  const net = networkName(spec.project);
  const port = `${CONTAINER_PORT[spec.service]}/tcp`;
  const body: Docker.ContainerCreateOptions = {
    name: containerName(spec.project, spec.service),
    Image: spec.image,
    Hostname: networkAlias(spec.service),
    ExposedPorts: { [port]: {} },
    HostConfig: {
      PortBindings: { [port]: [{ HostIp: '127.0.0.1', HostPort: String(spec.hostPort) }] },
      Mounts: [{ Type: 'volume', Source: volumeName(spec.project, spec.service), Target: dataDir(spec) }],
      NetworkMode: net,
      RestartPolicy: { Name: 'no' },
    },
    NetworkingConfig: { EndpointsConfig: { [net]: { Aliases: [networkAlias(spec.service)] } } },
    ...serviceConfig(spec),
  };
  const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  body.Labels = containerLabels(spec.project, spec.stateDir, spec.service, spec.image, hash);
  return body;
}

/** Docker's multiplexed log stream (8-byte frame headers) to text; plain text passes through. */
export function demuxLogs(buf: Buffer): string {
  const looksFramed = (b: Buffer, at: number): boolean =>
    b.length >= at + 8 && (b[at] ?? 9) <= 2 && b[at + 1] === 0 && b[at + 2] === 0 && b[at + 3] === 0;
  if (!looksFramed(buf, 0)) return buf.toString('utf8');
  const parts: Buffer[] = [];
  let at = 0;
  while (looksFramed(buf, at)) {
    const size = buf.readUInt32BE(at + 4);
    parts.push(buf.subarray(at + 8, at + 8 + size));
    at += 8 + size;
  }
  if (at < buf.length) parts.push(buf.subarray(at));
  return Buffer.concat(parts).toString('utf8');
}
