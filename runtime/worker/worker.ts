/**
 * Worker: instantiates connectors and tasks from the plugin registry, wires converters and the
 * transformation chain, and owns the running WorkerConnector/WorkerSourceTask/WorkerSinkTask objects.
 */
import type { Admin, Kafka } from 'kafkajs';
import type { ConnectorOffsets, TargetState } from '../../protocol/connect-rest/entities';
import type { Connector, SinkTask, SourceTask, TopicPartition } from '../api/connector';
import { SinkConnector, SourceConnector } from '../api/connector';
import type { Converter, HeaderConverter } from '../converters/converter';
import { ConnectException, DataException } from '../data/errors';
import type { PluginRegistry } from '../plugins/registry';
import type { OffsetBackingStore } from '../storage/offset-backing-store';
import { alterSinkGroupOffsets, isGroupNotFound } from '../storage/sink-group-offsets';
import type { StatusBackingStore } from '../storage/status-backing-store';
import { validateSinkOffsets, validateSourceOffsets } from './offsets';
import type { StatusListener } from './status-listener';
import type { SinkRecord, SourceRecord } from '../api/records';
import {
  kafkajsDlqProducer,
  printStackTrace,
  sinkTaskErrorHandling,
  sourceTaskErrorHandling,
} from '../errors/tolerance/index';
import type { ErrorLogger } from '../errors/tolerance/index';
import { buildWorkerTransformationChain } from './transformation-chain';
import { WorkerConnector } from './worker-connector';
import { WorkerSinkTask, sinkGroupId } from './worker-sink-task';
import { WorkerSourceTask } from './worker-source-task';
import { SinkTaskMetrics, SourceTaskMetrics } from '../metrics/task-metrics';
import type { TaskMetrics } from '../metrics/task-metrics';
import type { ErrorHandlingMetrics } from '../errors/tolerance/index';

export interface WorkerConfig {
  keyConverter: string;
  valueConverter: string;
  headerConverter: string;
  /** Worker-level converter settings, e.g. {"key.converter.schemas.enable": "true"}. */
  converterProps: Record<string, string>;
  offsetFlushIntervalMs: number;
}

export interface WorkerDeps {
  kafka: Kafka;
  admin: Admin;
  plugins: PluginRegistry;
  offsets: OffsetBackingStore;
  statuses: StatusBackingStore;
  config: WorkerConfig;
  log: (line: string) => void;
}

type RunningTask = WorkerSourceTask | WorkerSinkTask;

/** A task's metric groups as our metrics endpoint reports them. */
export interface TaskMetricGroups {
  task: TaskMetrics;
  errors: ErrorHandlingMetrics;
}

export class Worker {
  private listener: StatusListener | null = null;
  private readonly connectors = new Map<string, WorkerConnector>();
  private readonly tasks = new Map<string, Map<number, RunningTask>>();
  private readonly metrics = new Map<string, Map<number, TaskMetricGroups>>();

  constructor(private readonly d: WorkerDeps) {}

  setListener(listener: StatusListener): void {
    // Task state changes also feed connector-task-metrics (status, running-ratio, pause-ratio).
    this.listener = {
      onConnector: (connector, state, error) => listener.onConnector(connector, state, error),
      onTask: (connector, task, state, error) => {
        this.metrics.get(connector)?.get(task)?.task.recordState(state);
        listener.onTask(connector, task, state, error);
      },
    };
  }

  /** The metric groups of the connector's tasks running on this worker, by task id. */
  taskMetrics(name: string): [number, TaskMetricGroups][] {
    return [...(this.metrics.get(name)?.entries() ?? [])].sort((a, b) => a[0] - b[0]);
  }

  private trackMetrics(name: string, task: number, groups: TaskMetricGroups): void {
    const map = this.metrics.get(name) ?? new Map<number, TaskMetricGroups>();
    map.set(task, groups);
    this.metrics.set(name, map);
  }

  private get l(): StatusListener {
    if (!this.listener) throw new Error('Worker used before a status listener was set');
    return this.listener;
  }

  hasConnector(name: string): boolean {
    return this.connectors.has(name);
  }

  hasTask(name: string, task: number): boolean {
    return this.tasks.get(name)?.has(task) ?? false;
  }

