/**
 * The Herder of a single-member distributed cluster: owns connector/task state, answers the REST
 * resources, and drives the Worker. Mutating requests run one at a time (like DistributedHerder's
 * tick thread), so concurrent creates of one name give exactly one 201 and one 409.
 */
import type {
  ConnectorInfo,
  ConnectorOffsets,
  ConnectorStateInfo,
  ConnectorTaskId,
  ConnectorType,
  InitialState,
  TargetState,
  TaskInfo,
  TaskStateEntry,
} from '../../protocol/connect-rest/entities';
import type { ConfigInfos } from '../config/config-infos';
import { AlreadyExistsException, ConnectException, NotFoundException } from '../data/errors';
import { javaStackTrace } from '../errors/error-mapper';
import { BadRequestException } from '../errors/rest-errors';
import type { PluginRegistry } from '../plugins/registry';
import type { ConfigBackingStore } from '../storage/config-backing-store';
import type { StatusBackingStore } from '../storage/status-backing-store';
import type { StatusState } from '../storage/records';
import type { StatusListener } from '../worker/status-listener';
import type { Worker } from '../worker/worker';
import { javaHashMap, javaHashOrder, copyCapacity } from './java-map-order';
import { buildRestartPlan } from './restart-plan';
import type { RestartRequestFlags } from './restart-plan';
import { UnknownConnectorClassException } from './framework-validator';
import type { ConnectorValidator } from './validation';
import { invalidConfigMessage } from './validation';

export interface HerderOptions {
  configs: ConfigBackingStore;
  statuses: StatusBackingStore;
  worker: Worker;
  plugins: PluginRegistry;
  validator: ConnectorValidator;
  workerId: string;
  kafkaClusterId: string;
  log: (line: string) => void;
}

export class Herder implements StatusListener {
  private queue: Promise<unknown> = Promise.resolve();
  private ready = false;
  private readonly generation = 1;

  constructor(private readonly o: HerderOptions) {
    o.worker.setListener(this);
  }

