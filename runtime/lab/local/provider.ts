import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LabError } from '../errors';
import { checkPrerequisites } from '../prerequisites';
import type { Toolchain } from '../prerequisites';
import { isOurProcess, stopProcess } from '../processes';
import { isPortFree, pickFreePort } from '../ports';
import type { ClusterProvider, ProviderContext } from '../provider';
import { inspectStateDir, writeState, STATE_VERSION } from '../state-dir';
import type { LabPorts, LabState, ProcessRecord } from '../state-dir';
import type { ClusterStatus, ServiceName, ServiceState } from '../types';
import { PRODUCT } from '../paths';
import { connectAnswers, connectEntry, connectLogFile } from './connect';
import { labHostsOf, upConnect } from './connect-up';
import {
  formatKafkaStorage,
  kafkaAnswers,
  kafkaIsFormatted,
  kafkaPaths,
  randomKafkaUuid,
  startKafka,
  waitKafkaReady,
  writeKafkaConfig,
} from './kafka';
import { shareCdsArchive } from './kafka-cds';
import { checkKafkaHome, kafkaJarsNeedResolution, resolveKafkaJars } from './kafka-jars';
import {
  openSearchAnswers,
  openSearchDirFor,
  openSearchUser,
  ownsOpenSearchDir,
  runOpenSearch,
} from './opensearch';
import { openSearchJarsNeedResolution } from './opensearch-home';
import {
  ensureDatabases,
  initPostgres,
  ownsPostgresDir,
  postgresAnswers,
  postgresDirFor,
  postgresIsInitialized,
  postgresPaths,
  postgresUrl,
  startPostgres,
  waitPostgresReady,
} from './postgres';

function running(state: LabState, service: ServiceName): ProcessRecord | undefined {
  const rec = state.processes[service];
  return rec && isOurProcess(rec) ? rec : undefined;
}

async function pickPorts(): Promise<LabPorts> {
  const used = new Set<number>();
  const next = async (): Promise<number> => {
    const p = await pickFreePort(used);
    used.add(p);
    return p;
  };
  return { kafka: await next(), controller: await next(), postgres: await next(), connect: await next() };
}

/** Each remembered port of a service that is not running must be free (or someone else has it). */
async function checkPortsFree(
  stateDir: string,
  state: LabState,
  withConnect: boolean,
  withSearch = false,
): Promise<void> {
  const wanted: [string, number, ServiceName][] = [];
  if (!running(state, 'kafka')) {
    wanted.push(
      ['Kafka', state.ports.kafka, 'kafka'],
      ['the Kafka controller', state.ports.controller, 'kafka'],
    );
  }
  if (!running(state, 'postgres')) wanted.push(['PostgreSQL', state.ports.postgres, 'postgres']);
  if (withConnect && !running(state, 'connect')) wanted.push(['Connect', state.ports.connect, 'connect']);
  if (withSearch && !running(state, 'search') && state.ports.search !== undefined) {
    wanted.push(['the search engine', state.ports.search, 'search']);
    if (state.ports.searchTransport !== undefined)
      wanted.push(['the search engine transport', state.ports.searchTransport, 'search']);
  }
  for (const [what, port] of wanted) {
    if (!(await isPortFree(port))) {
      throw new LabError(
        'PORT_IN_USE',
        `Port ${port} on 127.0.0.1, remembered for ${what} in ${stateDir}, is taken by another process; nothing was started or deleted.`,
        `Find and stop that process (ss -ltnp 'sport = :${port}'), or use another --state-dir.`,
      );
    }
  }
}

/** The local provider: Kafka (KRaft) and PostgreSQL as processes of this machine, no Docker. */
export class LocalProvider implements ClusterProvider {
  readonly name = 'local' as const;