  /** Connect's Plugins.newConnector: the message real Connect gives for an unknown class. */
  newConnector(className: string | undefined): Connector {
    const desc = className ? this.d.plugins.findConnector(className) : undefined;
    if (!desc) {
      const available = this.d.plugins
        .list(['sink', 'source'])
        .map(
          (p) =>
            `PluginDesc{klass=class ${p.className}, name='${p.className}', version='${p.version}', encodedVersion=${p.version}, type=${p.type}, typeName='${p.type}', location='classpath'}`,
        )
        .join(', ');
      throw new ConnectException(
        `Failed to find any class that implements Connector and which name matches ${className ?? 'null'}, available connectors are: ${available}`,
      );
    }
    return desc.create() as Connector;
  }

  async startConnector(
    name: string,
    config: Record<string, string>,
    target: TargetState,
    onReconfigure: () => void,
  ): Promise<void> {
    await this.stopConnector(name);
    let plugin: Connector;
    try {
      plugin = this.newConnector(config['connector.class']);
    } catch (error) {
      this.l.onConnector(name, 'FAILED', error);
      return;
    }
    const wc = new WorkerConnector(name, plugin, config, this.l, onReconfigure);
    this.connectors.set(name, wc);
    await wc.transitionTo(target);
  }

  async transitionConnector(name: string, target: TargetState): Promise<void> {
    await this.connectors.get(name)?.transitionTo(target);
  }

  async stopConnector(name: string): Promise<void> {
    const wc = this.connectors.get(name);
    if (!wc) return;
    this.connectors.delete(name);
    await wc.shutdown();
  }

  /** Worker.connectorTaskConfigs: adds task.class (and topics for sinks) to every generated config. */
  connectorTaskConfigs(name: string, config: Record<string, string>): Record<string, string>[] | null {
    const wc = this.connectors.get(name);
    if (!wc || !wc.isRunning) return null;
    const plugin = wc.plugin;
    const maxTasks = Number.parseInt(config['tasks.max'] ?? '1', 10) || 1;
    const generated = plugin.taskConfigs(maxTasks);
    const enforce = (config['tasks.max.enforce'] ?? 'true').toLowerCase() !== 'false';
    if (generated.length > maxTasks && enforce) {
      throw new ConnectException(
        `The connector ${name} has generated ${generated.length} tasks, which is greater than ${maxTasks}, the maximum number of tasks it is configured to create. This behaviour should be considered a bug and is disallowed. If necessary, it can be permitted by reconfiguring the connector with 'tasks.max.enforce' set to false; however, this option will be removed in a future release of Kafka Connect.`,
      );
    }
    const taskClass = plugin.taskClass();
    const taskClassName = (taskClass as unknown as { className?: string }).className ?? taskClass.name;
    return generated.map((g) => {
      const c: Record<string, string> = { ...g, 'task.class': taskClassName };
      if (plugin instanceof SinkConnector) {
        if (config['topics'] !== undefined) c['topics'] = config['topics'];
        if (config['topics.regex'] !== undefined) c['topics.regex'] = config['topics.regex'];
      }
      return c;
    });
  }

  private newConverter(className: string, props: Record<string, unknown>, isKey: boolean): Converter {
    const desc = this.d.plugins.find(className, ['converter']);
    if (!desc)
      throw new ConnectException(
        `Failed to find any class that implements Converter and which name matches ${className}`,
      );
    const c = desc.create() as Converter;
    c.configure(props, isKey);
    return c;
  }

  private newHeaderConverter(className: string, props: Record<string, unknown>): HeaderConverter {
    const desc = this.d.plugins.find(className, ['header_converter', 'converter']);
    if (!desc)
      throw new ConnectException(
        `Failed to find any class that implements HeaderConverter and which name matches ${className}`,
      );
    const c = desc.create() as HeaderConverter;
    c.configure(props);
    return c;
  }

