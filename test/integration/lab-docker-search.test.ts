/**
 * The Docker provider's search engine through a real Docker Engine API (podman's here, see
 * .ci/setup), on its own compose project and state dir: a lab running Kafka, PostgreSQL and the
 * runtime gets `up --search` → an Elasticsearch-image container (published on 127.0.0.1 only,
 * single node, security off, `elasticsearch` on the project network), the runtime restarted with
 * the `elasticsearch` host name → the published port; a document indexed and read back through
 * that port; status --json and logs; down removes it (volume kept), down --purge the volume.
 * Skipped, with the reason, when no engine answers or an image is missing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import type Docker from 'dockerode';
import { connectEngine } from '../../runtime/lab/docker/engine';
import { imagePresent } from '../../runtime/lab/docker/images';
import { containerName, networkName, projectName, volumeName } from '../../runtime/lab/docker/project';
import { DEFAULT_SEARCH_IMAGE } from '../../runtime/lab/docker/search-image';
import { DEFAULT_KAFKA_IMAGE, DEFAULT_POSTGRES_IMAGE } from '../../runtime/lab/docker/services';
import { connectEntry } from '../../runtime/lab/local/connect';
import { down, isLabError, logs, status, up } from '../../runtime/lab/index';
import type { LabState } from '../../runtime/lab/state-dir';
import type { ClusterStatus } from '../../runtime/lab/types';
import { searchApi } from '../support/search-engine';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'runtime', 'lab', 'cli.ts');
const READY_MS = 240_000;
const stateDir = mkdtempSync(join(tmpdir(), 'kcl-lab-docker-search-'));
chmodSync(stateDir, 0o755);
const env = { ...process.env };
delete env.KCL_STATE_DIR;
delete env.KCL_LAB_PROVIDER;
const project = projectName(stateDir, env);
const searchContainer = containerName(project, 'search');
const withConnect = connectEntry() !== undefined;

let docker: Docker | undefined;
let skipReason: string | undefined;
let withSearch: ClusterStatus;

function skipped(t: TestContext): boolean {
  if (skipReason === undefined) return false;
  t.skip(skipReason);
  return true;
}

function readState(): LabState {
  return JSON.parse(readFileSync(join(stateDir, 'lab-state.json'), 'utf8')) as LabState;
}

/** KCL_LAB_HOSTS as the live runtime process sees it. */
function labHostsOfPid(pid: number): Record<string, string> {
  const entry = readFileSync(`/proc/${pid}/environ`, 'utf8')
    .split('\0')
    .find((e) => e.startsWith('KCL_LAB_HOSTS='));
  assert.ok(entry, `pid ${pid} has no KCL_LAB_HOSTS`);
  return JSON.parse(entry.slice('KCL_LAB_HOSTS='.length)) as Record<string, string>;
}

async function volumeExists(name: string): Promise<boolean> {
  try {
    await docker?.getVolume(name).inspect();
    return true;
  } catch {
    return false;
  }
}

