import * as vscode from 'vscode';
import type { ClusterStatus } from '../../runtime/lab/types';
import type { ConnectAuth } from '../config/lab-options';
import { RestConnectClient } from '../connect-client/connect-client';
import { ExtensionError, describeError } from '../errors';
import type { Logger } from '../logging';
import type { ClusterStore } from '../state/cluster-store';
import type { LocalClusterProvider, LocalState } from './local-cluster';
import { localStateOf, runningBootstrapServers } from './local-cluster';
import { localClientOptions } from './local-client';

const HEALTH_EVERY_MS = 5000;
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 10 * 60_000;

/**
 * Starts/stops the local lab through the lab module and watches the runtime sidecar: GET /health
 * every few seconds; when the runtime process died, it is started again (at most 3 times in 10
 * minutes) and the user is told, with the log tail in the output channel.
 */
export class LocalClusterController implements vscode.Disposable {
  private state: LocalState = 'stopped';
  /** The Connect URL the local client talks to while the cluster runs. */
  private connectUrl: string | undefined;
  private postgres: string | undefined;
  private kafka: string | undefined;
  private healthTimer: NodeJS.Timeout | undefined;
  private restarts: number[] = [];
  private busy = false;
  private readonly emitter = new vscode.EventEmitter<LocalState>();
  readonly onDidChangeState = this.emitter.event;

  constructor(
    private readonly provider: LocalClusterProvider,
    private readonly store: ClusterStore,
    private readonly log: Logger,
    private readonly logTail: (lines: number) => Promise<string>,
    /** Basic auth for the cluster's Connect URL (external provider behind basic auth), else undefined. */
    private readonly connectAuth: (url: string) => Promise<ConnectAuth | undefined> = () =>
      Promise.resolve(undefined),
  ) {}

  get currentState(): LocalState {
    return this.state;
  }

  /** The lab's PostgreSQL URL (with the lab's credentials) while it runs. */
  get postgresUrl(): string | undefined {
    return this.postgres;
  }

  /**
   * The lab's Kafka bootstrap servers while its broker runs. The status is read afresh through the
   * (deferred) lab module, so a lab started from the CLI after activation counts too; when the
   * status cannot be read, the last one seen.
   */
  async kafkaBootstrapServers(): Promise<string | undefined> {
    try {
      return runningBootstrapServers(await this.provider.status());
    } catch (err) {
      this.log.warn(`local cluster status unavailable: ${describeError(err)}`);
      return this.kafka;
    }
  }

  /** Picks up a cluster that `lab up` (CLI) or a previous window already started. */
  async detect(): Promise<void> {
    try {
      await this.apply(await this.provider.status());
    } catch (err) {
      this.log.warn(`local cluster status unavailable: ${describeError(err)}`);
      this.setState('unavailable', undefined);
    }
  }

