import type {
  ConfigInfos,
  ConfigKeyInfo,
  ConnectorConfig,
  ConnectorInfo,
  ConnectorOffsets,
  ConnectorStateInfo,
  ConnectorTopics,
  CreateConnectorRequest,
  ErrorMessage,
  ExpandedConnector,
  Message,
  PluginInfo,
  ServerInfo,
  WorkerStatus,
} from '../../protocol/connect-rest/entities';
import type { ConnectorMetrics } from '../../protocol/connect-rest/metrics';
import { connectorMetricsPath } from '../../protocol/connect-rest/metrics';
import { ExtensionError } from '../errors';
import { maskText } from '../model/masking';
import type { TlsOptions, Transport } from './transport';
import { chooseTransport } from './transport';

/** Everything the extension asks of a Connect cluster; our runtime and real Connect both serve it. */
export interface ConnectClient {
  readonly baseUrl: string;
  serverInfo(): Promise<ServerInfo>;
  health(): Promise<WorkerStatus>;
  listExpanded(): Promise<Record<string, ExpandedConnector>>;
  getConnector(name: string): Promise<ConnectorInfo>;
  exists(name: string): Promise<boolean>;
  getConfig(name: string): Promise<ConnectorConfig>;
  getStatus(name: string): Promise<ConnectorStateInfo>;
  create(req: CreateConnectorRequest): Promise<ConnectorInfo>;
  putConfig(name: string, config: ConnectorConfig): Promise<ConnectorInfo>;
  validate(connectorClass: string, config: ConnectorConfig): Promise<ConfigInfos>;
  pause(name: string): Promise<void>;
  resume(name: string): Promise<void>;
  stop(name: string): Promise<void>;
  restart(
    name: string,
    opts?: { includeTasks?: boolean; onlyFailed?: boolean },
  ): Promise<ConnectorStateInfo | undefined>;
  restartTask(name: string, task: number): Promise<void>;
  delete(name: string): Promise<void>;
  topics(name: string): Promise<string[]>;
  offsets(name: string): Promise<ConnectorOffsets>;
  alterOffsets(name: string, offsets: ConnectorOffsets): Promise<Message>;
  resetOffsets(name: string): Promise<Message>;
  plugins(connectorsOnly: boolean): Promise<PluginInfo[]>;
  /** GET /connector-plugins/{plugin}/config: the plugin's config definitions. */
  pluginConfig(plugin: string): Promise<ConfigKeyInfo[]>;
  /**
   * Our runtime's GET /kcl/connectors/{name}/metrics. undefined when the cluster answers 404: a real
   * Connect cluster has no such endpoint (or the connector is gone) — callers hide the figures.
   */
  connectorMetrics(name: string): Promise<ConnectorMetrics | undefined>;
}

export interface ClientOptions {
  /** Shown in error messages, e.g. "local lab" or the configured cluster name. */
  clusterName: string;
  baseUrl: string;
  username?: string;
  password?: string;
  tls?: TlsOptions;
  timeoutMs?: number;
  transport?: Transport;
  /** What to do about a 401/403 (default: check the cluster's entry in kafkaConnectLab.clusters). */
  authNextStep?: string;
}

const enc = encodeURIComponent;

export class RestConnectClient implements ConnectClient {
  readonly baseUrl: string;
  private readonly transport: Transport;
  private readonly headers: Record<string, string>;
  private readonly timeoutMs: number;

  constructor(private readonly opts: ClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.transport = opts.transport ?? chooseTransport(opts.tls ?? {});
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.headers = { Accept: 'application/json' };
    if (opts.username !== undefined) {
      const token = Buffer.from(`${opts.username}:${opts.password ?? ''}`).toString('base64');
      this.headers.Authorization = `Basic ${token}`;
    }
  }

