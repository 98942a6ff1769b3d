/**
 * Connector configs, target states and task configs, persisted in the compacted, single-partition
 * config topic exactly as KafkaConfigBackingStore writes them. Memory is updated only after the
 * broker acknowledged the write, so a failed write leaves nothing half-applied.
 */
import type { TargetState } from '../../protocol/connect-rest/entities';
import type { Producer } from '../kafka/client';
import {
  COMMIT_TASKS_PREFIX,
  CONNECTOR_PREFIX,
  LOGGER_CLUSTER_PREFIX,
  RESTART_PREFIX,
  TARGET_STATE_PREFIX,
  TASK_PREFIX,
  commitValue,
  connectorConfigValue,
  loggerLevelValue,
  restartValue,
  targetStateValue,
  taskConfigValue,
} from './records';
import type { ConfigRecord, RestartRequest } from './records';

export class ConfigBackingStore {
  readonly connectors = new Map<string, Record<string, string>>();
  readonly targetStates = new Map<string, TargetState>();
  /** Committed task configs per connector (a commit record applies the preceding task records). */
  readonly taskConfigs = new Map<string, Record<string, string>[]>();
  private readonly deferred = new Map<string, Map<number, Record<string, string>>>();

  constructor(
    private readonly producer: Producer,
    readonly topic: string,
  ) {}

  contains(name: string): boolean {
    return this.connectors.has(name);
  }

  targetState(name: string): TargetState {
    return this.targetStates.get(name) ?? 'STARTED';
  }

  taskCount(name: string): number {
    return this.taskConfigs.get(name)?.length ?? 0;
  }

  /** Replays one record read from the topic at start-up. */
  apply(record: ConfigRecord): void {
    switch (record.type) {
      case 'connector':
        if (record.config === null) {
          this.connectors.delete(record.connector);
          this.targetStates.delete(record.connector);
        } else {
          this.connectors.set(record.connector, record.config);
        }
        break;
      case 'target-state':
        if (record.state === null) this.targetStates.delete(record.connector);
        else this.targetStates.set(record.connector, record.state);
        break;
      case 'task': {
        const pending = this.deferred.get(record.connector) ?? new Map<number, Record<string, string>>();
        pending.set(record.task, record.config);
        this.deferred.set(record.connector, pending);
        break;
      }
      case 'commit': {
        const pending = this.deferred.get(record.connector) ?? new Map<number, Record<string, string>>();
        const previous = this.taskConfigs.get(record.connector) ?? [];
        const configs: Record<string, string>[] = [];
        for (let i = 0; i < record.tasks; i++) {
          const c = pending.get(i) ?? previous[i];
          if (c) configs.push(c);
        }
        // An incomplete commit (missing task records) is ignored, like Connect's inconsistent-connector handling.
        if (configs.length === record.tasks) this.taskConfigs.set(record.connector, configs);
        this.deferred.delete(record.connector);
        break;
      }
      default:
        break;
    }
  }

  private async send(messages: { key: string; value: Buffer | null }[]): Promise<void> {
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: messages.map((m) => ({ ...m, partition: 0 })),
    });
  }

  async putConnectorConfig(
    name: string,
    config: Record<string, string>,
    targetState: TargetState | null,
  ): Promise<void> {
    const messages: { key: string; value: Buffer | null }[] = [];
    if (targetState !== null)
      messages.push({ key: TARGET_STATE_PREFIX + name, value: targetStateValue(targetState) });
    messages.push({ key: CONNECTOR_PREFIX + name, value: connectorConfigValue(config) });
    await this.send(messages);
    if (targetState !== null) this.targetStates.set(name, targetState);
    this.connectors.set(name, { ...config });
  }

  async removeConnectorConfig(name: string): Promise<void> {
    await this.send([
      { key: CONNECTOR_PREFIX + name, value: null },
      { key: TARGET_STATE_PREFIX + name, value: null },
    ]);
    this.connectors.delete(name);
    this.targetStates.delete(name);
  }

  async putTaskConfigs(name: string, configs: Record<string, string>[]): Promise<void> {
    const messages = configs.map((c, i) => ({
      key: `${TASK_PREFIX}${name}-${i}`,
      value: taskConfigValue(c),
    }));
    messages.push({ key: COMMIT_TASKS_PREFIX + name, value: commitValue(configs.length) });
    await this.send(messages);
    this.taskConfigs.set(
      name,
      configs.map((c) => ({ ...c })),
    );
  }

  async putTargetState(name: string, state: TargetState): Promise<void> {
    await this.send([{ key: TARGET_STATE_PREFIX + name, value: targetStateValue(state) }]);
    this.targetStates.set(name, state);
  }

  /** KafkaConfigBackingStore.putLoggerLevel: `logger-cluster-<namespace>` → {"level"}. */
  async putLoggerLevel(namespace: string, level: string): Promise<void> {
    await this.send([{ key: LOGGER_CLUSTER_PREFIX + namespace, value: loggerLevelValue(level) }]);
  }

  async putRestartRequest(request: RestartRequest): Promise<void> {
    await this.send([{ key: RESTART_PREFIX + request.connector, value: restartValue(request) }]);
  }
}