  /** `search`: also the lab's search engine (Exercise 2's Elasticsearch sink). */
  async start(opts: { search?: boolean } = {}): Promise<ClusterStatus | undefined> {
    if (this.busy)
      throw new ExtensionError('lab-start-failed', 'The local cluster is already starting or stopping.');
    this.busy = true;
    this.setState('starting', undefined);
    try {
      return await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: 'Starting the local Kafka Connect cluster',
          cancellable: true,
        },
        async (progress, token) => {
          const onProgress = (line: string) => {
            this.log.info(`[lab] ${line}`);
            progress.report({ message: line });
          };
          const cancelled = new Promise<'cancelled'>((resolve) =>
            token.onCancellationRequested(() => resolve('cancelled')),
          );
          const result = await Promise.race([
            this.provider.up({ onProgress, ...(opts.search ? { search: true } : {}) }),
            cancelled,
          ]);
          if (result === 'cancelled') {
            this.log.info('start cancelled: stopping what was started');
            await this.provider
              .down({ onProgress })
              .catch((err: unknown) => this.log.warn(`down after cancel: ${describeError(err)}`));
            this.setState('stopped', undefined);
            throw new ExtensionError('cancelled', 'cancelled');
          }
          await this.apply(result);
          this.log.info(
            `local cluster up: Kafka ${result.kafka.bootstrapServers ?? '?'}, Connect ${result.connect.url ?? '(none)'}`,
          );
          return result;
        },
      );
    } catch (err) {
      if (!(err instanceof ExtensionError && err.code === 'cancelled')) await this.detect();
      if (err instanceof ExtensionError) throw err;
      throw new ExtensionError('lab-start-failed', `The local cluster did not start: ${describeError(err)}`, {
        cause: err,
        nextStep: 'See "Kafka Connect Lab" in the Output panel (Show logs) for the service logs.',
      });
    } finally {
      this.busy = false;
    }
  }

  async stop(): Promise<void> {
    if (this.busy)
      throw new ExtensionError('lab-start-failed', 'The local cluster is already starting or stopping.');
    this.busy = true;
    this.stopHealth();
    this.setState('stopping', undefined);
    try {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Stopping the local Kafka Connect cluster' },
        (progress) =>
          this.provider.down({
            onProgress: (line) => {
              this.log.info(`[lab] ${line}`);
              progress.report({ message: line });
            },
          }),
      );
      this.setState('stopped', undefined);
    } finally {
      this.busy = false;
      await this.detect();
    }
  }

  private async apply(status: ClusterStatus): Promise<void> {
    const state = localStateOf(status);
    this.postgres = status.postgres.state === 'running' ? (status.postgres.url ?? undefined) : undefined;
    this.kafka = runningBootstrapServers(status);
    const url = status.connect.state === 'running' && status.connect.url ? status.connect.url : undefined;
    const auth = url ? await this.authFor(url) : undefined;
    this.setState(state, url, auth);
    if (url) this.watchHealth(url, auth);
  }

  /**
   * The external provider's Connect user or stored password changed: the local client (and the
   * health watch) take the new credentials; nothing else changes (no status read, no state change).
   */
  async refreshConnectAuth(): Promise<void> {
    const url = this.connectUrl;
    if (this.busy || !url) return;
    const auth = await this.authFor(url);
    if (this.busy || this.connectUrl !== url) return;
    this.setState(this.state, url, auth);
    this.watchHealth(url, auth);
  }

  /** The Connect URL's basic auth; a secret that cannot be read is logged (never the value) and skipped. */
  private async authFor(url: string): Promise<ConnectAuth | undefined> {
    try {
      return await this.connectAuth(url);
    } catch (err) {
      this.log.warn(`basic auth for ${url} unavailable: ${describeError(err)}`);
      return undefined;
    }
  }

  private setState(state: LocalState, url: string | undefined, auth?: ConnectAuth): void {
    this.state = state;
    this.connectUrl = url;
    this.store.setLocal(state, url, auth);
    this.emitter.fire(state);
  }

  private watchHealth(url: string, auth: ConnectAuth | undefined): void {
    this.stopHealth();
    const client = new RestConnectClient(
      localClientOptions(url, auth, { clusterName: 'the local runtime', timeoutMs: 4000 }),
    );
    let failures = 0;
    const tick = async () => {
      try {
        const h = await client.health();
        failures = h.status === 'unhealthy' ? failures + 1 : 0;
      } catch {
        failures++;
      }
      if (failures >= 2) {
        failures = 0;
        await this.onRuntimeDown();
      }
    };
    this.healthTimer = setInterval(() => void tick(), HEALTH_EVERY_MS);
  }

  private stopHealth(): void {
    if (this.healthTimer) clearInterval(this.healthTimer);
    this.healthTimer = undefined;
  }

  private async onRuntimeDown(): Promise<void> {
    if (this.busy) return;
    const status = await this.provider.status().catch(() => undefined);
    if (status?.connect.state === 'running') return;
    this.stopHealth();
    const tail = await this.logTail(30);
    this.log.error(
      `the Connect runtime stopped answering /health (state: ${status?.connect.state ?? 'unknown'})${tail ? `\nlast log lines:\n${tail}` : ''}`,
    );
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
    if (this.restarts.length >= MAX_RESTARTS) {
      this.setState('degraded', undefined);
      void vscode.window
        .showErrorMessage(
          `The local Connect runtime crashed ${MAX_RESTARTS} times in 10 minutes; it is not restarted again. Check its log, then run "Start Local Cluster".`,
          'Show logs',
        )
        .then((c) => c === 'Show logs' && this.log.show());
      return;
    }
    this.restarts.push(now);
    void vscode.window
      .showWarningMessage('The local Connect runtime stopped unexpectedly; restarting it.', 'Show logs')
      .then((c) => c === 'Show logs' && this.log.show());
    this.busy = true;
    this.setState('starting', undefined);
    try {
      await this.apply(await this.provider.up({ onProgress: (line) => this.log.info(`[lab] ${line}`) }));
    } catch (err) {
      this.log.error('restarting the runtime failed', err);
      await this.detect();
    } finally {
      this.busy = false;
    }
  }

  dispose(): void {
    this.stopHealth();
    this.emitter.dispose();
  }
}
