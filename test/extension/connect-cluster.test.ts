/**
 * The extension driving a real Kafka Connect cluster (the real Connect 4.4.0 worker or our
 * runtime, whichever the launcher started): deploy from workspace files, see states in the tree
 * and the CodeLens, the status-bar quick pick, pause/resume, recover a failed task, restart one task,
 * offsets (reset, and the interactive alter flow), delete.
 */
import * as assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as vscode from 'vscode';
import type { KafkaConnectLabApi } from '../../src/extension';
import { api, autoPrompts, codeLensTitles, commandError, manifest, openFile, waitFor } from './helpers';
import type { TestManifest } from './helpers';

describe('Kafka Connect Lab against a real Connect cluster', function () {
  let lab: KafkaConnectLabApi;
  let m: TestManifest;
  let clusterId: string;

  const state = (name: string) => lab.store.connector(clusterId, name)?.summary?.label;
  const rootItems = async () => {
    const roots = await lab.tree.getChildren();
    return roots.map((n) => ({ node: n, item: lab.tree.getTreeItem(n) }));
  };
  const connectorItems = async () => {
    const children = await lab.tree.getChildren({ kind: 'cluster', clusterId });
    return children
      .filter((n) => n.kind === 'connector')
      .map((n) => ({ node: n, item: lab.tree.getTreeItem(n) }));
  };

  before(async function () {
    m = manifest();
    lab = await api();
    lab.setPrompts(autoPrompts());
    clusterId = `ext:${m.clusterName}`;
    await waitFor(
      'the configured cluster in the store',
      () => lab.store.snapshot(clusterId) && !lab.store.snapshot(clusterId)?.error,
    );
  });

  after(() => lab?.setPrompts(undefined));

  it('shows the configured cluster in the Clusters view, reachable', async () => {
    const roots = await rootItems();
    const cluster = roots.find((r) => r.item.label === m.clusterName);
    assert.ok(cluster, `cluster ${m.clusterName} in ${JSON.stringify(roots.map((r) => r.item.label))}`);
    assert.notEqual(cluster.item.description, 'unreachable');
    const children = await lab.tree.getChildren(cluster.node);
    assert.ok(
      children.some((c) => c.kind === 'plugins'),
      'a Plugins node per cluster',
    );
  });

  it('lists the plugins from GET /connector-plugins?connectorsOnly=false', async () => {
    const groups = await lab.tree.getChildren({ kind: 'plugins', clusterId });
    const types = groups.map((g) => (g.kind === 'plugin-group' ? g.type : ''));
    assert.ok(types.includes('source') && types.includes('sink'), `plugin groups: ${types.join(',')}`);
    assert.ok(
      types.includes('transformation') || types.includes('converter'),
      'non-connector plugins are listed too',
    );
    const sources = groups.find((g) => g.kind === 'plugin-group' && g.type === 'source');
    const classes = sources?.kind === 'plugin-group' ? sources.plugins.map((p) => p.class) : [];
    assert.ok(classes.includes('org.apache.kafka.connect.file.FileStreamSourceConnector'), classes.join(','));
  });

  it('the status bar action (kafkaConnectLab.clusterActions) offers the cluster actions in a quick pick and runs the pick', async () => {
    const offered: string[] = [];
    const before = lab.store.snapshot(clusterId)?.loadedAt ?? 0;
    lab.setPrompts({
      ...autoPrompts(),
      pick: (items, placeHolder) => {
        offered.push(placeHolder, ...items.map((i) => i.label));
        return Promise.resolve(items.find((i) => /Refresh/.test(i.label)));
      },
    });
    try {
      await vscode.commands.executeCommand('kafkaConnectLab.clusterActions');
    } finally {
      lab.setPrompts(autoPrompts());
    }
    assert.match(offered[0], /^Local cluster: /);
    for (const action of ['Local Cluster', 'Deploy Connector', 'Refresh', 'Store Secret', 'Show Logs'])
      assert.ok(
        offered.some((l) => l.includes(action)),
        `${action} in ${offered.join(' | ')}`,
      );
    await waitFor('the picked Refresh ran', () => (lab.store.snapshot(clusterId)?.loadedAt ?? 0) > before);
  });

  it('deploys the FileStream source from its workspace file ({name, config} shape) and shows it RUNNING', async () => {
    await openFile(m.files.source);
    const before = await codeLensTitles(m.files.source);
    assert.ok(
      before.some((t) => t.includes(`Deploy to ${m.clusterName}`)),
      `lenses: ${before.join(' | ')}`,
    );
    const result = await vscode.commands.executeCommand<{ created: boolean }>(
      'kafkaConnectLab.deployConnector',
    );
    assert.equal(result.created, true);
    await waitFor('source RUNNING · 1/1 task', () => state(m.sourceName) === 'RUNNING · 1/1 task');
    const item = (await connectorItems()).find((c) => c.item.label === m.sourceName);
    assert.ok(item, 'connector in the tree');
    assert.equal(item.item.description, 'source · RUNNING · 1/1 task');
    assert.match(String(item.item.contextValue), /state=RUNNING/);
    const lenses = await waitFor('live CodeLens', async () => {
      const t = await codeLensTitles(m.files.source);
      return t.some((x) => x.includes('RUNNING · 1/1 task')) ? t : undefined;
    });
    assert.ok(
      lenses.some((t) => t.includes(`Update on ${m.clusterName}`)),
      lenses.join(' | '),
    );
    assert.ok(lenses.some((t) => t.includes('Compare with running')));
  });

  it('updates on a second deploy and the comparison shows no difference', async () => {
    const result = await vscode.commands.executeCommand<{ created: boolean }>(
      'kafkaConnectLab.deployConnector',
      vscode.Uri.file(m.files.source),
    );
    assert.equal(result.created, false);
    const changes = await vscode.commands.executeCommand<unknown[]>(
      'kafkaConnectLab.compareWithRunning',
      vscode.Uri.file(m.files.source),
    );
    assert.deepEqual(changes, []);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'a diff editor opened');
  });

  it('records flow: lines appended to the input file reach the topic the connector reports', async () => {
    appendFileSync(m.sourceInput, 'first line\nsecond line\n');
    const topics = await waitFor('topic tracked', async () => {
      const nodes = await lab.tree.getChildren({ kind: 'topics', clusterId, connector: m.sourceName });
      const names = nodes.flatMap((n) => (n.kind === 'topic' ? [n.topic] : []));
      return names.length > 0 ? names : undefined;
    });
    assert.deepEqual(topics, [m.topic]);
  });

  it('pauses → PAUSED and resumes → RUNNING, refreshing the tree by itself', async () => {
    const ref = { clusterId, connector: m.sourceName };
    let t0 = Date.now();
    await vscode.commands.executeCommand('kafkaConnectLab.pauseConnector', ref);
    await waitFor('PAUSED', () => state(m.sourceName)?.startsWith('PAUSED'), 15_000);
    const pausedAfter = Date.now() - t0;
    const item = (await connectorItems()).find((c) => c.item.label === m.sourceName);
    assert.match(String(item?.item.description), /PAUSED/);
    t0 = Date.now();
    await vscode.commands.executeCommand('kafkaConnectLab.resumeConnector', ref);
    await waitFor('RUNNING again', () => state(m.sourceName) === 'RUNNING · 1/1 task', 15_000);
    console.log(
      `    tree showed PAUSED ${pausedAfter} ms and RUNNING ${Date.now() - t0} ms after the command`,
    );
  });

  it('deploys a flat-shape sink whose task fails, lists it first, shows the trace, and recovers with "Restart failed tasks"', async () => {
    // sinkOutput is a directory, so FileStreamSinkTask cannot open it: a real task failure.
    assert.ok(statSync(m.sinkOutput).isDirectory());
    await vscode.commands.executeCommand(
      'kafkaConnectLab.deployConnector',
      vscode.Uri.file(m.files.sink),
      clusterId,
    );
    await waitFor(
      'sink task FAILED',
      () => lab.store.connector(clusterId, m.sinkName)?.summary?.failedTasks === 1,
      60_000,
    );
    const items = await connectorItems();
    assert.equal(items[0]?.item.label, m.sinkName, 'failed connectors sort first');
    assert.match(String(items[0]?.item.contextValue), /;failed/);
    const tooltip = items[0]?.item.tooltip;
    assert.ok(
      tooltip instanceof vscode.MarkdownString && /Exception/.test(tooltip.value),
      'trace in the tooltip',
    );

    const trace = await vscode.commands.executeCommand<string>('kafkaConnectLab.showTrace', {
      clusterId,
      connector: m.sinkName,
      task: 0,
    });
    assert.match(trace, /Exception/);
    const shown = vscode.window.activeTextEditor?.document;
    assert.ok(shown?.uri.path.endsWith('.trace.log'), `trace editor: ${shown?.uri.toString()}`);
    assert.match(shown?.getText() ?? '', /Exception/);

    rmSync(m.sinkOutput, { recursive: true });
    await vscode.commands.executeCommand('kafkaConnectLab.restartFailedTasks', {
      clusterId,
      connector: m.sinkName,
    });
    await waitFor('sink RUNNING · 1/1 task', () => state(m.sinkName) === 'RUNNING · 1/1 task', 30_000);
    await waitFor('records in the sink file', () => {
      try {
        return readFileSync(m.sinkOutput, 'utf8').includes('second line');
      } catch {
        return false;
      }
    });
  });

  it('"Restart task" restarts that one task: it re-opens its file (FAILED on a directory, RUNNING again on a file)', async () => {
    const task = { clusterId, connector: m.sinkName, task: 0 };
    const taskState = () => lab.store.connector(clusterId, m.sinkName)?.status?.tasks[0]?.state;
    rmSync(m.sinkOutput, { force: true });
    mkdirSync(m.sinkOutput);
    await vscode.commands.executeCommand('kafkaConnectLab.restartTask', task);
    await waitFor('task 0 FAILED after its restart', () => taskState() === 'FAILED', 30_000);
    rmSync(m.sinkOutput, { recursive: true });
    await vscode.commands.executeCommand('kafkaConnectLab.restartTask', task);
    await waitFor('task 0 RUNNING after the second restart', () => taskState() === 'RUNNING', 30_000);
    const err = await commandError('kafkaConnectLab.restartTask', { clusterId, connector: m.sinkName });
    assert.match(String(err), /Restart Task needs a task/);
  });

  it('shows offsets, explains the STOPPED rule, stops first and resets', async () => {
    const ref = { clusterId, connector: m.sourceName };
    const offsets = await vscode.commands.executeCommand<{
      offsets: { partition: Record<string, unknown> }[];
    }>('kafkaConnectLab.showOffsets', ref);
    assert.ok(
      offsets.offsets.some((o) => o.partition.filename === m.sourceInput),
      JSON.stringify(offsets),
    );
    const prompts = autoPrompts();
    lab.setPrompts(prompts);
    const result = await vscode.commands.executeCommand<{ message: string }>(
      'kafkaConnectLab.resetOffsets',
      ref,
    );
    assert.match(result.message, /reset successfully/);
    assert.ok(
      prompts.asked.some((q) => /Stop it to reset/.test(q)),
      `asked: ${prompts.asked.join(' / ')}`,
    );
    await waitFor('STOPPED', () => state(m.sourceName)?.startsWith('STOPPED'));
    lab.setPrompts(autoPrompts());
  });

  it('alters offsets interactively: current offsets open in an editor, the edited document is applied after stopping', async () => {
    const ref = { clusterId, connector: m.sourceName };
    await vscode.commands.executeCommand('kafkaConnectLab.resumeConnector', ref);
    await waitFor('RUNNING', () => state(m.sourceName) === 'RUNNING · 1/1 task', 30_000);
    await openFile(m.files.source);
    // 1. No offsets document active: the current offsets open in a new editor to edit.
    assert.equal(await vscode.commands.executeCommand('kafkaConnectLab.alterOffsets', ref), undefined);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.languageId === 'json', 'an offsets editor opened');
    assert.ok(Array.isArray((JSON.parse(editor.document.getText()) as { offsets: unknown }).offsets));
    // 2. The user edits it: skip the first line of the input file.
    const edited = {
      offsets: [{ partition: { filename: m.sourceInput }, offset: { position: 'first line\n'.length } }],
    };
    await editor.edit((b) =>
      b.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), JSON.stringify(edited, null, 2)),
    );
    // 3. Run it again with that editor active: the STOPPED rule is explained, it stops, then PATCHes.
    const prompts = autoPrompts();
    lab.setPrompts(prompts);
    const result = await vscode.commands.executeCommand<{ message: string }>(
      'kafkaConnectLab.alterOffsets',
      ref,
    );
    lab.setPrompts(autoPrompts());
    assert.match(result.message, /altered successfully/);
    assert.ok(
      prompts.asked.some((q) => /Stop it to alter/.test(q)),
      `asked: ${prompts.asked.join(' / ')}`,
    );
    const client = lab.store.target(clusterId)?.client;
    const now = await client?.offsets(m.sourceName);
    assert.deepEqual(now?.offsets.find((o) => o.partition.filename === m.sourceInput)?.offset, {
      position: 'first line\n'.length,
    });
    await vscode.commands.executeCommand('kafkaConnectLab.resumeConnector', ref);
    await waitFor('RUNNING after alter', () => state(m.sourceName) === 'RUNNING · 1/1 task', 30_000);
  });

  it('resolves ${secret:NAME} at deploy time and masks it in the running config view', async () => {
    await vscode.commands.executeCommand(
      'kafkaConnectLab.storeSecret',
      `kcl.test.${m.suffix}`,
      'hunter2-not-shown',
    );
    const doc = JSON.parse(readFileSync(m.files.secret, 'utf8')) as { name: string };
    await vscode.commands.executeCommand(
      'kafkaConnectLab.deployConnector',
      vscode.Uri.file(m.files.secret),
      clusterId,
    );
    const config = await vscode.commands.executeCommand<Record<string, string>>(
      'kafkaConnectLab.openRunningConfig',
      { clusterId, connector: doc.name },
    );
    assert.equal(config['connection.password'], 'hunter2-not-shown', 'the cluster got the resolved value');
    const text = vscode.window.activeTextEditor?.document.getText() ?? '';
    assert.ok(!text.includes('hunter2'), 'no secret in the editor');
    assert.match(text, /"connection.password": "\*{8}"/);
    await vscode.commands.executeCommand('kafkaConnectLab.deleteConnector', {
      clusterId,
      connector: doc.name,
    });
  });

  it('deletes after confirmation and the connectors leave the tree', async () => {
    const declined = autoPrompts({ confirm: false });
    lab.setPrompts(declined);
    assert.equal(
      await vscode.commands.executeCommand('kafkaConnectLab.deleteConnector', {
        clusterId,
        connector: m.sinkName,
      }),
      false,
    );
    assert.ok(lab.store.connector(clusterId, m.sinkName), 'declined: still there');
    lab.setPrompts(autoPrompts());
    for (const name of [m.sinkName, m.sourceName]) {
      assert.equal(
        await vscode.commands.executeCommand('kafkaConnectLab.deleteConnector', {
          clusterId,
          connector: name,
        }),
        true,
      );
    }
    await waitFor('both gone', async () => {
      const labels = (await connectorItems()).map((c) => c.item.label);
      return !labels.includes(m.sinkName) && !labels.includes(m.sourceName);
    });
  });
});
