/**
 * Issue 7: the Clusters tree's local cluster when the lab uses the external provider and that
 * Connect sits behind basic auth. The extension's own steps, minus VS Code: settings → lab `up`
 * (external) → lab status → the local client (src/lab/local-client.ts with localConnectAuth) →
 * what the tree, CodeLens and commands ask of it, through a real basic-auth proxy in front of our
 * real runtime on the launcher's broker. Before the fix the client had no credentials: 401.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { down, up } from '../../runtime/lab/index';
import { labUpSettings, localConnectAuth } from '../../src/config/lab-options';
import { readSettings } from '../../src/config/settings';
import { RestConnectClient } from '../../src/connect-client/connect-client';
import { ExtensionError } from '../../src/errors';
import { localClientOptions } from '../../src/lab/local-client';
import { buildConnectorViews } from '../../src/model/tree-model';
import { basicAuthProxy } from '../support/basic-auth-proxy';
import { testCluster, uniqueName } from '../support/cluster';
import { startRuntimeProcess } from '../support/runtime-process';
import type { RuntimeProcess } from '../support/runtime-process';

const USER = 'connect-ops';
const PASSWORD = 'n0t-in-any-log-7';

void describe('local cluster = external Connect behind basic auth', () => {
  const cluster = testCluster();
  const root = mkdtempSync(join(tmpdir(), 'kcl-local-auth-'));
  const env = { ...process.env };
  delete env.KCL_STATE_DIR;
  let runtime: RuntimeProcess | undefined;
  let proxy: Server | undefined;
  let proxyUrl = '';
  let target = '';

  before(async () => {
    if (process.env.KCL_CONNECT_URL) target = process.env.KCL_CONNECT_URL;
    else {
      runtime = await startRuntimeProcess({ bootstrapServers: cluster.bootstrapServers });
      target = runtime.url;
    }
    const p = await basicAuthProxy(target, USER, PASSWORD);
    proxy = p.server;
    proxyUrl = p.url;
  });

  after(async () => {
    proxy?.close();
    await runtime?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  void it('tree listing, deploy, status and delete go through with the stored password', async () => {
    const values: Record<string, unknown> = {
      'lab.provider': 'external',
      'lab.external.bootstrapServers': cluster.bootstrapServers,
      'lab.external.connectUrls': [`${proxyUrl}/`],
      'lab.external.connectUsername': USER,
    };
    const settings = readSettings((k) => values[k]);
    const stateDir = join(root, 'state');
    const lines: string[] = [];
    // LocalClusterController.start: up with the settings and the SecretStorage password.
    const status = await up({
      stateDir,
      env,
      onProgress: (l) => lines.push(l),
      ...labUpSettings(settings, { connectPassword: PASSWORD }),
    });
    try {
      assert.equal(status.connect.state, 'running');
      const url = status.connect.url!;
      assert.equal(url, proxyUrl, 'the status URL carries no credentials');
      // LocalClusterController.apply → ClusterStore.setLocal: the client with the external auth.
      const auth = localConnectAuth(settings, url, PASSWORD);
      assert.deepEqual(auth, { username: USER, password: PASSWORD });
      const client = new RestConnectClient(localClientOptions(url, auth));

      const name = uniqueName('auth-src');
      const file = join(root, 'in.txt');
      writeFileSync(file, 'a\nb\n');
      const topic = uniqueName('auth_topic');
      await client.create({ name, config: { 'connector.class': 'FileStreamSource', file, topic } });
      const views = await waitFor(async () => {
        const v = buildConnectorViews(await client.listExpanded());
        return v.find((c) => c.name === name && c.status?.tasks.length === 1) ? v : undefined;
      });
      assert.ok(views.some((c) => c.name === name));
      assert.equal((await client.getStatus(name)).connector.state, 'RUNNING');
      await client.pause(name);
      await client.resume(name);
      await client.delete(name);
      assert.equal(await client.exists(name), false);

      // The old wiring (no credentials) is refused by the proxy, with what to do next.
      const bare = new RestConnectClient(localClientOptions(url, undefined));
      await assert.rejects(bare.listExpanded(), (e: unknown) => {
        assert.ok(e instanceof ExtensionError);
        assert.equal(e.httpStatus, 401);
        assert.match(e.nextStep ?? '', /lab\.external\.connectUsername.*lab\.external\.connectPassword/);
        assert.ok(!e.message.includes(PASSWORD));
        return true;
      });
      // A wrong stored password: 401 too; the password is in no message.
      const wrong = new RestConnectClient(localClientOptions(url, { username: USER, password: 'nope' }));
      await assert.rejects(
        wrong.serverInfo(),
        (e: unknown) => e instanceof ExtensionError && e.httpStatus === 401,
      );
      assert.ok(!JSON.stringify(status).includes(PASSWORD));
      assert.ok(!lines.join('\n').includes(PASSWORD));
    } finally {
      await down({ stateDir, env, onProgress: () => undefined });
    }
  });
});

async function waitFor<T>(get: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 500));
  }
}
