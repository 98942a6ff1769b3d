/**
 * Starts the genuine Apache Kafka Connect 4.4.0 worker (distributed mode) as a Java process, so the
 * compatibility tests and the benchmarks can play the same requests against it and against our runtime.
 * Jars come from Maven Central through lab-deps/connect/pom.xml; nothing of Connect is vendored.
 */
import { spawn, execFile } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const REAL_CONNECT_VERSION = '4.4.0';
const REPO_ROOT = resolve(__dirname, '..', '..');
const CONNECT_POM_DIR = join(REPO_ROOT, 'lab-deps', 'connect');

/**
 * 'stock' = the JVM flags of Kafka's bin/connect-distributed.sh (what people run; used by the bench).
 * 'fast' = quicker startup for tests (C1 only, serial GC, small heap); throughput is not measured with it.
 */
export type JvmProfile = 'stock' | 'fast';

export interface RealConnectOptions {
  bootstrapServers?: string;
  /** Unique by default; also prefixes the three internal topics. */
  groupId?: string;
  restPort?: number;
  /** Directories for plugin.path (e.g. ~/.cache/kafka-connect-lab/dev-debezium). Omitted → classpath plugins only. */
  pluginPath?: string[];
  offsetFlushIntervalMs?: number;
  jvmProfile?: JvmProfile;
  /** Extra/overriding worker properties. */
  workerProperties?: Record<string, string>;
  /** Where the worker properties, log4j2 config and log file go (a fresh temp dir by default). */
  workDir?: string;
  startupTimeoutMs?: number;
  /** Print "real Connect healthy after N ms" to stderr (default true). */
  logTiming?: boolean;
}

export interface RealConnectWorker {
  url: string;
  pid: number;
  logFile: string;
  workDir: string;
  groupId: string;
  internalTopics: { config: string; offset: string; status: string };
  /** Milliseconds from spawn until GET /health answered healthy. */
  startupMs: number;
  stop: () => Promise<void>;
}

export function defaultBootstrapServers(): string {
  return process.env.KCL_BOOTSTRAP_SERVERS ?? '127.0.0.1:19092';
}

