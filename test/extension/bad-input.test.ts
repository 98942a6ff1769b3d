/**
 * Bad input ends in a clear message naming the cause and the next step: never an unhandled
 * rejection or a spinner that never ends.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { KafkaConnectLabApi } from '../../src/extension';
import { api, autoPrompts, codeLensTitles, commandError, manifest, openFile, waitFor } from './helpers';
import type { TestManifest } from './helpers';

describe('Kafka Connect Lab on bad input', function () {
  let lab: KafkaConnectLabApi;
  let m: TestManifest;

  before(async () => {
    m = manifest();
    lab = await api();
    lab.setPrompts(autoPrompts());
  });
  after(() => lab?.setPrompts(undefined));

  it('a malformed JSON file: the message says it is not valid JSON', async () => {
    await openFile(m.files.malformed);
    const err = await commandError('kafkaConnectLab.deployConnector');
    assert.match(String(err), /not valid JSON/);
    assert.match(String(err), /Fix the syntax/);
    const lenses = await codeLensTitles(m.files.malformed);
    assert.equal(lenses.length, 1);
    assert.match(lenses[0] ?? '', /not valid JSON/, 'the CodeLens names the problem');
  });

  it('a file without connector.class: the message names the missing key and an example', async () => {
    const err = await commandError('kafkaConnectLab.deployConnector', vscode.Uri.file(m.files.noClass));
    assert.match(String(err), /no "connector.class"/);
    assert.deepEqual(await codeLensTitles(m.files.noClass), [], 'no lenses on JSON that is not a connector');
  });

  it('a missing secret: the message says which one and how to store it', async () => {
    const err = await commandError(
      'kafkaConnectLab.deployConnector',
      vscode.Uri.file(m.files.secret),
      `ext:${m.clusterName}`,
    );
    assert.match(String(err), /not stored yet: kcl\.test\./);
    assert.match(String(err), /Store Secret/);
  });

  it("Connect rejects the config: Connect's own message reaches the user", async () => {
    const err = await commandError(
      'kafkaConnectLab.validateConnector',
      vscode.Uri.file(m.files.noTopic),
      `ext:${m.clusterName}`,
    );
    // Validation answers 200 with error_count; the deploy path surfaces the 400 text.
    assert.equal(err, undefined);
    const deployErr = await commandError(
      'kafkaConnectLab.deployConnector',
      vscode.Uri.file(m.files.noTopic),
      `ext:${m.clusterName}`,
    );
    assert.match(String(deployErr), /Connector configuration is invalid/);
    const diags = vscode.languages.getDiagnostics(vscode.Uri.file(m.files.noTopic));
    assert.ok(
      diags.some((d) => /topic/.test(d.message)),
      diags.map((d) => d.message).join(' | '),
    );
  });

  it('an unreachable cluster: the tree says it cannot be reached, with the URL', async () => {
    const cfg = vscode.workspace.getConfiguration('kafkaConnectLab');
    const clusters = cfg.get<unknown[]>('clusters') ?? [];
    await cfg.update(
      'clusters',
      [...clusters, { name: 'nowhere', url: m.unreachableUrl }],
      vscode.ConfigurationTarget.Workspace,
    );
    try {
      const message = await waitFor('unreachable message', async () => {
        const children = await lab.tree.getChildren({ kind: 'cluster', clusterId: 'ext:nowhere' });
        const msg = children.find((c) => c.kind === 'message');
        return msg?.kind === 'message' && /Cannot reach/.test(msg.text) ? msg.text : undefined;
      });
      assert.ok(message.includes(m.unreachableUrl), message);
      const err = await commandError('kafkaConnectLab.pauseConnector', {
        clusterId: 'ext:nowhere',
        connector: 'x',
      });
      assert.match(String(err), /Cannot reach nowhere/);
      assert.match(String(err), /Check that the cluster is running/);
    } finally {
      await cfg.update('clusters', clusters, vscode.ConfigurationTarget.Workspace);
    }
  });
});
