import * as vscode from 'vscode';
import type { ConnectClient } from '../connect-client/connect-client';
import { RestConnectClient } from '../connect-client/connect-client';
import type { Settings } from '../config/settings';
import type { ConnectAuth } from '../config/lab-options';
import { localClientOptions } from '../lab/local-client';
import { describeError } from '../errors';
import type { LocalState } from '../lab/local-cluster';
import type { Logger } from '../logging';
import type { ConnectorView } from '../model/tree-model';
import { buildConnectorViews } from '../model/tree-model';
import type { PollState } from '../model/polling';
import { afterAction, nextPollDelay } from '../model/polling';
import { resolveSecrets } from '../model/secrets';

export const LOCAL_ID = 'local';

export interface ClusterTarget {
  id: string;
  name: string;
  kind: 'local' | 'external';
  url?: string;
  client?: ConnectClient;
  /** Only for the local lab. */
  localState?: LocalState;
  /** Why there is no client (e.g. a missing secret for the password). */
  configError?: string;
}

export interface ClusterSnapshot {
  connectors: ConnectorView[];
  error?: string;
  loadedAt: number;
}

/**
 * Owns the list of clusters and the last known connectors of each, polls them, and tells the tree,
 * CodeLens and status bar when anything changed.
 */
export class ClusterStore implements vscode.Disposable {
  private targetsList: ClusterTarget[] = [];
  private readonly snapshots = new Map<string, ClusterSnapshot>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private timer: NodeJS.Timeout | undefined;
  private poll: PollState;
  private inFlight: Promise<void> | undefined;
  private disposed = false;
  private localAuthKey = '';
  private localTarget: ClusterTarget = {
    id: LOCAL_ID,
    name: 'Local lab',
    kind: 'local',
    localState: 'stopped',
  };

  constructor(
    private settings: Settings,
    private readonly secrets: vscode.SecretStorage,
    private readonly log: Logger,
  ) {
    this.poll = { baseMs: settings.refreshIntervalSeconds * 1000, fastUntil: 0, consecutiveErrors: 0 };
  }

  get targets(): readonly ClusterTarget[] {
    return this.targetsList;
  }
  target(id: string): ClusterTarget | undefined {
    return this.targetsList.find((t) => t.id === id);
  }
  snapshot(id: string): ClusterSnapshot | undefined {
    return this.snapshots.get(id);
  }
  connector(clusterId: string, name: string): ConnectorView | undefined {
    return this.snapshots.get(clusterId)?.connectors.find((c) => c.name === name);
  }

  /** Cluster that deploy and CodeLens use: the defaultCluster setting, else a running local lab, else the first. */
  defaultTarget(): ClusterTarget | undefined {
    const usable = this.targetsList.filter((t) => t.client);
    if (this.settings.defaultCluster) {
      const named = this.targetsList.find(
        (t) => t.name === this.settings.defaultCluster || t.id === this.settings.defaultCluster,
      );
      if (named) return named;
    }
    return usable.find((t) => t.kind === 'local') ?? usable[0] ?? this.targetsList[0];
  }

  async applySettings(settings: Settings): Promise<void> {
    this.settings = settings;
    this.poll = { ...this.poll, baseMs: settings.refreshIntervalSeconds * 1000 };
    const external: ClusterTarget[] = [];
    for (const c of settings.clusters) {
      const target: ClusterTarget = { id: `ext:${c.name}`, name: c.name, kind: 'external', url: c.url };
      let password = c.password;
      if (password !== undefined) {
        const resolved = await resolveSecrets({ password }, (n) => Promise.resolve(this.secrets.get(n)));
        if (resolved.ok) password = resolved.config.password;
        else {
          target.configError = `Secret ${resolved.missing.join(', ')} is not stored. Run "Kafka Connect: Store Secret".`;
          external.push(target);
          continue;
        }
      }
      try {
        target.client = new RestConnectClient({
          clusterName: c.name,
          baseUrl: c.url,
          username: c.username,
          password,
          tls: { caFile: c.ca, certFile: c.cert, keyFile: c.key, insecure: c.insecure },
        });
      } catch (err) {
        // The CA / client certificate files are read up front: a wrong path is a settings error.
        target.configError = `Cannot read the TLS files of "${c.name}" (${err instanceof Error ? err.message : String(err)}). Fix ca/cert/key in the kafkaConnectLab.clusters setting.`;
      }
      external.push(target);
    }
    this.targetsList = [...(settings.showLocalCluster ? [this.localTarget] : []), ...external];
    for (const id of [...this.snapshots.keys()]) if (!this.target(id)) this.snapshots.delete(id);
    this.emitter.fire();
    await this.refreshNow();
  }

  /**
   * Called by the lab controller whenever the local cluster changes state or URL. `auth`: basic auth
   * of an external provider's Connect (lab.external.*); the client is rebuilt when it changes.
   */
  setLocal(state: LocalState, url: string | undefined, auth?: ConnectAuth): void {
    const t = this.localTarget;
    const authKey = auth ? `${auth.username}\u0000${auth.password}` : '';
    const changed = t.url !== url || this.localAuthKey !== authKey;
    t.localState = state;
    t.url = url;
    this.localAuthKey = authKey;
    if (changed) t.client = url ? new RestConnectClient(localClientOptions(url, auth)) : undefined;
    if (!url) this.snapshots.delete(LOCAL_ID);
    this.emitter.fire();
    if (url) this.actionDone();
  }

  /** After any user action: refresh at once, then poll fast for a few seconds. */
  actionDone(): void {
    this.poll = afterAction(this.poll, Date.now());
    void this.refreshNow();
  }

  start(): void {
    this.schedule();
  }

  refreshNow(): Promise<void> {
    // Coalesce: a refresh already running will pick up the latest state anyway.
    this.inFlight ??= this.refreshAll().finally(() => {
      this.inFlight = undefined;
      this.schedule();
    });
    return this.inFlight;
  }

  private schedule(): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refreshNow(), nextPollDelay(this.poll, Date.now()));
  }

  private async refreshAll(): Promise<void> {
    let errors = 0;
    await Promise.all(
      this.targetsList.map(async (t) => {
        if (!t.client) return;
        try {
          const expanded = await t.client.listExpanded();
          this.snapshots.set(t.id, { connectors: buildConnectorViews(expanded), loadedAt: Date.now() });
        } catch (err) {
          errors++;
          const previous = this.snapshots.get(t.id);
          const error = describeError(err);
          if (previous?.error !== error) this.log.warn(`refresh of ${t.name} failed: ${error}`);
          this.snapshots.set(t.id, { connectors: [], error, loadedAt: Date.now() });
        }
      }),
    );
    this.poll = { ...this.poll, consecutiveErrors: errors > 0 ? this.poll.consecutiveErrors + 1 : 0 };
    this.emitter.fire();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.emitter.dispose();
  }
}
