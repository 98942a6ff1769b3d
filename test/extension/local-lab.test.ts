/**
 * The local lab driven from VS Code: Start Local Cluster (the lab module starts Kafka, PostgreSQL
 * and our runtime as child processes), deploy to it, a runtime crash is noticed and the runtime is
 * restarted, Stop Local Cluster (on a second lab of its own when the suite shares the launcher's).
 * Runs only when the launcher enabled it (manifest.lab).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { KafkaConnectLabApi } from '../../src/extension';
import type { TreeNode } from '../../src/views/nodes';
import { api, autoPrompts, manifest, waitFor } from './helpers';
import type { TestManifest } from './helpers';

/** Exited: no /proc entry, or a zombie its parent has not reaped yet. */
function gone(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

describe('Kafka Connect Lab with the local lab cluster', function () {
  let lab: KafkaConnectLabApi;
  let m: TestManifest;
  const name = () => `kcl-ext-local-${m.suffix}`;

  before(function () {
    m = manifest();
    if (!m.lab) this.skip();
  });
  before(async () => {
    lab = await api();
    lab.setPrompts(autoPrompts());
  });
  after(() => lab?.setPrompts(undefined));

  it('starts the local cluster by command and shows it running in the tree', async function () {
    this.timeout(300_000);
    await vscode.commands.executeCommand('kafkaConnectLab.startLocalCluster');
    assert.equal(lab.lab.currentState, 'running');
    const local = lab.store.target('local');
    assert.ok(local?.client, 'the local target has a REST client');
    await waitFor('local snapshot', () => lab.store.snapshot('local') && !lab.store.snapshot('local')?.error);
    const roots = await lab.tree.getChildren();
    const item = lab.tree.getTreeItem(
      roots.find((r) => r.kind === 'cluster' && r.clusterId === 'local') as TreeNode,
    );
    assert.match(String(item.description), /^running/);
  });

  it('deploys the FileStream source to the local runtime and sees it RUNNING', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'json',
      content: JSON.stringify({
        name: name(),
        config: {
          'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector',
          'tasks.max': '1',
          file: m.sourceInput,
          topic: `${m.topic}-local`,
        },
      }),
    });
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('kafkaConnectLab.deployConnector', undefined, 'local');
    await waitFor(
      'local connector RUNNING',
      () => lab.store.connector('local', name())?.summary?.label === 'RUNNING · 1/1 task',
      60_000,
    );
    await vscode.commands.executeCommand('kafkaConnectLab.pauseConnector', {
      clusterId: 'local',
      connector: name(),
    });
    await waitFor('PAUSED', () => lab.store.connector('local', name())?.summary?.state === 'PAUSED', 30_000);
    await vscode.commands.executeCommand('kafkaConnectLab.resumeConnector', {
      clusterId: 'local',
      connector: name(),
    });
    await waitFor(
      'RUNNING',
      () => lab.store.connector('local', name())?.summary?.state === 'RUNNING',
      30_000,
    );
  });

  it('notices a runtime crash and restarts the runtime', async function () {
    this.timeout(240_000);
    const stateDir = m.lab?.stateDir as string;
    const state = JSON.parse(readFileSync(join(stateDir, 'lab-state.json'), 'utf8')) as {
      processes: { connect?: { pid: number } };
    };
    const pid = state.processes.connect?.pid;
    assert.ok(pid, 'the lab recorded the runtime process');
    process.kill(pid, 'SIGKILL');
    await waitFor('the controller notices', () => lab.lab.currentState !== 'running', 60_000);
    await waitFor(
      'runtime back',
      () => lab.lab.currentState === 'running' && lab.store.target('local')?.client !== undefined,
      180_000,
    );
    const again = JSON.parse(readFileSync(join(stateDir, 'lab-state.json'), 'utf8')) as {
      processes: { connect?: { pid: number } };
    };
    assert.notEqual(again.processes.connect?.pid, pid, 'a new runtime process');
    await waitFor('connector visible again', () => lab.store.connector('local', name()), 60_000);
    await vscode.commands.executeCommand('kafkaConnectLab.deleteConnector', {
      clusterId: 'local',
      connector: name(),
    });
  });

  it("stops the local cluster by command (a lab of its own when the suite shares the launcher's)", async function () {
    this.timeout(300_000);
    // Stopping the launcher's shared cluster would take the broker from the other suites: this test
    // then starts a second lab in a state dir of its own (the lab module reads KCL_STATE_DIR on each
    // call) and stops that one, through the same commands.
    const previous = process.env.KCL_STATE_DIR;
    // In the suite's work dir, so the launcher stops it even when this host is killed mid-test.
    const own = m.lab?.owned
      ? undefined
      : (m.lab?.ownStateDir ?? mkdtempSync(join(tmpdir(), 'kcl-ext-own-lab-')));
    const stateDir = own ?? m.lab?.stateDir;
    assert.ok(stateDir, 'a lab state dir');
    try {
      if (own) {
        mkdirSync(own, { recursive: true });
        process.env.KCL_STATE_DIR = own;
        await vscode.commands.executeCommand('kafkaConnectLab.startLocalCluster');
        assert.equal(lab.lab.currentState, 'running');
        assert.notEqual(lab.store.target('local')?.url, undefined);
      }
      const state = JSON.parse(readFileSync(join(stateDir, 'lab-state.json'), 'utf8')) as {
        processes: Record<string, { pid: number } | undefined>;
      };
      const pids = Object.values(state.processes).flatMap((p) => (p ? [p.pid] : []));
      assert.ok(pids.length >= 2, `the lab recorded its processes: ${JSON.stringify(state.processes)}`);
      await vscode.commands.executeCommand('kafkaConnectLab.stopLocalCluster');
      assert.equal(lab.lab.currentState, 'stopped');
      assert.equal(lab.store.target('local')?.client, undefined);
      for (const pid of pids) await waitFor(`process ${pid} gone`, () => gone(pid), 30_000);
    } finally {
      if (own) {
        if (lab.lab.currentState !== 'stopped') {
          // The test failed before the stop: the lab CLI stops what it started in that dir.
          const root =
            vscode.extensions.getExtension('kafka-connect-lab.kafka-connect-lab')?.extensionPath ?? '';
          spawnSync(process.execPath, [join(root, 'dist', 'lab.js'), 'down', '--state-dir', own], {
            stdio: 'ignore',
            timeout: 60_000,
          });
        }
        if (previous === undefined) delete process.env.KCL_STATE_DIR;
        else process.env.KCL_STATE_DIR = previous;
        rmSync(own, { recursive: true, force: true });
        await lab.lab.detect();
      }
    }
  });
});