  get kafkaClusterId(): string {
    return this.o.kafkaClusterId;
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Runs `fn` after every earlier request finished (the tick thread). */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  // ---- status listener -------------------------------------------------------------------------

  onConnector(connector: string, state: StatusState, error?: unknown): void {
    if (!this.o.configs.contains(connector) && state !== 'DESTROYED') return;
    this.o.statuses.putConnector(connector, {
      state,
      trace: error === undefined ? null : javaStackTrace(error),
      worker_id: this.o.workerId,
      generation: this.generation,
      version: this.pluginVersion(connector),
    });
  }

  onTask(connector: string, task: number, state: StatusState, error?: unknown): void {
    if (!this.o.configs.contains(connector) && state !== 'DESTROYED') return;
    this.o.statuses.putTask(connector, task, {
      state,
      trace: error === undefined ? null : javaStackTrace(error),
      worker_id: this.o.workerId,
      generation: this.generation,
      version: this.pluginVersion(connector),
    });
  }

  // ---- lifecycle --------------------------------------------------------------------------------

  /** Starts every connector the config topic knows, in its target state. */
  async start(): Promise<void> {
    await this.serial(async () => {
      for (const name of [...this.o.configs.connectors.keys()]) {
        await this.startConnectorAndTasks(name);
      }
    });
    this.ready = true;
  }

  async stop(): Promise<void> {
    await this.serial(async () => {
      await this.o.worker.stopAll();
      await this.o.statuses.flush();
    });
  }

  // ---- queries ----------------------------------------------------------------------------------

  connectorType(config: Record<string, string> | undefined): ConnectorType {
    const cls = config?.['connector.class'];
    if (!cls) return 'unknown';
    const desc = this.o.plugins.findConnector(cls);
    return desc ? (desc.type as ConnectorType) : 'unknown';
  }

  /** herder.connectors(): the key set of a HashMap copy of the connector configs. */
  connectors(): string[] {
    const names = [...this.o.configs.connectors.keys()];
    return javaHashOrder(javaHashOrder(names), copyCapacity(names.length));
  }

  private taskIds(name: string): ConnectorTaskId[] {
    return Array.from({ length: this.o.configs.taskCount(name) }, (_, task) => ({ connector: name, task }));
  }

  connectorInfo(name: string): ConnectorInfo {
    const config = this.o.configs.connectors.get(name);
    if (!config) throw new NotFoundException(`Connector ${name} not found`);
    return { name, config: javaHashMap(config), tasks: this.taskIds(name), type: this.connectorType(config) };
  }

  connectorStatus(name: string): ConnectorStateInfo {
    const status = this.o.statuses.getConnector(name);
    if (!status) throw new NotFoundException(`No status found for connector ${name}`);
    const tasks: TaskStateEntry[] = this.o.statuses
      .getAllTasks(name)
      .map(([id, st]) => this.taskEntry(name, id, st));
    const connector = s(status.state, status.worker_id, status.trace, this.pluginVersion(name));
    return { name, connector, tasks, type: this.connectorType(this.o.configs.connectors.get(name)) };
  }

  /** The connector plugin's version (Connect 4.4 reports it in every status entry). */
  private pluginVersion(name: string): string | null {
    const cls = this.o.configs.connectors.get(name)?.['connector.class'];
    const desc = cls ? this.o.plugins.findConnector(cls) : undefined;
    return desc && desc.version !== 'undefined' ? desc.version : null;
  }

  private taskEntry(
    connector: string,
    id: number,
    st: { state: StatusState; worker_id: string; trace: string | null },
  ): TaskStateEntry {
    return { id, ...s(st.state, st.worker_id, st.trace, this.pluginVersion(connector)) };
  }

  taskStatus(name: string, task: number): TaskStateEntry {
    const st = this.o.statuses.getTask(name, task);
    if (!st) throw new NotFoundException(`No status found for task ${name}-${task}`);
    return this.taskEntry(name, task, st);
  }

  taskConfigs(name: string): TaskInfo[] {
    if (!this.o.configs.contains(name)) throw new NotFoundException(`Connector ${name} not found`);
    return (this.o.configs.taskConfigs.get(name) ?? []).map((config, task) => ({
      id: { connector: name, task },
      config: javaHashMap(config),
    }));
  }

  /** Deprecated GET tasks-config: `{"<c>-<n>": config}` from a HashMap keyed by ConnectorTaskId. */
  tasksConfig(name: string): Record<string, Record<string, string>> {
    if (!this.o.configs.contains(name)) throw new NotFoundException(`Connector ${name} not found`);
    const out: Record<string, Record<string, string>> = {};
    (this.o.configs.taskConfigs.get(name) ?? []).forEach((config, task) => {
      out[`${name}-${task}`] = javaHashMap(config);
    });
    return out;
  }

  activeTopics(name: string): string[] {
    return this.o.statuses.getTopics(name).map((t) => t.topic);
  }

  resetActiveTopics(name: string): void {
    for (const t of this.o.statuses.getTopics(name)) this.o.statuses.deleteTopic(name, t.topic);
  }

  // ---- validation -------------------------------------------------------------------------------

  validateConnectorConfig(config: Record<string, string | null>): Promise<ConfigInfos> {
    return this.o.validator.validate(config);
  }

  // ---- mutations --------------------------------------------------------------------------------

  async putConnectorConfig(
    name: string,
    config: Record<string, string>,
    initialState: InitialState | null,
    allowReplace: boolean,
  ): Promise<{ created: boolean; info: ConnectorInfo }> {
    let infos: ConfigInfos;
    try {
      infos = await this.o.validator.validate(config);
    } catch (error) {
      if (error instanceof UnknownConnectorClassException) {
        throw new BadRequestException(`org.apache.kafka.connect.errors.ConnectException: ${error.message}`);
      }
      throw error;
    }
    if (infos.error_count > 0) throw new BadRequestException(invalidConfigMessage(infos));
    return this.serial(async () => {
      const exists = this.o.configs.contains(name);
      if (!allowReplace && exists) throw new AlreadyExistsException(`Connector ${name} already exists`);
      const target: TargetState | null =
        initialState === null ? null : initialState === 'RUNNING' ? 'STARTED' : initialState;
      await this.o.configs.putConnectorConfig(name, config, target);
      const info: ConnectorInfo = {
        name,
        config,
        tasks: this.taskIds(name),
        type: this.connectorType(config),
      };
      this.later(() => this.startConnectorAndTasks(name));
      return { created: !exists, info };
    });
  }

  async patchConnectorConfig(name: string, patch: Record<string, string | null>): Promise<ConnectorInfo> {
    const current = this.o.configs.connectors.get(name);
    if (!current) throw new NotFoundException(`Connector ${name} not found`);
    const merged: Record<string, string> = { ...javaHashMap(current) };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete merged[k];
      else merged[k] = v;
    }
    const { info } = await this.putConnectorConfig(name, merged, null, true);
    return info;
  }

  /** Queues work after the current request, logging (not throwing) its failure. */
  private later(fn: () => Promise<void>): void {
    void this.serial(fn).catch((error: unknown) =>
      this.o.log(`Background herder work failed: ${String(error)}`),
    );
  }