/** The jar directory: KCL_REAL_CONNECT_JARS if set, else ~/.cache/kafka-connect-lab/connect-4.4.0 (resolved once by mvn). */
export async function resolveConnectJars(): Promise<string> {
  const override = process.env.KCL_REAL_CONNECT_JARS;
  if (override) return override;
  const dir = join(homedir(), '.cache', 'kafka-connect-lab', `connect-${REAL_CONNECT_VERSION}`);
  const marker = join(dir, '.resolved');
  if (existsSync(marker)) return dir;
  mkdirSync(dir, { recursive: true });
  await execFileAsync('mvn', ['-q', '-B', 'dependency:copy-dependencies', `-DoutputDirectory=${dir}`], {
    cwd: CONNECT_POM_DIR,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (!readdirSync(dir).some((f) => f.startsWith('connect-runtime-'))) {
    throw new Error(`mvn did not produce connect-runtime in ${dir}`);
  }
  await rebuildFileConnectorIfStale(dir);
  writeFileSync(marker, new Date().toISOString());
  return dir;
}

/**
 * Maven Central here serves connect-file only up to 4.3.1, whose connectors call
 * org.apache.kafka.common.utils.AppInfoParser; kafka-clients 4.4.0 moved that class to
 * ...common.utils.internals, so every FileStream config/validate/create fails with NoClassDefFoundError.
 * We recompile the published 4.3.1 sources against the 4.4.0 jars with only that import changed
 * (the same change Kafka made in 4.4.0), so the worker runs Apache's FileStream code unmodified otherwise.
 */
async function rebuildFileConnectorIfStale(dir: string): Promise<void> {
  const fileJar = readdirSync(dir).find((f) => /^connect-file-[\d.]+\.jar$/.test(f));
  const clientsJar = readdirSync(dir).find((f) => /^kafka-clients-[\d.]+\.jar$/.test(f));
  if (!fileJar || !clientsJar) return;
  const { stdout } = await execFileAsync('unzip', ['-l', join(dir, clientsJar)], {
    maxBuffer: 64 * 1024 * 1024,
  });
  if (stdout.includes('org/apache/kafka/common/utils/AppInfoParser.class')) return;
  const version = /^connect-file-([\d.]+)\.jar$/.exec(fileJar)?.[1] ?? '';
  await execFileAsync(
    'mvn',
    ['-q', '-B', 'dependency:get', `-Dartifact=org.apache.kafka:connect-file:${version}:jar:sources`],
    { cwd: CONNECT_POM_DIR },
  );
  const sourcesJar = join(
    homedir(),
    '.m2',
    'repository',
    'org',
    'apache',
    'kafka',
    'connect-file',
    version,
    `connect-file-${version}-sources.jar`,
  );
  const work = mkdtempSync(join(tmpdir(), 'kcl-connect-file-'));
  const src = join(work, 'src');
  const classes = join(work, 'classes');
  mkdirSync(classes);
  await execFileAsync('unzip', ['-q', '-o', sourcesJar, 'org/*.java', '-d', src]);
  const javaDir = join(src, 'org', 'apache', 'kafka', 'connect', 'file');
  const sources = readdirSync(javaDir)
    .filter((f) => f.endsWith('.java'))
    .map((f) => join(javaDir, f));
  for (const file of sources) {
    const text = readFileSync(file, 'utf8').replace(
      'import org.apache.kafka.common.utils.AppInfoParser;',
      'import org.apache.kafka.common.utils.internals.AppInfoParser;',
    );
    writeFileSync(file, text);
  }
  await execFileAsync('javac', ['--release', '17', '-nowarn', '-cp', `${dir}/*`, '-d', classes, ...sources]);
  await execFileAsync('unzip', ['-q', '-o', join(dir, fileJar), 'META-INF/services/*', '-d', classes]);
  const rebuilt = join(dir, `connect-file-${version}-rebuilt-for-clients-4.4.jar`);
  await execFileAsync('jar', ['cf', rebuilt, '-C', classes, '.']);
  mkdirSync(join(dir, 'replaced'), { recursive: true });
  renameSync(join(dir, fileJar), join(dir, 'replaced', fileJar));
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

function uniqueSuffix(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

const JVM_FLAGS: Record<JvmProfile, string[]> = {
  // KAFKA_HEAP_OPTS and KAFKA_JVM_PERFORMANCE_OPTS of bin/connect-distributed.sh / kafka-run-class.sh.
  stock: [
    '-Xms256M',
    '-Xmx2G',
    '-server',
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:InitiatingHeapOccupancyPercent=35',
    '-XX:+ExplicitGCInvokesConcurrent',
    '-XX:MaxInlineLevel=15',
    '-Djava.awt.headless=true',
  ],
  fast: [
    '-Xms64M',
    '-Xmx512M',
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-XX:-UsePerfData',
    '-Xshare:auto',
    '-Djava.awt.headless=true',
  ],
};

function log4j2Properties(logFile: string): string {
  return [
    'status = warn',
    'appender.file.type = File',
    'appender.file.name = FILE',
    `appender.file.fileName = ${logFile}`,
    'appender.file.layout.type = PatternLayout',
    'appender.file.layout.pattern = [%d] %p %m (%c:%L)%n',
    'rootLogger.level = INFO',
    'rootLogger.appenderRef.file.ref = FILE',
    'logger.reflections.name = org.reflections',
    'logger.reflections.level = ERROR',
    '',
  ].join('\n');
}

function propertiesText(props: Record<string, string>): string {
  // Backslashes and leading spaces are the only escapes our values can need (paths, URLs, names).
  return Object.entries(props)
    .map(([k, v]) => `${k}=${v.replace(/\\/g, '\\\\')}`)
    .join('\n');
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  // Never leave a JVM behind on a 2-core machine when a test aborts.
  for (const child of running) child.kill('SIGKILL');
});

async function waitHealthy(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const exit: { code: number | null } = { code: null };
  child.once('exit', (code) => {
    exit.code = code ?? -1;
  });
  let last = '';
  while (Date.now() < deadline) {
    if (exit.code !== null)
      throw new Error(`real Connect exited with ${exit.code} before healthy; see ${logFile}`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      last = `${res.status} ${await res.text()}`;
      if (res.status === 200) return;
    } catch (e) {
      last = String(e);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`real Connect not healthy after ${timeoutMs} ms (last: ${last}); see ${logFile}`);
}

export async function startRealConnect(options: RealConnectOptions = {}): Promise<RealConnectWorker> {
  const jars = await resolveConnectJars();
  const suffix = uniqueSuffix();
  const groupId = options.groupId ?? `kcl-real-connect-${suffix}`;
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), 'kcl-real-connect-'));
  mkdirSync(workDir, { recursive: true });
  const port = options.restPort ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const internalTopics = {
    config: `${groupId}-configs`,
    offset: `${groupId}-offsets`,
    status: `${groupId}-status`,
  };
  const props: Record<string, string> = {
    'bootstrap.servers': options.bootstrapServers ?? defaultBootstrapServers(),
    'group.id': groupId,
    'config.storage.topic': internalTopics.config,
    'offset.storage.topic': internalTopics.offset,
    'status.storage.topic': internalTopics.status,
    'config.storage.replication.factor': '1',
    'offset.storage.replication.factor': '1',
    'status.storage.replication.factor': '1',
    'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'key.converter.schemas.enable': 'true',
    'value.converter.schemas.enable': 'true',
    listeners: url,
    'rest.advertised.host.name': '127.0.0.1',
    'rest.advertised.port': String(port),
    'offset.flush.interval.ms': String(options.offsetFlushIntervalMs ?? 1000),
    ...(options.pluginPath?.length ? { 'plugin.path': options.pluginPath.join(',') } : {}),
    ...options.workerProperties,
  };
  const propsFile = join(workDir, 'connect-distributed.properties');
  writeFileSync(propsFile, propertiesText(props) + '\n');
  const logFile = join(workDir, 'connect.log');
  const log4jFile = join(workDir, 'connect-log4j2.properties');
  writeFileSync(log4jFile, log4j2Properties(logFile));

  const args = [
    ...JVM_FLAGS[options.jvmProfile ?? 'fast'],
    `-Dlog4j2.configurationFile=${log4jFile}`,
    '-cp',
    `${jars}/*`,
    'org.apache.kafka.connect.cli.ConnectDistributed',
    propsFile,
  ];
  const started = performance.now();
  const child = spawn('java', args, { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const console = createWriteStream(join(workDir, 'connect.stdout.log'));
  child.stdout?.pipe(console);
  child.stderr?.pipe(console);
  const exitPromise = new Promise<void>((r) => child.once('exit', () => r()));
  exitPromise.then(() => running.delete(child)).catch(() => undefined);

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exitPromise;
    clearTimeout(timer);
  };

  try {
    await waitHealthy(url, child, options.startupTimeoutMs ?? 120_000, logFile);
  } catch (e) {
    await stop();
    throw e;
  }
  const startupMs = Math.round(performance.now() - started);
  if (options.logTiming ?? true) process.stderr.write(`real Connect ${url} healthy after ${startupMs} ms\n`);
  if (child.pid === undefined) throw new Error('java did not start');
  return { url, pid: child.pid, logFile, workDir, groupId, internalTopics, startupMs, stop };
}