  serverInfo(): Promise<ServerInfo> {
    return this.json('GET', '/');
  }
  async health(): Promise<WorkerStatus> {
    // /health answers 503/500 with a WorkerStatus body (not an ErrorMessage); keep it as data.
    const res = await this.send('GET', '/health');
    const body = this.parse<WorkerStatus>(res.body, '/health', res.status);
    return body;
  }
  listExpanded(): Promise<Record<string, ExpandedConnector>> {
    return this.json('GET', '/connectors?expand=status&expand=info');
  }
  getConnector(name: string): Promise<ConnectorInfo> {
    return this.json('GET', `/connectors/${enc(name)}`);
  }
  async exists(name: string): Promise<boolean> {
    const res = await this.send('GET', `/connectors/${enc(name)}`);
    if (res.status === 404) return false;
    this.check(res, 'GET', `/connectors/${name}`);
    return true;
  }
  getConfig(name: string): Promise<ConnectorConfig> {
    return this.json('GET', `/connectors/${enc(name)}/config`);
  }
  getStatus(name: string): Promise<ConnectorStateInfo> {
    return this.json('GET', `/connectors/${enc(name)}/status`);
  }
  create(req: CreateConnectorRequest): Promise<ConnectorInfo> {
    return this.json('POST', '/connectors', req);
  }
  putConfig(name: string, config: ConnectorConfig): Promise<ConnectorInfo> {
    return this.json('PUT', `/connectors/${enc(name)}/config`, config);
  }
  validate(connectorClass: string, config: ConnectorConfig): Promise<ConfigInfos> {
    // Connect resolves the alias from the path segment; the simple class name always works.
    const plugin = connectorClass.split('.').pop() ?? connectorClass;
    return this.json('PUT', `/connector-plugins/${enc(plugin)}/config/validate`, config);
  }
  async pause(name: string): Promise<void> {
    await this.json('PUT', `/connectors/${enc(name)}/pause`);
  }
  async resume(name: string): Promise<void> {
    await this.json('PUT', `/connectors/${enc(name)}/resume`);
  }
  async stop(name: string): Promise<void> {
    await this.json('PUT', `/connectors/${enc(name)}/stop`);
  }
  async restart(
    name: string,
    opts: { includeTasks?: boolean; onlyFailed?: boolean } = {},
  ): Promise<ConnectorStateInfo | undefined> {
    const q = `includeTasks=${opts.includeTasks ?? false}&onlyFailed=${opts.onlyFailed ?? false}`;
    return this.json<ConnectorStateInfo | undefined>('POST', `/connectors/${enc(name)}/restart?${q}`);
  }
  async restartTask(name: string, task: number): Promise<void> {
    await this.json('POST', `/connectors/${enc(name)}/tasks/${task}/restart`);
  }
  async delete(name: string): Promise<void> {
    await this.json('DELETE', `/connectors/${enc(name)}`);
  }
  async topics(name: string): Promise<string[]> {
    const body = await this.json<ConnectorTopics>('GET', `/connectors/${enc(name)}/topics`);
    return body[name]?.topics ?? [];
  }
  offsets(name: string): Promise<ConnectorOffsets> {
    return this.json('GET', `/connectors/${enc(name)}/offsets`);
  }
  alterOffsets(name: string, offsets: ConnectorOffsets): Promise<Message> {
    return this.json('PATCH', `/connectors/${enc(name)}/offsets`, offsets);
  }
  resetOffsets(name: string): Promise<Message> {
    return this.json('DELETE', `/connectors/${enc(name)}/offsets`);
  }
  plugins(connectorsOnly: boolean): Promise<PluginInfo[]> {
    return this.json('GET', `/connector-plugins?connectorsOnly=${connectorsOnly}`);
  }
  pluginConfig(plugin: string): Promise<ConfigKeyInfo[]> {
    return this.json('GET', `/connector-plugins/${enc(plugin)}/config`);
  }
  async connectorMetrics(name: string): Promise<ConnectorMetrics | undefined> {
    const path = connectorMetricsPath(name);
    const res = await this.send('GET', path);
    if (res.status === 404) return undefined;
    this.check(res, 'GET', path);
    return this.parse<ConnectorMetrics>(res.body, path, res.status);
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res = await this.send(method, path, body);
    // A distributed worker answers 409 (or 500 for RebalanceNeededException on local reads) while its
    // group rebalances: the request was not applied, so it is sent again.
    for (let attempt = 1; attempt <= REBALANCE_RETRIES && isDuringRebalance(res); attempt++) {
      await new Promise((r) => setTimeout(r, REBALANCE_BACKOFF_MS * attempt));
      res = await this.send(method, path, body);
    }
    this.check(res, method, path);
    if (res.body.trim() === '') return undefined as T;
    return this.parse<T>(res.body, path, res.status);
  }