  async deleteConnector(name: string): Promise<void> {
    await this.serial(async () => {
      if (!this.o.configs.contains(name)) throw new NotFoundException(`Connector ${name} not found`);
      await this.o.configs.removeConnectorConfig(name);
      const taskCount = Math.max(this.o.configs.taskCount(name), this.o.statuses.getAllTasks(name).length);
      this.o.configs.taskConfigs.delete(name);
      await this.o.worker.stopConnectorAndTasks(name);
      for (let t = 0; t < taskCount; t++) this.onTask(name, t, 'DESTROYED');
      for (const [t] of this.o.statuses.getAllTasks(name)) this.onTask(name, t, 'DESTROYED');
      this.onConnector(name, 'DESTROYED');
    });
  }

  async pauseConnector(name: string): Promise<void> {
    await this.setTargetState(name, 'PAUSED');
  }

  async resumeConnector(name: string): Promise<void> {
    await this.setTargetState(name, 'STARTED');
  }

  private async setTargetState(name: string, state: TargetState): Promise<void> {
    await this.serial(async () => {
      if (!this.o.configs.contains(name)) throw new NotFoundException(`Unknown connector ${name}`);
      const previous = this.o.configs.targetState(name);
      await this.o.configs.putTargetState(name, state);
      this.later(() => this.applyTargetState(name, previous, state));
    });
  }

  async stopConnector(name: string): Promise<void> {
    await this.serial(async () => {
      if (!this.o.configs.contains(name)) throw new NotFoundException(`Unknown connector ${name}`);
      // Task configs first: a RUNNING connector with no tasks is fine, a STOPPED one with tasks is not.
      await this.o.configs.putTaskConfigs(name, []);
      await this.o.configs.putTargetState(name, 'STOPPED');
      await this.o.worker.stopTasks(name);
      for (const [t] of this.o.statuses.getAllTasks(name)) this.onTask(name, t, 'DESTROYED');
      await this.o.worker.transitionConnector(name, 'STOPPED');
      if (!this.o.worker.hasConnector(name)) this.onConnector(name, 'STOPPED');
    });
  }

  async restartConnector(name: string): Promise<void> {
    await this.serial(async () => {
      if (!this.o.configs.contains(name)) throw new NotFoundException(`Unknown connector: ${name}`);
      await this.o.worker.stopConnector(name);
      await this.startConnector(name);
    });
  }

  async restartConnectorAndTasks(name: string, flags: RestartRequestFlags): Promise<ConnectorStateInfo> {
    return this.serial(async () => {
      if (!this.o.configs.contains(name)) throw new NotFoundException(`Unknown connector: ${name}`);
      await this.o.configs.putRestartRequest({ connector: name, ...flags });
      let current: ConnectorStateInfo;
      try {
        current = this.connectorStatus(name);
      } catch {
        throw new NotFoundException(`Status for connector ${name} not found`);
      }
      const plan = buildRestartPlan(flags, current);
      this.later(async () => {
        if (plan.restartConnector) this.onConnector(name, 'RESTARTING');
        for (const t of plan.taskIds) this.onTask(name, t, 'RESTARTING');
        for (const t of plan.taskIds) await this.o.worker.stopTask(name, t);
        if (plan.restartConnector) {
          await this.o.worker.stopConnector(name);
          await this.startConnector(name);
        }
        for (const t of plan.taskIds) await this.startTask(name, t);
      });
      return plan.stateInfo;
    });
  }

  async restartTask(name: string, task: number): Promise<void> {
    await this.serial(async () => {
      if (!this.o.configs.contains(name)) throw new NotFoundException(`Unknown connector: ${name}`);
      if (task < 0 || task >= this.o.configs.taskCount(name))
        throw new NotFoundException(`Unknown task: ${name}-${task}`);
      await this.o.worker.stopTask(name, task);
      await this.startTask(name, task);
    });
  }

  // ---- offsets ----------------------------------------------------------------------------------

  async connectorOffsets(name: string): Promise<ConnectorOffsets> {
    const config = this.o.configs.connectors.get(name);
    if (!config) throw new NotFoundException(`Connector ${name} not found`);
    return this.o.worker.connectorOffsets(name, config);
  }

  private checkStopped(name: string): Record<string, string> {
    const config = this.o.configs.connectors.get(name);
    if (!config) throw new NotFoundException(`Connector ${name} not found`);
    if (this.o.configs.targetState(name) !== 'STOPPED' || this.o.configs.taskCount(name) !== 0) {
      throw new BadRequestException(
        `Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/${name}/stop' endpoint`,
      );
    }
    return config;
  }

