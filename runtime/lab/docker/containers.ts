/** Container life cycle helpers: find ours, create/start/reuse, wait for readiness, logs. */
import type Docker from 'dockerode';
import { LabError } from '../errors';
import { sleep } from '../processes';
import { containerName, STATE_DIR_LABEL } from './project';
import type { DockerService } from './project';
import { containerSpec, demuxLogs } from './services';
import type { ServiceSpec } from './services';

export function statusCode(e: unknown): number | undefined {
  return (e as { statusCode?: number }).statusCode;
}

export async function inspectOrUndefined(
  docker: Docker,
  name: string,
): Promise<Docker.ContainerInspectInfo | undefined> {
  try {
    return await docker.getContainer(name).inspect();
  } catch (e) {
    if (statusCode(e) === 404) return undefined;
    throw e;
  }
}

/** The last `lines` lines of a container's output ('' when it has none or is gone). */
export async function containerLogTail(docker: Docker, name: string, lines?: number): Promise<string> {
  try {
    const buf = (await docker
      .getContainer(name)
      .logs({ stdout: true, stderr: true, follow: false, ...(lines ? { tail: lines } : {}) })) as unknown;
    const text = Buffer.isBuffer(buf) ? demuxLogs(buf) : String(buf);
    return text.trimEnd();
  } catch {
    return '';
  }
}

function portTaken(port: number, service: string, why: string): LabError {
  return new LabError(
    'PORT_IN_USE',
    `Port ${port} on 127.0.0.1, chosen for ${service}, is taken by another process (${why}); nothing was deleted.`,
    `Find and stop that process (ss -ltnp 'sport = :${port}'), or use another --state-dir.`,
  );
}

export type Outcome = 'reused' | 'started' | 'created';

/**
 * Makes the service's container run with exactly this spec: a running container with the same
 * config hash is reused, a stopped one restarted, a different one replaced (the volume stays).
 * A container with our name that another state dir (or someone else) created is never touched.
 */
export async function ensureContainer(
  docker: Docker,
  spec: ServiceSpec,
  portFree: (port: number) => Promise<boolean>,
): Promise<Outcome> {
  const body = containerSpec(spec);
  const name = containerName(spec.project, spec.service);
  let info = await inspectOrUndefined(docker, name);
  if (info) {
    const labels = info.Config.Labels ?? {};
    if (labels[STATE_DIR_LABEL] !== body.Labels?.[STATE_DIR_LABEL]) {
      throw new LabError(
        'START_FAILED',
        `A container named ${name} exists that this state dir did not create (${labels[STATE_DIR_LABEL] ?? 'no lab label'}); it was left alone.`,
        `Remove or rename it (docker rm -f ${name}), or set KCL_DOCKER_PROJECT to another project name.`,
      );
    }
    const same = labels['com.docker.compose.config-hash'] === body.Labels?.['com.docker.compose.config-hash'];
    if (same && info.State.Running) return 'reused';
    if (!same) {
      await docker.getContainer(name).remove({ force: true });
      info = undefined;
    }
  }
  if (!(await portFree(spec.hostPort))) throw portTaken(spec.hostPort, spec.service, 'checked before start');
  if (!info) await docker.createContainer(body);
  try {
    await docker.getContainer(name).start();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/address already in use|port is already allocated/i.test(msg))
      throw portTaken(spec.hostPort, spec.service, msg);
    throw new LabError(
      'START_FAILED',
      `The engine could not start ${name}: ${msg}`,
      `See: docker logs ${name}`,
      {
        cause: e,
      },
    );
  }
  return info ? 'started' : 'created';
}

/**
 * Polls `answers` until it succeeds; fails with the container's last log lines as soon as the
 * container stops running.
 */
export async function waitContainerReady(
  docker: Docker,
  project: string,
  service: DockerService,
  what: string,
  answers: () => Promise<boolean>,
  timeoutMs: number,
  abandoned: () => boolean = () => false,
): Promise<void> {
  const name = containerName(project, service);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // Another service already failed this up: stop waiting (its error is the one reported).
    if (abandoned()) return;
    const info = await inspectOrUndefined(docker, name);
    if (!info?.State.Running) {
      const tail = await containerLogTail(docker, name, 20);
      throw new LabError(
        'START_FAILED',
        `The ${service} container ${name} exited during startup (exit code ${info?.State.ExitCode ?? '?'}). Last log lines:\n${tail}`,
        `See the whole log with: lab logs ${service} (or docker logs ${name})`,
      );
    }
    if (await answers()) return;
    await sleep(250);
  }
  throw new LabError(
    'NOT_READY',
    `${what} did not answer within ${Math.round(timeoutMs / 1000)} s.`,
    `See the log with: lab logs ${service}`,
  );
}
