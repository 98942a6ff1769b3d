/**
 * The Docker provider: Kafka and PostgreSQL (and with `up --search` the search engine) as
 * containers of one compose-labelled project on a Docker-compatible engine (Docker, Docker
 * Desktop, podman), data in named volumes, ports on 127.0.0.1; the Connect runtime runs beside
 * them as a process, as with the local provider.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type Docker from 'dockerode';
import { LabError } from '../errors';
import { connectAnswers, connectEntry, connectLogFile } from '../local/connect';
import { labHostsOf, upConnect } from '../local/connect-up';
import { kafkaAnswers, randomKafkaUuid } from '../local/kafka';
import { openSearchAnswers } from '../local/opensearch';
import { ensureDatabases, postgresAnswers, postgresUrl } from '../local/postgres';
import { PRODUCT } from '../paths';
import { isOurProcess, stopProcess } from '../processes';
import { isPortFree, pickFreePort } from '../ports';
import type { ClusterProvider, ProviderContext, ProviderUpOptions } from '../provider';
import { inspectStateDir, STATE_VERSION, writeState } from '../state-dir';
import type { LabState } from '../state-dir';
import type { ClusterStatus, ServiceName, ServiceState } from '../types';
import {
  containerLogTail,
  ensureContainer,
  inspectOrUndefined,
  statusCode,
  waitContainerReady,
} from './containers';
import { connectEngine } from './engine';
import type { Engine } from './engine';
import { ensureImage } from './images';
import {
  containerName,
  DOCKER_SERVICES,
  networkLabels,
  networkName,
  ownedFilter,
  projectName,
  STATE_DIR_LABEL,
  volumeLabels,
  volumeName,
} from './project';
import type { DockerService } from './project';
import { DEFAULT_SEARCH_IMAGE } from './search-image';
import { DEFAULT_KAFKA_IMAGE, DEFAULT_POSTGRES_IMAGE } from './services';

function providerMismatch(stateDir: string, provider: string): LabError {
  return new LabError(
    'PROVIDER_MISMATCH',
    `The cluster in ${stateDir} was created with the ${provider} provider.`,
    `Run lab down --state-dir ${stateDir} first (add --purge to drop its data), or use another --state-dir.`,
  );
}

async function ensureNetwork(docker: Docker, project: string, stateDir: string): Promise<void> {
  const name = networkName(project);
  try {
    await docker.getNetwork(name).inspect();
  } catch (e) {
    if (statusCode(e) !== 404) throw e;
    await docker.createNetwork({ Name: name, Driver: 'bridge', Labels: networkLabels(project, stateDir) });
  }
}

async function ensureVolume(
  docker: Docker,
  project: string,
  stateDir: string,
  service: DockerService,
): Promise<void> {
  const name = volumeName(project, service);
  try {
    await docker.getVolume(name).inspect();
  } catch (e) {
    if (statusCode(e) !== 404) throw e;
    await docker.createVolume({ Name: name, Labels: volumeLabels(project, stateDir, service) });
  }
}

function serviceLogFile(stateDir: string, service: ServiceName): string {
  return service === 'connect' ? connectLogFile(stateDir) : join(stateDir, 'logs', `${service}.log`);
}

export class DockerProvider implements ClusterProvider {
  readonly name = 'docker' as const;

  async precheck(ctx: ProviderContext): Promise<void> {
    const found = inspectStateDir(ctx.stateDir);
    if (found.kind === 'ours' && found.state.provider !== 'docker') {
      throw providerMismatch(ctx.stateDir, found.state.provider);
    }
    await connectEngine(ctx.env);
  }

  async up(ctx: ProviderContext, opts: ProviderUpOptions): Promise<ClusterStatus> {
    const { stateDir, env, progress } = ctx;
    const found = inspectStateDir(stateDir);
    if (found.kind === 'ours' && found.state.provider !== 'docker')
      throw providerMismatch(stateDir, found.state.provider);
    const engine = await connectEngine(env);
    progress(`lab: ${engine.product} at ${engine.address} (API ${engine.apiVersion})`);
    const launch = opts.connect ? connectEntry() : undefined;

    let st: LabState;
    if (found.kind === 'ours' && found.state.docker) {
      st = found.state;
    } else {
      const used = new Set<number>();
      const next = async (): Promise<number> => {
        const p = await pickFreePort(used);
        used.add(p);
        return p;
      };
      st = {
        product: PRODUCT,
        version: STATE_VERSION,
        provider: 'docker',
        createdAt: new Date().toISOString(),
        ports: { kafka: await next(), controller: 0, postgres: await next(), connect: await next() },
        kafka: { clusterId: randomKafkaUuid() },
        postgres: { dir: '' },
        connect: { url: null },
        processes: {},
        docker: {
          project: projectName(stateDir, env),
          kafkaImage: DEFAULT_KAFKA_IMAGE,
          postgresImage: DEFAULT_POSTGRES_IMAGE,
        },
      };
      progress(`lab: new cluster in ${stateDir} (compose project ${st.docker?.project ?? ''})`);
    }
    const dockerState = st.docker as NonNullable<LabState['docker']>;
    // Images: the option, else the environment, else what this state dir used last time.
    dockerState.kafkaImage = opts.kafkaImage ?? env.KCL_DOCKER_KAFKA_IMAGE ?? dockerState.kafkaImage;
    dockerState.postgresImage =
      opts.postgresImage ?? env.KCL_DOCKER_POSTGRES_IMAGE ?? dockerState.postgresImage;
    // The search engine: only with `up --search`; its port is picked once and remembered.
    const services: DockerService[] = [
      ...DOCKER_SERVICES,
      ...(opts.search === true ? ['search' as const] : []),
    ];
    if (opts.search === true) {
      dockerState.searchImage =
        opts.searchImage ?? env.KCL_DOCKER_SEARCH_IMAGE ?? dockerState.searchImage ?? DEFAULT_SEARCH_IMAGE;
      st.ports.search ??= await pickFreePort(new Set([st.ports.kafka, st.ports.postgres, st.ports.connect]));
    }
    writeState(stateDir, st);
    mkdirSync(join(stateDir, 'logs'), { recursive: true });
    const save = (): void => writeState(stateDir, st);
    const { docker } = engine;
    const project = dockerState.project;
    const images: Record<DockerService, string> = {
      kafka: dockerState.kafkaImage,
      postgres: dockerState.postgresImage,
      search: dockerState.searchImage ?? DEFAULT_SEARCH_IMAGE,
    };
    const hostPort = (service: DockerService): number => st.ports[service] ?? 0;

    // Containers found running are left as they were if this up fails; the others are removed.
    const reused = new Set<DockerService>();
    let connectStarted = false;
    try {
      for (const service of services) await ensureImage(docker, images[service], service, progress);
      await ensureNetwork(docker, project, stateDir);
      for (const service of services) await ensureVolume(docker, project, stateDir, service);
      const bootstrap = `127.0.0.1:${st.ports.kafka}`;
      const searchUrl = `http://127.0.0.1:${hostPort('search')}`;
      const address: Record<DockerService, string> = {
        kafka: bootstrap,
        postgres: `127.0.0.1:${st.ports.postgres}`,
        search: searchUrl,
      };
      const ready: Record<DockerService, [string, () => Promise<boolean>]> = {
        kafka: [`Kafka at ${bootstrap}`, () => kafkaAnswers(bootstrap, 2000)],
        postgres: [
          `PostgreSQL on 127.0.0.1:${st.ports.postgres}`,
          () => postgresAnswers(st.ports.postgres, 1000),
        ],
        search: [`The search engine at ${searchUrl}`, () => openSearchAnswers(searchUrl, 2000)],
      };
      // Both settle before anything is cleaned up, so a failure never races the other's start.
      let failed = false;
      const results = await Promise.allSettled(
        services.map(async (service) => {
          try {
            const outcome = await ensureContainer(
              docker,
              {
                project,
                stateDir,
                service,
                image: images[service],
                hostPort: hostPort(service),
                clusterId: st.kafka.clusterId,
              },
              isPortFree,
            );
            const name = containerName(project, service);
            if (outcome === 'reused') {
              reused.add(service);
              progress(`${service}: container ${name} already running`);
            } else {
              progress(
                `${service}: container ${name} ${outcome === 'created' ? 'created and started' : 'restarted'}`,
              );
            }
            const [what, answers] = ready[service];
            await waitContainerReady(
              docker,
              project,
              service,
              what,
              answers,
              // A search engine's JVM takes longer than Kafka to start, the more so on a busy machine.
              service === 'search' ? Math.max(opts.readyTimeoutMs, 240000) : opts.readyTimeoutMs,
              () => failed,
            );
            if (!failed) progress(`${service}: ready at ${address[service]}`);
          } catch (e) {
            failed = true;
            throw e;
          }
        }),
      );
      for (const r of results) if (r.status === 'rejected') throw r.reason;
      const created = await ensureDatabases(st.ports.postgres);
      if (created.length > 0) progress(`postgres: created databases ${created.join(', ')}`);
      if (launch) {
        connectStarted = await upConnect({
          launch,
          stateDir,
          st,
          bootstrap,
          // The lesson's host names (postgres, kafka, elasticsearch) → the published ports; docs/lessons.md.
          hosts: labHostsOf(st.ports),
          readyTimeoutMs: opts.readyTimeoutMs,
          progress,
          save,
        }).then((rec) => rec !== undefined);
      }
    } catch (e) {
      if (connectStarted && st.processes.connect) {
        await stopProcess(st.processes.connect, 'SIGTERM', 15000, 'connect').catch(() => undefined);
        delete st.processes.connect;
        st.connect.url = null;
      }
      for (const service of services) {
        if (reused.has(service)) continue;
        const name = containerName(project, service);
        const info = await inspectOrUndefined(docker, name).catch(() => undefined);
        if (!info || info.Config.Labels?.[STATE_DIR_LABEL] !== resolve(stateDir)) continue;
        progress(`${service}: removing the container after the failed start`);
        await this.saveLog(docker, stateDir, service, name);
        await docker
          .getContainer(name)
          .remove({ force: true })
          .catch(() => undefined);
      }
      save();
      throw e;
    }
    return this.status(ctx);
  }

  /** Keeps a container's output in logs/<service>.log before the container is removed. */
  private async saveLog(
    docker: Docker,
    stateDir: string,
    service: DockerService,
    name: string,
  ): Promise<void> {
    const text = await containerLogTail(docker, name);
    if (text) writeFileSync(serviceLogFile(stateDir, service), `${text}\n`);
  }

  async down(ctx: ProviderContext, opts: { purge: boolean }): Promise<void> {
    const { stateDir, progress, env } = ctx;
    const found = inspectStateDir(stateDir);
    if (found.kind !== 'ours') {
      progress(`lab: no cluster in ${stateDir}`);
      return;
    }
    const st = found.state;
    const rec = st.processes.connect;
    if (rec) {
      const result = await stopProcess(rec, 'SIGTERM', 15000, 'connect');
      if (result === 'stopped') progress(`connect: stopped (pid ${rec.pid})`);
      delete st.processes.connect;
    }
    st.connect.url = null;
    writeState(stateDir, st);
    const project = st.docker?.project ?? projectName(stateDir, env);
    const engine: Engine = await connectEngine(env);
    const { docker } = engine;
    const filters = ownedFilter(project, stateDir);
    const containers = await docker.listContainers({ all: true, filters });
    await Promise.all(
      containers.map(async (c) => {
        const service = c.Labels['com.docker.compose.service'] as DockerService | undefined;
        const name = (c.Names[0] ?? c.Id).replace(/^\//, '');
        if (service === 'kafka' || service === 'postgres' || service === 'search')
          await this.saveLog(docker, stateDir, service, name);
        await docker
          .getContainer(c.Id)
          .stop({ t: 30 })
          .catch(() => undefined);
        await docker.getContainer(c.Id).remove({ force: true });
        progress(`${service ?? name}: container ${name} removed`);
      }),
    );
    const networks = await docker.listNetworks({ filters });
    for (const n of networks) await docker.getNetwork(n.Id).remove();
    if (opts.purge) {
      const { Volumes } = await docker.listVolumes({ filters });
      for (const v of Volumes ?? []) {
        await docker.getVolume(v.Name).remove();
        progress(`lab: volume ${v.Name} removed`);
      }
      rmSync(stateDir, { recursive: true, force: true });
      progress(`lab: purged ${stateDir}`);
    }
  }

  async status(ctx: ProviderContext): Promise<ClusterStatus> {
    const found = inspectStateDir(ctx.stateDir);
    if (found.kind !== 'ours' || !found.state.docker) {
      return {
        kafka: { bootstrapServers: null, state: 'absent' },
        postgres: { url: null, state: 'absent' },
        connect: { url: null, state: 'absent' },
      };
    }
    const st = found.state;
    const project = found.state.docker.project;
    const bootstrap = `127.0.0.1:${st.ports.kafka}`;
    let docker: Docker | undefined;
    try {
      docker = (await connectEngine(ctx.env, 3000)).docker;
    } catch {
      docker = undefined;
    }
    const probe = async (service: DockerService, answers: () => Promise<boolean>): Promise<ServiceState> => {
      const info = docker
        ? await inspectOrUndefined(docker, containerName(project, service)).catch(() => undefined)
        : undefined;
      if (!info?.State.Running) return 'stopped';
      return (await answers()) ? 'running' : 'unresponsive';
    };
    const rec = st.processes.connect;
    const connectUrl = st.connect.url;
    const searchUrl = st.ports.search !== undefined ? `http://127.0.0.1:${st.ports.search}` : null;
    const [kafka, postgres, connect, search] = await Promise.all([
      probe('kafka', () => kafkaAnswers(bootstrap, 3000)),
      probe('postgres', () => postgresAnswers(st.ports.postgres, 3000)),
      rec && connectUrl && isOurProcess(rec)
        ? connectAnswers(connectUrl, 3000).then<ServiceState>((ok) => (ok ? 'running' : 'unresponsive'))
        : Promise.resolve<ServiceState>('stopped'),
      searchUrl
        ? probe('search', () => openSearchAnswers(searchUrl, 3000))
        : Promise.resolve<ServiceState>('absent'),
    ]);
    const connectLive = connect !== 'stopped';
    return {
      kafka: { bootstrapServers: bootstrap, state: kafka },
      postgres: { url: postgresUrl(st.ports.postgres), state: postgres },
      connect: connectLive
        ? { url: connectUrl, state: connect }
        : { url: null, state: connectEntry() !== undefined ? 'stopped' : 'absent' },
      search: { url: searchUrl, state: search },
    };
  }

  logFile(ctx: ProviderContext, service: ServiceName): string {
    return serviceLogFile(ctx.stateDir, service);
  }

  /** Kafka, PostgreSQL and the search engine: the live container's output, else what `down` saved. */
  async logs(ctx: ProviderContext, service: ServiceName): Promise<string | undefined> {
    if (service === 'connect') return undefined;
    const found = inspectStateDir(ctx.stateDir);
    const project = found.kind === 'ours' ? found.state.docker?.project : undefined;
    if (!project) return undefined;
    try {
      const { docker } = await connectEngine(ctx.env, 3000);
      const name = containerName(project, service);
      if (!(await inspectOrUndefined(docker, name))) return undefined;
      return `${await containerLogTail(docker, name)}\n`;
    } catch {
      return undefined;
    }
  }
}