  async alterConnectorOffsets(
    name: string,
    offsets: { partition: Record<string, unknown> | null; offset: Record<string, unknown> | null }[],
  ): Promise<string> {
    return this.serial(async () => {
      const config = this.checkStopped(name);
      const managed = await this.o.worker.modifyConnectorOffsets(name, config, offsets);
      return managed
        ? 'The offsets for this connector have been altered successfully'
        : 'The Connect framework-managed offsets for this connector have been altered successfully. However, if this connector manages offsets externally, they will need to be manually altered in the system that the connector uses.';
    });
  }

  async resetConnectorOffsets(name: string): Promise<string> {
    return this.serial(async () => {
      const config = this.checkStopped(name);
      const managed = await this.o.worker.modifyConnectorOffsets(name, config, null);
      return managed
        ? 'The offsets for this connector have been reset successfully'
        : 'The Connect framework-managed offsets for this connector have been reset successfully. However, if this connector manages offsets externally, they will need to be manually reset in the system that the connector uses.';
    });
  }

  // ---- internals (run inside serial) --------------------------------------------------------------

  private async startConnector(name: string): Promise<void> {
    const config = this.o.configs.connectors.get(name);
    if (!config) return;
    await this.o.worker.startConnector(name, config, this.o.configs.targetState(name), () =>
      this.later(() => this.reconfigureTasks(name)),
    );
    if (this.o.configs.targetState(name) === 'STARTED') await this.reconfigureTasks(name);
  }

  private async startConnectorAndTasks(name: string): Promise<void> {
    await this.o.worker.stopConnectorAndTasks(name);
    await this.startConnector(name);
    await this.startTasks(name);
  }

  private async startTasks(name: string): Promise<void> {
    const count = this.o.configs.taskCount(name);
    for (let t = 0; t < count; t++) {
      if (!this.o.worker.hasTask(name, t)) await this.startTask(name, t);
    }
  }

  private async startTask(name: string, task: number): Promise<void> {
    const config = this.o.configs.connectors.get(name);
    const taskConfig = this.o.configs.taskConfigs.get(name)?.[task];
    if (!config || !taskConfig) return;
    await this.o.worker.startTask(name, task, config, taskConfig, this.o.configs.targetState(name));
  }

  /** Asks the running connector for task configs; writes and restarts tasks only when they changed. */
  private async reconfigureTasks(name: string): Promise<void> {
    const config = this.o.configs.connectors.get(name);
    if (!config || this.o.configs.targetState(name) !== 'STARTED') return;
    let generated: Record<string, string>[] | null;
    try {
      generated = this.o.worker.connectorTaskConfigs(name, config);
    } catch (error) {
      this.onConnector(name, 'FAILED', error);
      return;
    }
    if (generated === null) return;
    const existing = this.o.configs.taskConfigs.get(name) ?? [];
    if (sameTaskConfigs(existing, generated)) {
      await this.startTasks(name);
      return;
    }
    await this.o.worker.stopTasks(name);
    const removed = existing.length - generated.length;
    await this.o.configs.putTaskConfigs(name, generated);
    for (let t = generated.length; t < generated.length + Math.max(0, removed); t++)
      this.onTask(name, t, 'DESTROYED');
    await this.startTasks(name);
  }

  private async applyTargetState(name: string, previous: TargetState, state: TargetState): Promise<void> {
    if (!this.o.configs.contains(name)) return;
    if (state === 'PAUSED') {
      if (previous === 'STOPPED' || !this.o.worker.hasConnector(name)) {
        await this.startConnectorAndTasks(name);
        return;
      }
      await this.o.worker.transitionConnector(name, 'PAUSED');
      this.o.worker.pauseTasks(name);
    } else if (state === 'STARTED') {
      if (previous === 'STOPPED' || !this.o.worker.hasConnector(name)) {
        await this.startConnectorAndTasks(name);
        return;
      }
      await this.o.worker.transitionConnector(name, 'STARTED');
      this.o.worker.resumeTasks(name);
      await this.reconfigureTasks(name);
    }
  }
}

/** A status entry as Connect 4.4 serializes it: state, worker_id, version (plugin version), trace when set. */
function s(
  state: StatusState,
  worker_id: string,
  trace: string | null,
  version: string | null,
): { state: never; worker_id: string; version?: string; trace?: string } {
  const entry = { state: state as never, worker_id } as {
    state: never;
    worker_id: string;
    version?: string;
    trace?: string;
  };
  if (version) entry.version = version;
  if (trace) entry.trace = trace;
  return entry;
}

function sameTaskConfigs(a: Record<string, string>[], b: Record<string, string>[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    const kx = Object.keys(x);
    return kx.length === Object.keys(y).length && kx.every((k) => x[k] === y[k]);
  });
}

export { ConnectException };
