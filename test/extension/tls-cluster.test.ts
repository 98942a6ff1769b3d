/**
 * A Connect cluster over HTTPS: the real Connect worker's second listener (private CA, client
 * certificate required, Connect's `listeners.https.ssl.*` keys). With `ca`, `cert` and `key` set the
 * extension lists and deploys through it; without the CA, or without the client certificate, the
 * tree says the TLS handshake failed and what to set.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KafkaConnectLabApi } from '../../src/extension';
import type { TestManifest } from './helpers';
import { api, autoPrompts, manifest, waitFor } from './helpers';

describe('Kafka Connect Lab against a Connect cluster over HTTPS', function () {
  let lab: KafkaConnectLabApi;
  let m: TestManifest;
  let tls: NonNullable<TestManifest['tls']>;
  let saved: unknown[];
  const cfg = () => vscode.workspace.getConfiguration('kafkaConnectLab');

  before(async function () {
    m = manifest();
    // Only the launcher's own real worker has the HTTPS listener (not a KCL_EXT_CONNECT_URL cluster).
    if (!m.tls) this.skip();
    tls = m.tls;
    lab = await api();
    lab.setPrompts(autoPrompts());
    saved = cfg().get<unknown[]>('clusters') ?? [];
  });
  after(async () => {
    if (!m.tls) return;
    await cfg().update('clusters', saved, vscode.ConfigurationTarget.Workspace);
    lab.setPrompts(undefined);
  });

  /** The tree's message under the cluster once it matches (it says "Loading…" first). */
  const message = (clusterId: string, pattern: RegExp) =>
    waitFor(`a message matching ${String(pattern)} under ${clusterId}`, async () => {
      const children = await lab.tree.getChildren({ kind: 'cluster', clusterId });
      const msg = children.find((c) => c.kind === 'message');
      if (msg?.kind !== 'message') return undefined;
      if (!pattern.test(msg.text)) throw new Error(`message so far: ${msg.text}`);
      return msg.text;
    });

  it('with ca, cert and key: plugins listed and a connector deployed and RUNNING over HTTPS', async function () {
    this.timeout(180_000);
    const name = `tls-${m.suffix}`;
    await cfg().update(
      'clusters',
      [...saved, { name, url: tls.url, ca: tls.ca, cert: tls.cert, key: tls.key }],
      vscode.ConfigurationTarget.Workspace,
    );
    const id = `ext:${name}`;
    await waitFor('the HTTPS cluster reachable', () => {
      const s = lab.store.snapshot(id);
      return s && !s.error;
    });
    const client = lab.store.target(id)?.client;
    assert.ok(client, 'a REST client for the HTTPS cluster');
    assert.equal(client.baseUrl, tls.url);
    const plugins = await client.plugins(true);
    assert.ok(plugins.some((p) => p.class === 'org.apache.kafka.connect.file.FileStreamSourceConnector'));
    const connector = `kcl-ext-tls-${m.suffix}`;
    const doc = await vscode.workspace.openTextDocument({
      language: 'json',
      content: JSON.stringify({
        name: connector,
        config: {
          'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector',
          'tasks.max': '1',
          file: m.sourceInput,
          topic: `${m.topic}-tls`,
        },
      }),
    });
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('kafkaConnectLab.deployConnector', undefined, id);
    await waitFor(
      'RUNNING over HTTPS',
      () => lab.store.connector(id, connector)?.summary?.label === 'RUNNING · 1/1 task',
      60_000,
    );
    await vscode.commands.executeCommand('kafkaConnectLab.deleteConnector', { clusterId: id, connector });
    await waitFor('deleted', () => !lab.store.connector(id, connector), 30_000);
  });

  it('without the CA: the TLS handshake failure is named, with the setting to fix', async () => {
    const name = `tls-noca-${m.suffix}`;
    await cfg().update(
      'clusters',
      [...saved, { name, url: tls.url, cert: tls.cert, key: tls.key }],
      vscode.ConfigurationTarget.Workspace,
    );
    const text = await message(
      `ext:${name}`,
      /TLS handshake with .* failed \((SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)/,
    );
    assert.match(text, /Set "ca" to the PEM file/);
    assert.ok(text.includes(tls.url), text);
  });

  it('without the client certificate: the worker refuses the handshake and the message says so', async () => {
    const name = `tls-nocert-${m.suffix}`;
    await cfg().update(
      'clusters',
      [...saved, { name, url: tls.url, ca: tls.ca }],
      vscode.ConfigurationTarget.Workspace,
    );
    // TLS 1.3 reports the refusal after the handshake: an alert, or the connection reset.
    const text = await message(`ext:${name}`, /TLS handshake with .* failed|Cannot reach .*ECONNRESET/);
    assert.ok(text.includes(tls.url), text);
  });

  it('a CA path that does not exist: a settings error naming the file', async () => {
    const name = `tls-badpath-${m.suffix}`;
    await cfg().update(
      'clusters',
      [...saved, { name, url: tls.url, ca: '/nonexistent/kcl-ca.pem' }],
      vscode.ConfigurationTarget.Workspace,
    );
    await message(`ext:${name}`, /Cannot read the TLS files of .*kcl-ca\.pem.*ca\/cert\/key/);
  });
});