void describe('lab --provider docker --search', { concurrency: false }, () => {
  before(async () => {
    try {
      docker = (await connectEngine(env)).docker;
    } catch (e) {
      skipReason = `no Docker engine: ${isLabError(e) ? e.message : String(e)} (.ci/setup starts podman)`;
      return;
    }
    for (const image of [DEFAULT_KAFKA_IMAGE, DEFAULT_POSTGRES_IMAGE, DEFAULT_SEARCH_IMAGE]) {
      if (!(await imagePresent(docker, image))) {
        skipReason = `image ${image} is missing and no registry is reachable: run bash test/support/images/podman-setup.sh`;
        return;
      }
    }
  });

  after(async () => {
    if (existsSync(stateDir)) await down({ stateDir, env, purge: true }).catch(() => undefined);
    rmSync(stateDir, { recursive: true, force: true });
  });

  void it('up --search on a running lab: the engine container, and the runtime gets elasticsearch', async (t) => {
    if (skipped(t)) return;
    const plain = await up({ stateDir, env, provider: 'docker', readyTimeoutMs: READY_MS });
    assert.deepEqual(plain.search, { url: null, state: 'absent' });
    const pidBefore = readState().processes.connect?.pid;
    if (withConnect) {
      assert.ok(pidBefore);
      assert.equal(labHostsOfPid(pidBefore).elasticsearch, undefined);
    }

    const lines: string[] = [];
    withSearch = await up({
      stateDir,
      env,
      provider: 'docker',
      search: true,
      readyTimeoutMs: READY_MS,
      onProgress: (l) => lines.push(l),
    });
    const st = readState();
    assert.ok(st.ports.search);
    const url = `http://127.0.0.1:${st.ports.search}`;
    assert.deepEqual(withSearch, { ...plain, search: { url, state: 'running' } });
    const text = lines.join('\n');
    assert.match(text, /kafka: container .* already running/);
    assert.match(text, new RegExp(`search: container ${searchContainer} created and started`));
    assert.equal(st.docker?.searchImage, DEFAULT_SEARCH_IMAGE);

    const info = await docker!.getContainer(searchContainer).inspect();
    assert.equal(info.Config.Image, DEFAULT_SEARCH_IMAGE);
    assert.equal(info.Config.Labels['com.docker.compose.service'], 'search');
    assert.equal(info.Config.Labels['com.docker.compose.project'], project);
    // Only 9200, only on 127.0.0.1 (podman lists the image's other exposed port, 9300, as null: not published).
    const bindings = Object.values(
      (info.HostConfig.PortBindings ?? {}) as Record<string, { HostIp: string; HostPort: string }[] | null>,
    )
      .flat()
      .filter((b) => b !== null);
    assert.deepEqual(bindings, [{ HostIp: '127.0.0.1', HostPort: String(st.ports.search) }]);
    for (const setting of ['discovery.type=single-node', 'xpack.security.enabled=false'])
      assert.ok(info.Config.Env.includes(setting), `${setting} in ${info.Config.Env.join(' ')}`);
    const endpoint = info.NetworkSettings.Networks[networkName(project)] as
      { Aliases?: string[] } | undefined;
    assert.ok(endpoint?.Aliases?.includes('elasticsearch'), JSON.stringify(endpoint));

    if (withConnect) {
      assert.match(text, /connect: restarting the runtime at .*elasticsearch → 127\.0\.0\.1:\d+/);
      const pid = st.processes.connect?.pid;
      assert.ok(pid);
      assert.notEqual(pid, pidBefore);
      assert.equal(labHostsOfPid(pid).elasticsearch, `127.0.0.1:${st.ports.search}`);
    }
  });

  void it('a document indexed through the published port is found again', async (t) => {
    if (skipped(t)) return;
    const url = withSearch.search?.url ?? '';
    const put = await searchApi(url, 'PUT', '/lab-docker-search/_doc/1?refresh=true', { name: 'Laptop' });
    assert.equal(put.status, 201, JSON.stringify(put.body));
    const got = await searchApi(url, 'GET', '/lab-docker-search/_doc/1');
    assert.equal(got.status, 200);
    assert.deepEqual(got.body._source, { name: 'Laptop' });
    const found = await searchApi(url, 'POST', '/lab-docker-search/_search', {
      query: { match: { name: 'laptop' } },
    });
    assert.equal((found.body.hits as { total: { value: number } }).total.value, 1);
    // Security off: plain HTTP without credentials (the request above), and a single node.
    const health = await searchApi(url, 'GET', '/_cluster/health');
    assert.equal(health.body.number_of_nodes, 1);
  });

  void it('status --json through the CLI lists search; lab logs search shows the node', async (t) => {
    if (skipped(t)) return;
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', CLI, 'status', '--json', '--state-dir', stateDir],
      {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), withSearch);
    assert.match(await logs('search', { stateDir, env }), /started/);
  });

  void it('up --search again reuses the container and the runtime', async (t) => {
    if (skipped(t)) return;
    const pid = readState().processes.connect?.pid;
    const lines: string[] = [];
    const again = await up({
      stateDir,
      env,
      provider: 'docker',
      search: true,
      onProgress: (l) => lines.push(l),
    });
    assert.deepEqual(again, withSearch);
    assert.match(lines.join('\n'), /search: container .* already running/);
    assert.doesNotMatch(lines.join('\n'), /restarting the runtime/);
    assert.equal(readState().processes.connect?.pid, pid);
  });

  void it('down removes the search container (its volume stays); down --purge the volume', async (t) => {
    if (skipped(t)) return;
    await down({ stateDir, env });
    const left = await docker!.listContainers({
      all: true,
      filters: { label: [`dev.kafka-connect-lab.state-dir=${resolve(stateDir)}`] },
    });
    assert.deepEqual(left, []);
    assert.ok(await volumeExists(volumeName(project, 'search')));
    const s = await status({ stateDir, env });
    assert.deepEqual(s.search, { url: withSearch.search?.url, state: 'stopped' });
    // The container's output was kept for `lab logs search`.
    assert.match(await logs('search', { stateDir, env }), /started/);
    await down({ stateDir, env, purge: true });
    assert.equal(await volumeExists(volumeName(project, 'search')), false);
    assert.equal(existsSync(stateDir), false);
  });
});
