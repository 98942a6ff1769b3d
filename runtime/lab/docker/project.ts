/**
 * What the Docker provider creates, named and labelled as a Docker Compose project would be, so
 * `docker compose -p <project> ps` and Docker Desktop group them: containers `<project>-<service>-1`,
 * the network `<project>_default`, volumes `<project>_<service>-data`. An extra label records the
 * state dir, so `down` touches only what this state dir created.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { defaultStateDir } from '../paths';

export const DEFAULT_PROJECT = 'kafka-connect-lab';
/** Label with the absolute state dir that owns a resource. */
export const STATE_DIR_LABEL = 'dev.kafka-connect-lab.state-dir';
/** Compose's own version label (we write what compose v2 writes; tools only display it). */
const COMPOSE_VERSION = '2.29.0';

/** Always run: Kafka and PostgreSQL. `search` (the search engine) only with `up --search`. */
export const DOCKER_SERVICES = ['kafka', 'postgres'] as const;
export type DockerService = (typeof DOCKER_SERVICES)[number] | 'search';

/**
 * The compose project name: `kafka-connect-lab` for the default state dir, and
 * `kafka-connect-lab-<hash>` for any other (tests, benchmarks), so they never collide.
 * KCL_DOCKER_PROJECT overrides it.
 */
export function projectName(stateDir: string, env: NodeJS.ProcessEnv): string {
  if (env.KCL_DOCKER_PROJECT) return env.KCL_DOCKER_PROJECT;
  const dir = resolve(stateDir);
  if (dir === defaultStateDir(env)) return DEFAULT_PROJECT;
  return `${DEFAULT_PROJECT}-${createHash('sha256').update(dir).digest('hex').slice(0, 8)}`;
}

export const containerName = (project: string, service: DockerService): string => `${project}-${service}-1`;
export const networkName = (project: string): string => `${project}_default`;
export const volumeName = (project: string, service: DockerService): string => `${project}_${service}-data`;

function common(project: string, stateDir: string): Record<string, string> {
  return {
    'com.docker.compose.project': project,
    'com.docker.compose.version': COMPOSE_VERSION,
    [STATE_DIR_LABEL]: resolve(stateDir),
  };
}

export function containerLabels(
  project: string,
  stateDir: string,
  service: DockerService,
  image: string,
  configHash: string,
): Record<string, string> {
  return {
    ...common(project, stateDir),
    'com.docker.compose.service': service,
    'com.docker.compose.container-number': '1',
    'com.docker.compose.oneoff': 'False',
    'com.docker.compose.project.working_dir': resolve(stateDir),
    'com.docker.compose.project.config_files': '',
    'com.docker.compose.depends_on': '',
    'com.docker.compose.image': image,
    'com.docker.compose.config-hash': configHash,
  };
}

export function networkLabels(project: string, stateDir: string): Record<string, string> {
  return { ...common(project, stateDir), 'com.docker.compose.network': 'default' };
}

export function volumeLabels(
  project: string,
  stateDir: string,
  service: DockerService,
): Record<string, string> {
  return { ...common(project, stateDir), 'com.docker.compose.volume': `${service}-data` };
}

/** Label filters for list calls: this project, this state dir. */
export function ownedFilter(project: string, stateDir: string): { label: string[] } {
  return {
    label: [`com.docker.compose.project=${project}`, `${STATE_DIR_LABEL}=${resolve(stateDir)}`],
  };
}
