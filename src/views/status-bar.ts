import * as vscode from 'vscode';
import type { LocalClusterController } from '../lab/local-controller';
import type { ClusterStore } from '../state/cluster-store';
import { LOCAL_ID } from '../state/cluster-store';

const ICON: Record<string, string> = {
  running: '$(vm-running)',
  starting: '$(loading~spin)',
  stopping: '$(loading~spin)',
  stopped: '$(vm-outline)',
  degraded: '$(warning)',
  unavailable: '$(circle-slash)',
};

/** Local cluster state at a glance; click → quick pick of cluster actions. */
export function createStatusBar(store: ClusterStore, lab: LocalClusterController): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(
    'kafkaConnectLab.status',
    vscode.StatusBarAlignment.Left,
    50,
  );
  item.name = 'Kafka Connect Lab';
  item.command = 'kafkaConnectLab.clusterActions';
  const update = () => {
    const state = lab.currentState;
    const failing = (store.snapshot(LOCAL_ID)?.connectors ?? []).filter(
      (c) => c.health === 'failed' || c.health === 'degraded',
    ).length;
    item.text = `${ICON[state] ?? ''} Connect: ${state}${failing > 0 ? ` · ${failing} failing` : ''}`;
    item.tooltip = `Local Kafka Connect cluster: ${state}. Click for cluster actions.`;
    item.backgroundColor =
      failing > 0 || state === 'degraded'
        ? new vscode.ThemeColor('statusBarItem.warningBackground')
        : undefined;
  };
  update();
  item.show();
  const subs = [store.onDidChange(update), lab.onDidChangeState(update)];
  return vscode.Disposable.from(item, ...subs);
}
