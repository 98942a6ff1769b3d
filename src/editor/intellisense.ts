/** Registers the connector JSON IntelliSense: live diagnostics, completion, hover, quick fixes. */
import * as vscode from 'vscode';
import type { ClusterStore, ClusterTarget } from '../state/cluster-store';
import { ConnectorIntelliSense } from './connector-completion';
import type { Logger } from '../logging';
import { LiveValidation } from './live-validation';
import { PluginDefinitions } from './plugin-definitions';
import { PostgresCatalogs } from './postgres-catalog';
import { ConnectorQuickFixes } from './quick-fixes';
import { SchemaKeys } from './schema-keys';
import { TopicNames } from './topic-names';

const SELECTOR: vscode.DocumentSelector = [
  { language: 'json', scheme: 'file' },
  { language: 'jsonc', scheme: 'file' },
  { language: 'json', scheme: 'untitled' },
];

export interface ConnectorIntelliSenseApi {
  live: LiveValidation;
  plugins: PluginDefinitions;
}

/**
 * Bootstrap servers for topic completion: a `bootstrapServers` on the cluster entry when the
 * settings carry one, else KCL_BOOTSTRAP_SERVERS (the lab and the test launcher export it).
 */
function bootstrapServers(target: ClusterTarget): string | undefined {
  const own = (target as ClusterTarget & { bootstrapServers?: string }).bootstrapServers;
  return own ?? process.env.KCL_BOOTSTRAP_SERVERS;
}

export function registerConnectorIntelliSense(
  context: vscode.ExtensionContext,
  store: ClusterStore,
  log: Logger,
  labPostgresUrl: () => string | undefined,
): ConnectorIntelliSenseApi {
  const live = new LiveValidation(store);
  const plugins = new PluginDefinitions();
  const provider = new ConnectorIntelliSense(
    store,
    plugins,
    live,
    new SchemaKeys(context.extensionPath),
    new TopicNames(bootstrapServers),
    // The lab's database (the lab controller, or the test launcher's KCL_POSTGRES_URL).
    new PostgresCatalogs(
      () => labPostgresUrl() ?? process.env.KCL_POSTGRES_URL,
      (name) => context.secrets.get(name),
    ),
    (line) => log.warn(line),
  );
  context.subscriptions.push(
    live,
    vscode.languages.registerCompletionItemProvider(SELECTOR, provider, '"', '.', ':'),
    vscode.languages.registerHoverProvider(SELECTOR, provider),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new ConnectorQuickFixes(live), {
      providedCodeActionKinds: ConnectorQuickFixes.kinds,
    }),
  );
  return { live, plugins };
}
