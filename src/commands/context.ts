import type * as vscode from 'vscode';
import type { ConnectClient } from '../connect-client/connect-client';
import type { VirtualDocs } from '../editor/virtual-docs';
import { ExtensionError } from '../errors';
import type { LocalClusterController } from '../lab/local-controller';
import type { Logger } from '../logging';
import type { ClusterStore, ClusterTarget } from '../state/cluster-store';
import type { ConnectorRef } from '../views/nodes';
import { isConnectorRef } from '../views/nodes';
import type { Prompts } from '../vscode-apis/prompts';

/** What every command may use; passed in, never imported as a singleton. */
export interface CommandContext {
  store: ClusterStore;
  log: Logger;
  prompts: Prompts;
  secrets: vscode.SecretStorage;
  docs: VirtualDocs;
  diagnostics: vscode.DiagnosticCollection;
  lab: LocalClusterController;
}

export function clientOf(
  ctx: CommandContext,
  clusterId: string,
): { target: ClusterTarget; client: ConnectClient } {
  const target = ctx.store.target(clusterId);
  if (!target) {
    throw new ExtensionError('no-cluster', `There is no cluster "${clusterId}".`, {
      nextStep: 'Add it to the kafkaConnectLab.clusters setting.',
    });
  }
  if (!target.client) {
    throw new ExtensionError('no-cluster', target.configError ?? `${target.name} is not running.`, {
      nextStep: target.kind === 'local' ? 'Run "Kafka Connect: Start Local Cluster" first.' : undefined,
    });
  }
  return { target, client: target.client };
}

/** The cluster to act on: given, or the only usable one, or the user's pick. */
export async function resolveTarget(ctx: CommandContext, clusterId?: string): Promise<ClusterTarget> {
  if (clusterId) return clientOf(ctx, clusterId).target;
  const usable = ctx.store.targets.filter((t) => t.client);
  if (usable.length === 0) {
    throw new ExtensionError('no-cluster', 'No Connect cluster is available.', {
      nextStep: 'Start the local cluster or add one to the kafkaConnectLab.clusters setting.',
    });
  }
  const preferred = ctx.store.defaultTarget();
  if (usable.length === 1) return usable[0];
  const picked = await ctx.prompts.pick(
    usable.map((t) => ({ label: t.name, description: t.url, target: t, picked: t === preferred })),
    'Which Connect cluster?',
  );
  if (!picked) throw new ExtensionError('cancelled', 'cancelled');
  return picked.target;
}

/** The connector a command acts on: the tree node / ref passed in, or a quick pick. */
export async function resolveConnector(ctx: CommandContext, arg: unknown): Promise<ConnectorRef> {
  if (isConnectorRef(arg)) return arg;
  const items = ctx.store.targets.flatMap((t) =>
    (ctx.store.snapshot(t.id)?.connectors ?? []).map((c) => ({
      label: c.name,
      description: `${t.name} · ${c.summary?.label ?? ''}`,
      ref: { clusterId: t.id, connector: c.name },
    })),
  );
  if (items.length === 0) {
    throw new ExtensionError('no-cluster', 'No connectors are deployed on a reachable cluster.', {
      nextStep: 'Deploy one from a connector JSON file first.',
    });
  }
  const picked = await ctx.prompts.pick(items, 'Which connector?');
  if (!picked) throw new ExtensionError('cancelled', 'cancelled');
  return picked.ref;
}
