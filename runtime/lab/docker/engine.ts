/**
 * Finding and checking the Docker-compatible engine: DOCKER_HOST (unix://, tcp:// with
 * DOCKER_TLS_VERIFY/DOCKER_CERT_PATH), else the first socket that exists among Docker's default,
 * Docker Desktop's, Rancher Desktop's, Colima's and podman's (rootful, rootless and the lab's own).
 */
import { existsSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { homedir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { LabError } from '../errors';

/** Oldest Docker Engine API this provider uses (Docker 20.10; podman 4 reports 1.41). */
export const MIN_API_VERSION = '1.41';

export interface Engine {
  docker: Docker;
  /** Where it was reached, for messages: a socket path or a tcp URL. */
  address: string;
  /** e.g. "Docker Engine 27.3.1" or "Podman Engine 4.3.1". */
  product: string;
  apiVersion: string;
}

/** Candidate sockets in the order they are tried when DOCKER_HOST is not set. */
export function defaultSockets(env: NodeJS.ProcessEnv): string[] {
  const home = env.HOME || homedir();
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const runtimeDir = env.XDG_RUNTIME_DIR || `/run/user/${uid}`;
  return [
    '/var/run/docker.sock',
    join(home, '.docker', 'run', 'docker.sock'),
    join(home, '.docker', 'desktop', 'docker.sock'),
    join(home, '.rd', 'docker.sock'),
    join(home, '.colima', 'default', 'docker.sock'),
    join(runtimeDir, 'podman', 'podman.sock'),
    '/run/podman/podman.sock',
    '/run/lab-podman.sock',
  ];
}

/** How to reach the engine, without contacting it. */
export function engineOptions(env: NodeJS.ProcessEnv): { options: Docker.DockerOptions; address: string } {
  const host = env.DOCKER_HOST?.trim();
  if (host) {
    if (host.startsWith('unix://')) {
      const socketPath = host.slice('unix://'.length);
      return { options: { socketPath }, address: socketPath };
    }
    if (host.startsWith('tcp://') || host.startsWith('http://') || host.startsWith('https://')) {
      const url = new URL(host.replace(/^tcp:/, 'http:'));
      const tls = host.startsWith('https://') || (env.DOCKER_TLS_VERIFY ?? '') !== '';
      const certs = env.DOCKER_CERT_PATH || join(env.HOME || homedir(), '.docker');
      const read = (f: string): Buffer | undefined =>
        tls && existsSync(join(certs, f)) ? readFileSync(join(certs, f)) : undefined;
      const ca = read('ca.pem');
      const cert = read('cert.pem');
      const key = read('key.pem');
      return {
        options: {
          host: url.hostname,
          port: Number(url.port || (tls ? 2376 : 2375)),
          protocol: tls ? 'https' : 'http',
          ...(ca ? { ca } : {}),
          ...(cert ? { cert } : {}),
          ...(key ? { key } : {}),
        },
        address: `${tls ? 'https' : 'tcp'}://${url.host}`,
      };
    }
    throw new LabError(
      'ENGINE_NOT_REACHABLE',
      `DOCKER_HOST=${host} is not a unix:// or tcp:// address this lab can use.`,
      'Set DOCKER_HOST to unix:///path/to/docker.sock or tcp://host:2375, or unset it.',
    );
  }
  const found = defaultSockets(env).find((s) => existsSync(s));
  const socketPath = found ?? '/var/run/docker.sock';
  return { options: { socketPath }, address: socketPath };
}

/** "1.41" < "1.43": compares dotted numbers. */
export function apiAtLeast(have: string, need: string): boolean {
  const a = have.split('.').map(Number);
  const b = need.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

function howToStart(address: string): string {
  return (
    'Start Docker (Docker Desktop, or `sudo systemctl start docker`), or podman ' +
    '(`podman system service --time=0 unix:///run/podman/podman.sock &`), and point DOCKER_HOST ' +
    `at its socket if it is not a default one (tried ${address}); or use --provider local.`
  );
}

/**
 * GET /_ping: fast on every engine (podman's /version spawns its runtimes and can take seconds on
 * a loaded machine); its Api-Version and Server headers say what we talk to.
 */
function ping(
  options: Docker.DockerOptions,
  timeoutMs: number,
): Promise<{ apiVersion: string | undefined; server: string | undefined }> {
  return new Promise((resolve, reject) => {
    const tls = options.protocol === 'https';
    const req = (tls ? httpsRequest : httpRequest)(
      {
        ...(options.socketPath
          ? { socketPath: options.socketPath }
          : { host: options.host, port: options.port }),
        ...(tls ? { ca: options.ca, cert: options.cert, key: options.key } : {}),
        path: '/_ping',
        method: 'GET',
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          if ((res.statusCode ?? 500) >= 400) {
            reject(new Error(`/_ping answered HTTP ${res.statusCode}`));
            return;
          }
          const header = (name: string): string | undefined => {
            const v = res.headers[name];
            return Array.isArray(v) ? v[0] : v;
          };
          resolve({ apiVersion: header('api-version'), server: header('server') });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/**
 * Connects and checks the API version (KCL_DOCKER_MIN_API overrides the minimum, e.g. for an
 * engine that reports a low version but works).
 */
export async function connectEngine(env: NodeJS.ProcessEnv, timeoutMs = 5000): Promise<Engine> {
  const { options, address } = engineOptions(env);
  let answer: { apiVersion: string | undefined; server: string | undefined };
  try {
    answer = await ping(options, timeoutMs);
  } catch (e) {
    throw new LabError(
      'ENGINE_NOT_REACHABLE',
      `No Docker engine answers at ${address} (${e instanceof Error ? e.message : String(e)}).`,
      howToStart(address),
      { cause: e },
    );
  }
  let apiVersion = answer.apiVersion;
  let product = answer.server?.replace(/\s*\(.*\)$/, '') ?? 'Docker engine';
  if (!apiVersion) {
    // Very old engines do not send Api-Version on /_ping.
    const v = await new Docker({ ...options, timeout: timeoutMs }).version();
    apiVersion = v.ApiVersion;
    product = `Docker Engine ${v.Version}`;
  }
  const minApi = env.KCL_DOCKER_MIN_API || MIN_API_VERSION;
  if (!apiAtLeast(apiVersion, minApi)) {
    throw new LabError(
      'ENGINE_TOO_OLD',
      `The engine at ${address} (${product}) speaks Docker API ${apiVersion}; the lab needs ${minApi} or newer.`,
      'Update Docker (20.10 or newer) or podman (4.0 or newer), or use --provider local.',
    );
  }
  // Every request then uses the version the engine speaks.
  return { docker: new Docker({ ...options, version: `v${apiVersion}` }), address, product, apiVersion };
}

/** True when an engine answers within `timeoutMs` (used to pick the default provider). */
export async function engineAnswers(env: NodeJS.ProcessEnv, timeoutMs = 1500): Promise<boolean> {
  try {
    const { options } = engineOptions(env);
    if (options.socketPath && !existsSync(options.socketPath)) return false;
    await ping(options, timeoutMs);
    return true;
  } catch {
    return false;
  }
}