  async up(
    ctx: ProviderContext,
    opts: { connect: boolean; search?: boolean; readyTimeoutMs: number },
  ): Promise<ClusterStatus> {
    const { stateDir, env, progress } = ctx;
    const found = inspectStateDir(stateDir);
    let state = found.kind === 'ours' ? found.state : undefined;
    const launch = opts.connect ? connectEntry() : undefined;

    const kafkaUp = state ? running(state, 'kafka') : undefined;
    const searchUp = state ? running(state, 'search') : undefined;
    const needMaven =
      (!kafkaUp && kafkaJarsNeedResolution(env)) ||
      (opts.search === true && !searchUp && openSearchJarsNeedResolution(env));
    const tools: Toolchain = checkPrerequisites(env, needMaven);
    if (!kafkaUp) checkKafkaHome(env);

    if (state) {
      await checkPortsFree(stateDir, state, launch !== undefined, opts.search === true);
    } else {
      const ports = await pickPorts();
      state = {
        product: PRODUCT,
        version: STATE_VERSION,
        provider: 'local',
        createdAt: new Date().toISOString(),
        ports,
        kafka: { clusterId: randomKafkaUuid() },
        postgres: { dir: postgresDirFor(stateDir, tools.postgresUser) },
        connect: { url: null },
        processes: {},
      };
      // The state file is the first thing written: from now on the dir is recognisably ours.
      writeState(stateDir, state);
      progress(`lab: new cluster in ${stateDir}`);
    }
    const st: LabState = state;
    mkdirSync(join(stateDir, 'logs'), { recursive: true });
    const save = (): void => writeState(stateDir, st);

    // Processes this call started: stopped again if a later step fails, so a failed `up`
    // leaves nothing behind but the data.
    const startedHere: [ServiceName, ProcessRecord][] = [];
    try {
      // Both in parallel; wait for both to settle so a failure never races the other's start.
      const results = await Promise.allSettled([
        this.upKafka(ctx, st, tools, opts, save, startedHere),
        this.upPostgres(ctx, st, tools, opts, save, startedHere),
        ...(opts.search === true ? [this.upSearch(ctx, st, tools, opts, save, startedHere)] : []),
      ]);
      for (const r of results) if (r.status === 'rejected') throw r.reason;
      const created = await ensureDatabases(st.ports.postgres);
      if (created.length > 0) progress(`postgres: created databases ${created.join(', ')}`);
      if (launch) {
        const rec = await upConnect({
          launch,
          stateDir,
          st,
          bootstrap: `127.0.0.1:${st.ports.kafka}`,
          hosts: labHostsOf(st.ports),
          readyTimeoutMs: opts.readyTimeoutMs,
          progress,
          save,
        });
        if (rec) startedHere.push(['connect', rec]);
      }
    } catch (e) {
      for (const [service, rec] of startedHere.reverse()) {
        progress(`${service}: stopping after the failed start`);
        await stopProcess(rec, service === 'postgres' ? 'SIGINT' : 'SIGTERM', 15000, service).catch(
          () => undefined,
        );
        delete st.processes[service];
      }
      save();
      throw e;
    }
    return this.status(ctx);
  }

  private async upKafka(
    ctx: ProviderContext,
    st: LabState,
    tools: Toolchain,
    opts: { readyTimeoutMs: number },
    save: () => void,
    startedHere: [ServiceName, ProcessRecord][],
  ): Promise<void> {
    const { stateDir, env, progress } = ctx;
    const bootstrap = `127.0.0.1:${st.ports.kafka}`;
    if (running(st, 'kafka')) {
      progress(`kafka: already running at ${bootstrap}`);
      return;
    }
    const jars = await resolveKafkaJars(env, tools.mvn, progress);
    const paths = kafkaPaths(stateDir);
    writeKafkaConfig(paths, st.ports);
    if (!kafkaIsFormatted(paths)) {
      progress('kafka: formatting KRaft storage');
      await formatKafkaStorage(tools.java, jars.dir, paths, st.kafka.clusterId);
    }
    progress(`kafka: starting broker+controller on ${bootstrap}`);
    const rec = startKafka(env, tools.java, jars.dir, paths);
    st.processes.kafka = rec;
    startedHere.push(['kafka', rec]);
    save();
    await waitKafkaReady(bootstrap, rec, paths, opts.readyTimeoutMs);
    progress(`kafka: ready at ${bootstrap}`);
  }

  private async upPostgres(
    ctx: ProviderContext,
    st: LabState,
    tools: Toolchain,
    opts: { readyTimeoutMs: number },
    save: () => void,
    startedHere: [ServiceName, ProcessRecord][],
  ): Promise<void> {
    const { stateDir, progress } = ctx;
    if (running(st, 'postgres')) {
      progress(`postgres: already running on 127.0.0.1:${st.ports.postgres}`);
      return;
    }
    const paths = postgresPaths(stateDir, st.postgres.dir);
    if (!postgresIsInitialized(paths)) {
      progress(`postgres: initdb in ${paths.dataDir}`);
      await initPostgres(stateDir, tools.postgresBin, paths, tools.postgresUser);
    }
    progress(`postgres: starting on 127.0.0.1:${st.ports.postgres}`);
    const rec = startPostgres(tools.postgresBin, paths, st.ports.postgres, tools.postgresUser);
    st.processes.postgres = rec;
    startedHere.push(['postgres', rec]);
    save();
    await waitPostgresReady(st.ports.postgres, rec, paths, opts.readyTimeoutMs);
    progress(`postgres: ready on 127.0.0.1:${st.ports.postgres}`);
  }