  private async send(method: string, path: string, body?: unknown) {
    const headers = { ...this.headers };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await this.transport({
        method,
        url: this.baseUrl + path,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        timeoutMs: this.timeoutMs,
      });
    } catch (err) {
      throw this.networkError(err, method, path);
    }
  }

  private check(res: { status: number; body: string }, method: string, path: string): void {
    if (res.status >= 200 && res.status < 300) return;
    let message = `HTTP ${res.status}`;
    try {
      const e = JSON.parse(res.body) as Partial<ErrorMessage>;
      if (typeof e.message === 'string') message = e.message;
    } catch {
      if (res.body.trim()) message = `HTTP ${res.status}: ${res.body.trim().slice(0, 200)}`;
    }
    const nextStep =
      res.status === 401 || res.status === 403
        ? (this.opts.authNextStep ??
          `Check the username/password of "${this.opts.clusterName}" in the kafkaConnectLab.clusters setting.`)
        : undefined;
    throw new ExtensionError('connect-rest', maskText(message), {
      httpStatus: res.status,
      retriable: res.status === 409 || res.status >= 500,
      nextStep,
      cause: `${method} ${path}`,
    });
  }

  private parse<T>(body: string, path: string, status: number): T {
    try {
      return JSON.parse(body) as T;
    } catch (err) {
      throw new ExtensionError(
        'bad-response',
        `${this.opts.clusterName} answered ${path} (HTTP ${status}) with something that is not JSON.`,
        {
          cause: err,
          nextStep: `Check that ${this.baseUrl} is a Kafka Connect REST endpoint.`,
        },
      );
    }
  }

  private networkError(err: unknown, method: string, path: string): ExtensionError {
    const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') {
      return new ExtensionError(
        'request-timeout',
        `${this.opts.clusterName} did not answer ${method} ${path} within ${this.timeoutMs / 1000} s.`,
        {
          cause: err,
          retriable: true,
          nextStep: 'The worker may be busy rebalancing; try again.',
        },
      );
    }
    const c = e as { code?: string };
    const detail = e.cause?.code ?? c.code ?? e.cause?.message ?? e.message ?? String(err);
    const tlsProblem = /CERT|SSL|TLS|EPROTO|HANDSHAKE/i.test(`${detail} ${e.message ?? ''}`);
    if (tlsProblem) {
      return new ExtensionError(
        'cluster-unreachable',
        `The TLS handshake with ${this.opts.clusterName} at ${this.baseUrl} failed (${detail}${e.message && e.message !== detail ? `: ${e.message}` : ''}).`,
        {
          cause: err,
          nextStep:
            'Set "ca" to the PEM file of the CA that signed the cluster certificate, and "cert"/"key" when the cluster requires a client certificate, in the kafkaConnectLab.clusters setting.',
        },
      );
    }
    return new ExtensionError(
      'cluster-unreachable',
      `Cannot reach ${this.opts.clusterName} at ${this.baseUrl} (${detail}).`,
      {
        cause: err,
        retriable: true,
        nextStep:
          'Check that the cluster is running and the URL in the kafkaConnectLab.clusters setting is right.',
      },
    );
  }
}

const REBALANCE_RETRIES = 6;
const REBALANCE_BACKOFF_MS = 500;

/**
 * Connect's answers for a request that came during a rebalance and was not applied: 409 from the
 * endpoints that forward to the leader (not "already exists"), and 500 with RebalanceNeededException's
 * message from those that complete locally (GET /connectors/{c}/config in Connect 4.4).
 */
function isDuringRebalance(res: { status: number; body: string }): boolean {
  if (res.status === 500) return /Request cannot be completed because a rebalance is expected/.test(res.body);
  if (res.status !== 409) return false;
  return /rebalance is expected|rebalance is in progress|stale configuration|conflicting operation/i.test(
    res.body,
  );
}
