import * as vscode from 'vscode';
import { clusterCommands } from './commands/cluster-commands';
import { connectorCommands } from './commands/connector-commands';
import type { CommandContext } from './commands/context';
import { deployCommands } from './commands/deploy-commands';
import { offsetsCommands } from './commands/offsets-commands';
import { registerCommands } from './commands/registry';
import {
  currentLabUpSettings,
  currentLocalConnectAuth,
  currentSettings,
  onLocalConnectAuthChanged,
  onSettingsChanged,
} from './config/vscode-settings';
import { ConnectorCodeLens } from './editor/connector-codelens';
import { registerConnectorIntelliSense } from './editor/intellisense';
import { SCHEME, VirtualDocs } from './editor/virtual-docs';
import { connectLogTail, labModuleProvider } from './lab/lab-module';
import { LocalClusterController } from './lab/local-controller';
import { Logger } from './logging';
import { ClusterStore } from './state/cluster-store';
import { ClustersTree } from './views/clusters-tree';
import { createStatusBar } from './views/status-bar';
import type { Prompts } from './vscode-apis/prompts';
import { vscodePrompts } from './vscode-apis/prompts';
import { registerWebviews } from './webviews/register';
import { registerLessons } from './lessons/register';

/** What activate() returns; the extension tests use it to observe state and answer prompts. */
export interface KafkaConnectLabApi {
  store: ClusterStore;
  lab: LocalClusterController;
  tree: ClustersTree;
  setPrompts(prompts: Prompts | undefined): void;
}

/**
 * Activation is a short ordered list of steps; everything subscribed goes to
 * context.subscriptions, the one owner of disposables. Network work starts after activation
 * returns so activation stays fast.
 */
export function activate(context: vscode.ExtensionContext): KafkaConnectLabApi {
  const own = <T extends vscode.Disposable>(d: T): T => {
    context.subscriptions.push(d);
    return d;
  };
  // 1. logging
  const log = new Logger(own(vscode.window.createOutputChannel('Kafka Connect Lab', { log: true })));
  // 2. state: clusters from settings, the local lab controller
  const settings = currentSettings();
  const store = own(new ClusterStore(settings, context.secrets, log));
  const lab = own(
    new LocalClusterController(
      labModuleProvider(() => currentLabUpSettings(context.secrets)),
      store,
      log,
      (n) => connectLogTail(n),
      (url) => currentLocalConnectAuth(context.secrets, url),
    ),
  );
  // 3. editors and documents
  const docs = own(new VirtualDocs());
  own(vscode.workspace.registerTextDocumentContentProvider(SCHEME, docs));
  const diagnostics = own(vscode.languages.createDiagnosticCollection('kafka-connect-lab'));
  own(
    vscode.languages.registerCodeLensProvider(
      [
        { language: 'json', scheme: 'file' },
        { language: 'jsonc', scheme: 'file' },
        { language: 'json', scheme: 'untitled' },
      ],
      own(new ConnectorCodeLens(store)),
    ),
  );
  registerConnectorIntelliSense(context, store, log, () => lab.postgresUrl);
  // 4. views
  const tree = own(new ClustersTree(store));
  own(
    vscode.window.createTreeView('kafkaConnectLab.clusters', {
      treeDataProvider: tree,
      showCollapseAll: true,
    }),
  );
  own(createStatusBar(store, lab));
  // 5. commands
  let prompts: Prompts = vscodePrompts;
  const ctx: CommandContext = {
    store,
    log,
    get prompts() {
      return prompts;
    },
    secrets: context.secrets,
    docs,
    diagnostics,
    lab,
  };
  const reload = () => store.applySettings(currentSettings());
  for (const d of registerCommands(
    [
      ...clusterCommands(ctx, reload),
      ...deployCommands(ctx),
      ...connectorCommands(ctx),
      ...offsetsCommands(ctx),
    ],
    log,
  )) {
    own(d);
  }
  for (const d of registerWebviews(ctx, context.extensionUri)) own(d);
  for (const d of registerLessons(ctx, context.globalStorageUri)) own(d);
  // 6. react to settings and secrets
  own(onSettingsChanged(() => void reload()));
  own(context.secrets.onDidChange(() => void reload()));
  // The local cluster's client: the external provider's Connect user or password may have changed.
  own(onLocalConnectAuthChanged(context.secrets, () => void lab.refreshConnectAuth()));
  own(vscode.workspace.onDidCloseTextDocument((d) => diagnostics.delete(d.uri)));
  // 7. first load and polling, after activation returns
  void reload()
    .then(() => lab.detect())
    .finally(() => store.start());
  log.info('Kafka Connect Lab activated');
  return {
    store,
    lab,
    tree,
    setPrompts: (p) => {
      prompts = p ?? vscodePrompts;
    },
  };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