  /** OpenSearch 2.19 (docs/elasticsearch-sink.md): its ports and node dir are remembered on first use. */
  private async upSearch(
    ctx: ProviderContext,
    st: LabState,
    tools: Toolchain,
    opts: { readyTimeoutMs: number },
    save: () => void,
    startedHere: [ServiceName, ProcessRecord][],
  ): Promise<void> {
    const { stateDir, env, progress } = ctx;
    if (running(st, 'search') && st.ports.search !== undefined) {
      progress(`search: already running at http://127.0.0.1:${st.ports.search}`);
      return;
    }
    if (st.ports.search === undefined || st.ports.searchTransport === undefined) {
      const used = new Set([st.ports.kafka, st.ports.controller, st.ports.postgres, st.ports.connect]);
      st.ports.search = await pickFreePort(used);
      used.add(st.ports.search);
      st.ports.searchTransport = await pickFreePort(used);
    }
    st.search ??= { dir: openSearchDirFor(stateDir, openSearchUser()) };
    save();
    const node = await runOpenSearch({
      stateDir,
      java: tools.java,
      mvn: tools.mvn,
      env,
      httpPort: st.ports.search,
      transportPort: st.ports.searchTransport,
      // OpenSearch takes longer than Kafka to start, the more so on a busy machine.
      readyTimeoutMs: Math.max(opts.readyTimeoutMs, 240000),
      progress,
      dir: st.search.dir,
      onStarted: (rec) => {
        st.processes.search = rec;
        startedHere.push(['search', rec]);
        save();
      },
    });
    st.processes.search = node.rec;
    save();
  }

  async down(ctx: ProviderContext, opts: { purge: boolean }): Promise<void> {
    const { stateDir, progress } = ctx;
    const found = inspectStateDir(stateDir);
    if (found.kind !== 'ours') {
      progress(`lab: no cluster in ${stateDir}`);
      return;
    }
    const st = found.state;
    const stop = async (service: ServiceName, sig: NodeJS.Signals, graceMs: number): Promise<void> => {
      const rec = st.processes[service];
      if (!rec) return;
      const result = await stopProcess(rec, sig, graceMs, service);
      if (result === 'stopped') progress(`${service}: stopped (pid ${rec.pid})`);
      delete st.processes[service];
      writeState(stateDir, st);
    };
    // Connect first: it is a client of Kafka. PostgreSQL's SIGINT is its "fast" shutdown.
    await stop('connect', 'SIGTERM', 15000);
    st.connect.url = null;
    await Promise.all([
      stop('kafka', 'SIGTERM', 30000),
      stop('postgres', 'SIGINT', 30000),
      stop('search', 'SIGTERM', 30000),
    ]);
    writeState(stateDir, st);
    shareCdsArchive(ctx.env, kafkaPaths(stateDir).dir);
    if (opts.purge) {
      if (
        existsSync(st.postgres.dir) &&
        !st.postgres.dir.startsWith(stateDir) &&
        ownsPostgresDir(stateDir, st.postgres.dir)
      ) {
        rmSync(st.postgres.dir, { recursive: true, force: true });
      }
      const searchDir = st.search?.dir;
      if (searchDir && !searchDir.startsWith(stateDir) && ownsOpenSearchDir(stateDir, searchDir)) {
        rmSync(searchDir, { recursive: true, force: true });
      }
      rmSync(stateDir, { recursive: true, force: true });
      progress(`lab: purged ${stateDir}`);
    }
  }

  async status(ctx: ProviderContext): Promise<ClusterStatus> {
    const found = inspectStateDir(ctx.stateDir);
    const launchable = connectEntry() !== undefined;
    if (found.kind !== 'ours') {
      return {
        kafka: { bootstrapServers: null, state: 'absent' },
        postgres: { url: null, state: 'absent' },
        connect: { url: null, state: 'absent' },
      };
    }
    const st = found.state;
    const bootstrap = `127.0.0.1:${st.ports.kafka}`;
    const probe = async (service: ServiceName, answers: () => Promise<boolean>): Promise<ServiceState> => {
      if (!running(st, service)) return 'stopped';
      return (await answers()) ? 'running' : 'unresponsive';
    };
    const connectUrl = st.connect.url;
    const searchUrl = st.ports.search !== undefined ? `http://127.0.0.1:${st.ports.search}` : null;
    const [kafka, postgres, connect, search] = await Promise.all([
      probe('kafka', () => kafkaAnswers(bootstrap, 3000)),
      probe('postgres', () => postgresAnswers(st.ports.postgres, 3000)),
      connectUrl
        ? probe('connect', () => connectAnswers(connectUrl, 3000))
        : Promise.resolve<ServiceState>('stopped'),
      searchUrl
        ? probe('search', () => openSearchAnswers(searchUrl, 3000))
        : Promise.resolve<ServiceState>('absent'),
    ]);
    const connectLive = connect === 'running' || connect === 'unresponsive';
    return {
      kafka: { bootstrapServers: bootstrap, state: kafka },
      postgres: { url: postgresUrl(st.ports.postgres), state: postgres },
      // "absent" while this build has no runtime to start (and none of ours is running).
      connect: connectLive
        ? { url: connectUrl, state: connect }
        : { url: null, state: launchable ? 'stopped' : 'absent' },
      search: { url: searchUrl, state: search },
    };
  }

  logFile(ctx: ProviderContext, service: ServiceName): string {
    if (service === 'connect') return connectLogFile(ctx.stateDir);
    return join(ctx.stateDir, 'logs', `${service}.log`);
  }
}