  /** Converter settings: `<prefix>.*` from the connector config when it names the class, else the worker's. */
  private converterSetup(
    prefix: string,
    config: Record<string, string>,
    fallback: string,
  ): { cls: string; props: Record<string, unknown> } {
    const fromConnector = config[prefix];
    const source = fromConnector !== undefined ? config : this.d.config.converterProps;
    const cls = fromConnector ?? fallback;
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(source)) {
      if (k.startsWith(prefix + '.')) props[k.slice(prefix.length + 1)] = v;
    }
    return { cls, props };
  }

  async startTask(
    name: string,
    task: number,
    config: Record<string, string>,
    taskConfig: Record<string, string>,
    target: TargetState,
  ): Promise<void> {
    await this.stopTask(name, task);
    const map = this.tasks.get(name) ?? new Map<number, RunningTask>();
    this.tasks.set(name, map);
    try {
      const connector = this.connectors.get(name)?.plugin ?? this.newConnector(config['connector.class']);
      const TaskClass = connector.taskClass();
      const instance = new TaskClass();
      const k = this.converterSetup('key.converter', config, this.d.config.keyConverter);
      const v = this.converterSetup('value.converter', config, this.d.config.valueConverter);
      const h = this.converterSetup('header.converter', config, this.d.config.headerConverter);
      const common = {
        connector: name,
        taskId: task,
        taskConfig,
        kafka: this.d.kafka,
        keyConverter: this.newConverter(k.cls, k.props, true),
        valueConverter: this.newConverter(v.cls, v.props, false),
        headerConverter: this.newHeaderConverter(h.cls, h.props),
        statuses: this.d.statuses,
        listener: this.l,
        offsetFlushIntervalMs: this.d.config.offsetFlushIntervalMs,
        log: this.d.log,
      };
      const className = (n: string, types: Parameters<PluginRegistry['find']>[1]): string =>
        this.d.plugins.find(n, types)?.className ?? n;
      const converterClasses = {
        key: className(k.cls, ['converter']),
        value: className(v.cls, ['converter']),
        header: className(h.cls, ['header_converter', 'converter']),
      };
      const id = { connector: name, task };
      // LogReporter output (errors.log.enable): the message, then the cause's Java stack trace.
      const errorLog: ErrorLogger = (message, error) =>
        this.d.log(error === undefined || error === null ? message : `${message}\n${printStackTrace(error)}`);
      let running: RunningTask;
      if (connector instanceof SourceConnector) {
        const { operator } = sourceTaskErrorHandling({ id, connectorConfig: config, log: errorLog });
        const metrics = new SourceTaskMetrics();
        this.trackMetrics(name, task, { task: metrics, errors: operator.metrics });
        running = new WorkerSourceTask({
          metrics,
          ...common,
          task: instance as SourceTask,
          transformations: buildWorkerTransformationChain<SourceRecord>(this.d.plugins, config, operator),
          operator,
          converterClasses,
          offsets: this.d.offsets,
        });
      } else {
        // The DLQ (errors.deadletterqueue.topic.name): topic created by the worker's admin client with
        // the replication factor capped to the live brokers; records sent by a producer of its own.
        const { operator } = await sinkTaskErrorHandling({
          id,
          connectorConfig: config,
          log: errorLog,
          admin: this.d.admin,
          dlqProducer: async () => {
            const producer = this.d.kafka.producer({ allowAutoTopicCreation: false, idempotent: false });
            await producer.connect();
            return kafkajsDlqProducer(producer);
          },
          workerLog: (message, error) =>
            this.d.log(error === undefined ? message : `${message}\n${printStackTrace(error)}`),
        });
        const metrics = new SinkTaskMetrics();
        this.trackMetrics(name, task, { task: metrics, errors: operator.metrics });
        running = new WorkerSinkTask({
          metrics,
          ...common,
          task: instance as SinkTask,
          transformations: buildWorkerTransformationChain<SinkRecord>(this.d.plugins, config, operator),
          operator,
          converterClasses,
        });
      }
      map.set(task, running);
      running.start(target !== 'STARTED');
    } catch (error) {
      this.l.onTask(name, task, 'FAILED', error);
    }
  }

  async stopTask(name: string, task: number): Promise<void> {
    const running = this.tasks.get(name)?.get(task);
    if (!running) return;
    this.tasks.get(name)?.delete(task);
    this.metrics.get(name)?.delete(task);
    await running.stop();
  }

  async stopTasks(name: string): Promise<void> {
    const map = this.tasks.get(name);
    if (!map) return;
    const all = [...map.entries()];
    this.tasks.delete(name);
    this.metrics.delete(name);
    await Promise.all(all.map(([, t]) => t.stop()));
  }

  pauseTasks(name: string): void {
    for (const t of this.tasks.get(name)?.values() ?? []) t.pause();
  }

  resumeTasks(name: string): void {
    for (const t of this.tasks.get(name)?.values() ?? []) t.resume();
  }

  async stopConnectorAndTasks(name: string): Promise<void> {
    await this.stopTasks(name);
    await this.stopConnector(name);
  }

  async stopAll(): Promise<void> {
    const names = new Set([...this.connectors.keys(), ...this.tasks.keys()]);
    await Promise.all([...names].map((n) => this.stopConnectorAndTasks(n)));
  }

  // ---- offsets ----------------------------------------------------------------------------------

  async connectorOffsets(name: string, config: Record<string, string>): Promise<ConnectorOffsets> {
    const connector = this.newConnector(config['connector.class']);
    if (connector instanceof SinkConnector) {
      const groups = await this.d.admin.fetchOffsets({ groupId: sinkGroupId(name) });
      const offsets: ConnectorOffsets['offsets'] = [];
      for (const t of groups) {
        for (const p of t.partitions) {
          if (Number(p.offset) < 0) continue;
          offsets.push({
            partition: { kafka_topic: t.topic, kafka_partition: p.partition },
            offset: { kafka_offset: Number(p.offset) },
          });
        }
      }
      return { offsets };
    }
    return { offsets: this.d.offsets.all(name).map((e) => ({ partition: e.partition, offset: e.offset })) };
  }

  /** Alter (offsets given) or reset (null) the offsets of a STOPPED connector; returns alterOffsets()'s answer. */
  async modifyConnectorOffsets(
    name: string,
    config: Record<string, string>,
    offsets: { partition: Record<string, unknown> | null; offset: Record<string, unknown> | null }[] | null,
  ): Promise<boolean> {
    const connector = this.newConnector(config['connector.class']);
    if (connector instanceof SinkConnector) {
      const groupId = sinkGroupId(name);
      if (offsets === null) {
        const managed = await connector.alterOffsets({ ...config }, new Map());
        await this.d.admin.deleteGroups([groupId]).catch((error: unknown) => {
          // A sink that never committed has no group: nothing to reset.
          if (!isGroupNotFound(error)) throw error;
        });
        return managed;
      }
      const parsed = validateSinkOffsets(offsets);
      const map = new Map<TopicPartition, bigint | null>(parsed.map((p) => [p.tp, p.offset]));
      const managed = await connector.alterOffsets({ ...config }, map);
      try {
        // Every listed partition must exist, reset or not (Connect checks against topic metadata).
        for (const topic of new Set(parsed.map((p) => p.tp.topic))) {
          const md = await this.d.admin.fetchTopicMetadata({ topics: [topic] });
          const known = new Set(md.topics[0]?.partitions.map((p) => p.partitionId) ?? []);
          if (parsed.some((p) => p.tp.topic === topic && !known.has(p.tp.partition)))
            throw new Error(`Unknown partition of ${topic}`);
        }
        await alterSinkGroupOffsets(
          this.d.admin,
          groupId,
          parsed.map((p) => ({ topic: p.tp.topic, partition: p.tp.partition, offset: p.offset })),
        );
      } catch (error) {
        throw new ConnectException(`Failed to alter consumer group offsets for connector ${name}`, {
          cause: error,
        });
      }
      return managed;
    }
    if (!(connector instanceof SourceConnector)) throw new DataException('Unknown connector type');
    if (offsets === null) {
      const existing = this.d.offsets.all(name);
      const managed = await connector.alterOffsets(
        { ...config },
        new Map(existing.map((e) => [e.partition, null])),
      );
      await this.d.offsets.set(
        name,
        existing.map((e) => ({ partition: e.partition, offset: null })),
      );
      return managed;
    }
    const entries = validateSourceOffsets(offsets);
    const managed = await connector.alterOffsets(
      { ...config },
      new Map(entries.map((e) => [e.partition, e.offset])),
    );
    await this.d.offsets.set(name, entries);
    return managed;
  }
}
