import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { LabError } from './errors';
import { PRODUCT } from './paths';
import { PROVIDER_NAMES } from './types';
import type { ProviderName, ServiceName } from './types';

export const STATE_FILE = 'lab-state.json';
export const STATE_VERSION = 1;

/** Enough to recognise a process as the one we started, even after its pid is reused. */
export interface ProcessRecord {
  pid: number;
  /** Field 22 of /proc/<pid>/stat (clock ticks after boot): unique together with the pid. */
  startTime: string;
  /** argv as we spawned it. */
  cmdline: string[];
}

export interface LabPorts {
  kafka: number;
  controller: number;
  postgres: number;
  connect: number;
  /** The search engine's HTTP and transport ports, picked on the first `up --search`. */
  search?: number;
  searchTransport?: number;
}

export interface LabState {
  product: typeof PRODUCT;
  version: typeof STATE_VERSION;
  provider: ProviderName;
  createdAt: string;
  ports: LabPorts;
  kafka: { clusterId: string };
  /** Where the PostgreSQL data lives (inside the state dir unless the postgres OS user cannot reach it). */
  postgres: { dir: string };
  /** `labHosts`: the KCL_LAB_HOSTS the running runtime was started with (lab up restarts it when that changes). */
  connect: { url: string | null; labHosts?: string };
  /** Where the search engine's node lives (set on the first `up --search`). */
  search?: { dir: string };
  processes: Partial<Record<ServiceName, ProcessRecord>>;
  /** Docker provider: the compose project and the images of its containers. */
  docker?: DockerState;
  /** External provider: the addresses given to `up`. */
  external?: ExternalState;
}

export interface DockerState {
  project: string;
  kafkaImage: string;
  postgresImage: string;
  /** Set on the first `up --search`. */
  searchImage?: string;
}

export interface ExternalState {
  bootstrapServers: string;
  connectUrls: string[];
  postgresUrl: string | null;
  /** Basic auth for the Connect REST URLs (the state file is mode 600). */
  connectAuth: { username: string; password: string } | null;
}

export type StateDirContent = { kind: 'missing' } | { kind: 'empty' } | { kind: 'ours'; state: LabState };

function foreign(dir: string, why: string): LabError {
  return new LabError(
    'FOREIGN_STATE_DIR',
    `${dir} is not a kafka-connect-lab state dir (${why}); nothing was changed or deleted.`,
    'Pass another directory with --state-dir (or set KCL_STATE_DIR), or empty this one yourself if you are sure.',
  );
}

function corrupt(dir: string, why: string, cause?: unknown): LabError {
  return new LabError(
    'CORRUPT_STATE_DIR',
    `The state file ${join(dir, STATE_FILE)} cannot be used (${why}); nothing was changed or deleted.`,
    `Stop any lab processes by hand, then move ${dir} away (or use another --state-dir) and run up again.`,
    { cause },
  );
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isPort(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 65536;
}

function isProcessRecord(v: unknown): v is ProcessRecord {
  return (
    isRecord(v) &&
    typeof v.pid === 'number' &&
    typeof v.startTime === 'string' &&
    Array.isArray(v.cmdline) &&
    v.cmdline.every((a) => typeof a === 'string')
  );
}

function isDockerState(v: unknown): v is DockerState {
  return (
    isRecord(v) &&
    typeof v.project === 'string' &&
    typeof v.kafkaImage === 'string' &&
    typeof v.postgresImage === 'string'
  );
}

function isExternalState(v: unknown): v is ExternalState {
  return (
    isRecord(v) &&
    typeof v.bootstrapServers === 'string' &&
    Array.isArray(v.connectUrls) &&
    v.connectUrls.every((u) => typeof u === 'string') &&
    (v.postgresUrl === null || typeof v.postgresUrl === 'string') &&
    (v.connectAuth === null ||
      (isRecord(v.connectAuth) &&
        typeof v.connectAuth.username === 'string' &&
        typeof v.connectAuth.password === 'string'))
  );
}

/** Checks every field we rely on; anything else is a corrupted file. */
export function parseState(dir: string, text: string): LabState {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw corrupt(dir, 'not valid JSON', e);
  }
  if (!isRecord(raw)) throw corrupt(dir, 'not a JSON object');
  if (raw.product !== PRODUCT)
    throw foreign(dir, `its ${STATE_FILE} belongs to ${JSON.stringify(raw.product)}`);
  if (raw.version !== STATE_VERSION) {
    throw corrupt(dir, `state version ${JSON.stringify(raw.version)}, this lab understands ${STATE_VERSION}`);
  }
  const { ports, kafka, postgres, connect, processes } = raw;
  if (!(PROVIDER_NAMES as readonly unknown[]).includes(raw.provider))
    throw corrupt(dir, `unknown provider ${JSON.stringify(raw.provider)}`);
  if (raw.provider === 'docker' && !isDockerState(raw.docker)) throw corrupt(dir, 'docker section missing');
  if (raw.provider === 'external' && !isExternalState(raw.external))
    throw corrupt(dir, 'external section missing');
  // Ports this machine listens on: all four for local; docker has no controller port here (0);
  // external listens on nothing (all 0).
  const portOk = (v: unknown, allowZero: boolean): boolean => isPort(v) || (allowZero && v === 0);
  const ext = raw.provider === 'external';
  if (
    !isRecord(ports) ||
    !portOk(ports.kafka, ext) ||
    !portOk(ports.controller, raw.provider !== 'local') ||
    !portOk(ports.postgres, ext) ||
    !portOk(ports.connect, ext)
  ) {
    throw corrupt(dir, 'ports missing or invalid');
  }
  if (!isRecord(kafka) || typeof kafka.clusterId !== 'string') throw corrupt(dir, 'kafka.clusterId missing');
  if (!isRecord(postgres) || typeof postgres.dir !== 'string') throw corrupt(dir, 'postgres.dir missing');
  if (!isRecord(connect) || !(connect.url === null || typeof connect.url === 'string')) {
    throw corrupt(dir, 'connect.url missing');
  }
  if (!isRecord(processes)) throw corrupt(dir, 'processes missing');
  for (const [name, rec] of Object.entries(processes)) {
    if (!['kafka', 'postgres', 'connect', 'search'].includes(name) || !isProcessRecord(rec)) {
      throw corrupt(dir, `process entry ${JSON.stringify(name)} invalid`);
    }
  }
  return raw as unknown as LabState;
}

/** Looks at a state dir without changing anything. */
export function inspectStateDir(dir: string): StateDirContent {
  if (!existsSync(dir)) return { kind: 'missing' };
  if (!statSync(dir).isDirectory()) throw foreign(dir, 'not a directory');
  const file = join(dir, STATE_FILE);
  if (existsSync(file)) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw corrupt(dir, 'unreadable', e);
    }
    return { kind: 'ours', state: parseState(dir, text) };
  }
  // Our lock and an interrupted atomic write do not make a dir foreign.
  const files = readdirSync(dir).filter((f) => f !== '.lab.lock' && !f.startsWith(`.${STATE_FILE}.`));
  if (files.length === 0) return { kind: 'empty' };
  throw foreign(dir, `it has files but no ${STATE_FILE}`);
}

/** Atomic write (rename), so a crash never leaves a half-written state file. */
export function writeState(dir: string, state: LabState): void {
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${STATE_FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, join(dir, STATE_FILE));
}
