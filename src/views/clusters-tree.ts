import * as vscode from 'vscode';
import type { PluginInfo } from '../../protocol/connect-rest/entities';
import { describeError } from '../errors';
import { clusterSummary, traceHeadline } from '../model/health';
import { maskText } from '../model/masking';
import { connectorContext, connectorDescription, healthIcon } from '../model/tree-model';
import type { ClusterStore, ClusterTarget } from '../state/cluster-store';
import type { TreeNode } from './nodes';

const PLUGIN_GROUP_LABEL: Record<PluginInfo['type'], string> = {
  source: 'Source connectors',
  sink: 'Sink connectors',
  converter: 'Converters',
  header_converter: 'Header converters',
  transformation: 'Transformations',
  predicate: 'Predicates',
};

/** The Clusters view: clusters → connectors → tasks, plus Plugins and Topics per cluster/connector. */
export class ClustersTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly sub: vscode.Disposable;

  constructor(private readonly store: ClusterStore) {
    this.sub = store.onDidChange(() => this.emitter.fire(undefined));
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> | TreeNode[] {
    if (!node) {
      const targets = this.store.targets;
      // Nothing configured and the lab not running: an empty root lets the welcome content show.
      const onlyIdleLocal = targets.every(
        (t) => t.kind === 'local' && !t.client && t.localState !== 'starting',
      );
      return onlyIdleLocal ? [] : targets.map((t) => ({ kind: 'cluster', clusterId: t.id }));
    }
    switch (node.kind) {
      case 'cluster':
        return this.clusterChildren(node.clusterId);
      case 'connector': {
        const view = this.store.connector(node.clusterId, node.connector);
        const tasks: TreeNode[] = (view?.status?.tasks ?? []).map((t) => ({
          kind: 'task',
          clusterId: node.clusterId,
          connector: node.connector,
          task: t.id,
        }));
        return [...tasks, { kind: 'topics', clusterId: node.clusterId, connector: node.connector }];
      }
      case 'topics':
        return this.topicChildren(node.clusterId, node.connector);
      case 'plugins':
        return this.pluginChildren(node.clusterId);
      case 'plugin-group':
        return node.plugins.map((plugin) => ({ kind: 'plugin', clusterId: node.clusterId, plugin }));
      default:
        return [];
    }
  }

  getParent(node: TreeNode): TreeNode | undefined {
    switch (node.kind) {
      case 'cluster':
        return undefined;
      case 'task':
      case 'topics':
        return { kind: 'connector', clusterId: node.clusterId, connector: node.connector };
      default:
        return { kind: 'cluster', clusterId: node.clusterId };
    }
  }

  private clusterChildren(clusterId: string): TreeNode[] {
    const target = this.store.target(clusterId);
    if (!target) return [];
    if (target.configError) return [{ kind: 'message', clusterId, text: target.configError, icon: 'key' }];
    if (!target.client) {
      return [
        {
          kind: 'message',
          clusterId,
          text: target.localState === 'starting' ? 'Starting…' : 'Not running — click to start',
          icon: target.localState === 'starting' ? 'loading~spin' : 'play',
          command: target.localState === 'starting' ? undefined : 'kafkaConnectLab.startLocalCluster',
        },
      ];
    }
    const snap = this.store.snapshot(clusterId);
    if (!snap) return [{ kind: 'message', clusterId, text: 'Loading…', icon: 'loading~spin' }];
    if (snap.error) {
      return [
        {
          kind: 'message',
          clusterId,
          text: snap.error,
          detail: snap.error,
          icon: 'error',
          command: 'kafkaConnectLab.refresh',
        },
      ];
    }
    const connectors: TreeNode[] = snap.connectors.map((c) => ({
      kind: 'connector',
      clusterId,
      connector: c.name,
    }));
    const empty: TreeNode[] =
      connectors.length === 0
        ? [
            {
              kind: 'message',
              clusterId,
              text: 'No connectors — deploy one from a JSON file',
              icon: 'info',
              command: 'kafkaConnectLab.deployConnector',
            },
          ]
        : [];
    return [...connectors, ...empty, { kind: 'plugins', clusterId }];
  }

  private async topicChildren(clusterId: string, connector: string): Promise<TreeNode[]> {
    const client = this.store.target(clusterId)?.client;
    if (!client) return [];
    try {
      const topics = await client.topics(connector);
      if (topics.length === 0)
        return [{ kind: 'message', clusterId, text: 'No topics used yet', icon: 'info' }];
      return topics.sort().map((topic) => ({ kind: 'topic', clusterId, connector, topic }));
    } catch (err) {
      return [{ kind: 'message', clusterId, text: describeError(err), icon: 'error' }];
    }
  }

  private async pluginChildren(clusterId: string): Promise<TreeNode[]> {
    const client = this.store.target(clusterId)?.client;
    if (!client) return [];
    try {
      const plugins = await client.plugins(false);
      const groups = new Map<PluginInfo['type'], PluginInfo[]>();
      for (const p of plugins) groups.set(p.type, [...(groups.get(p.type) ?? []), p]);
      return [...groups.entries()].map(([type, list]) => ({
        kind: 'plugin-group',
        clusterId,
        type,
        plugins: list.sort((a, b) => a.class.localeCompare(b.class)),
      }));
    } catch (err) {
      return [{ kind: 'message', clusterId, text: describeError(err), icon: 'error' }];
    }
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'cluster':
        return this.clusterItem(this.store.target(node.clusterId));
      case 'connector': {
        const view = this.store.connector(node.clusterId, node.connector);
        const item = new vscode.TreeItem(node.connector, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${node.clusterId}/c/${node.connector}`;
        if (!view) return item;
        const { icon, color } = healthIcon(view.health);
        item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
        item.description = connectorDescription(view);
        item.contextValue = connectorContext(view);
        const md = new vscode.MarkdownString(undefined, true);
        md.appendMarkdown(`**${node.connector}** (${view.type})\n\n`);
        md.appendMarkdown(`State: \`${view.summary?.label ?? 'unknown'}\`\n\n`);
        const klass = view.info?.config['connector.class'];
        if (klass) md.appendMarkdown(`Class: \`${klass}\`\n\n`);
        const trace = view.status?.connector.trace ?? view.status?.tasks.find((t) => t.trace)?.trace;
        if (trace) md.appendCodeblock(maskText(trace).split('\n').slice(0, 8).join('\n'), 'text');
        item.tooltip = md;
        return item;
      }
      case 'task': {
        const view = this.store.connector(node.clusterId, node.connector);
        const task = view?.status?.tasks.find((t) => t.id === node.task);
        const item = new vscode.TreeItem(`Task ${node.task}`, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.clusterId}/c/${node.connector}/t/${node.task}`;
        const state = task?.state ?? 'UNKNOWN';
        item.description = `${state} · ${task?.worker_id ?? ''}`;
        const health =
          state === 'RUNNING'
            ? 'running'
            : state === 'FAILED'
              ? 'failed'
              : state === 'PAUSED'
                ? 'paused'
                : 'unassigned';
        const { icon, color } = healthIcon(health);
        item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
        item.contextValue = `task;state=${state}${task?.trace ? ';trace' : ''}`;
        item.tooltip = task?.trace
          ? maskText(traceHeadline(task.trace) ?? '')
          : `${state} on ${task?.worker_id ?? '?'}`;
        if (task?.trace) {
          item.command = { command: 'kafkaConnectLab.showTrace', title: 'Show trace', arguments: [node] };
        }
        return item;
      }
      case 'topics': {
        const item = new vscode.TreeItem('Topics', vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${node.clusterId}/c/${node.connector}/topics`;
        item.iconPath = new vscode.ThemeIcon('list-unordered');
        return item;
      }
      case 'topic': {
        const item = new vscode.TreeItem(node.topic, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('symbol-event');
        item.contextValue = 'topic';
        return item;
      }
      case 'plugins': {
        const item = new vscode.TreeItem('Plugins', vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${node.clusterId}/plugins`;
        item.iconPath = new vscode.ThemeIcon('extensions');
        return item;
      }
      case 'plugin-group': {
        const item = new vscode.TreeItem(
          PLUGIN_GROUP_LABEL[node.type] ?? node.type,
          vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.id = `${node.clusterId}/plugins/${node.type}`;
        item.description = String(node.plugins.length);
        return item;
      }
      case 'plugin': {
        const short = node.plugin.class.split('.').pop() ?? node.plugin.class;
        const item = new vscode.TreeItem(short, vscode.TreeItemCollapsibleState.None);
        item.description = node.plugin.version;
        item.tooltip = node.plugin.class;
        item.iconPath = new vscode.ThemeIcon('symbol-class');
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.tooltip = node.detail ?? node.text;
        if (node.command) item.command = { command: node.command, title: node.text };
        return item;
      }
    }
  }

  private clusterItem(target: ClusterTarget | undefined): vscode.TreeItem {
    if (!target) return new vscode.TreeItem('?');
    const item = new vscode.TreeItem(target.name, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `cluster/${target.id}`;
    const snap = this.store.snapshot(target.id);
    const healths = snap?.connectors.map((c) => c.health).filter((h) => h !== 'unknown') ?? [];
    if (target.kind === 'local') {
      const state = target.localState ?? 'stopped';
      item.iconPath = new vscode.ThemeIcon(
        state === 'running'
          ? 'vm-running'
          : state === 'starting' || state === 'stopping'
            ? 'loading~spin'
            : 'vm-outline',
      );
      item.description =
        state === 'running' && snap && !snap.error ? `${state} · ${clusterSummary(healths)}` : state;
      item.contextValue = `cluster;local;state=${state}`;
    } else {
      item.iconPath = new vscode.ThemeIcon(snap?.error || target.configError ? 'vm-outline' : 'vm-connect');
      item.description = snap?.error ? 'unreachable' : snap ? clusterSummary(healths) : target.url;
      item.contextValue = 'cluster;external';
    }
    item.tooltip = `${target.name}${target.url ? ` — ${target.url}` : ''}`;
    return item;
  }
}
