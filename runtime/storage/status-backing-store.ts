/**
 * Connector/task statuses and active topics in the status topic, as KafkaStatusBackingStore.
 * Reads are served from memory (updated at once); writes go to the topic in order, in the background,
 * because a status write must never block a task.
 */
import type { Producer } from '../kafka/client';
import {
  STATUS_CONNECTOR_PREFIX,
  STATUS_TASK_PREFIX,
  parseTaskKey,
  statusValue,
  topicStatusKey,
  topicStatusValue,
  STATUS_TOPIC_PREFIX,
  CONNECTOR_PREFIX,
  decodeStatusValue,
} from './records';
import type { StatusValue } from './records';

export interface TopicStatus {
  topic: string;
  connector: string;
  task: number;
  discoverTimestamp: number;
}

export class StatusBackingStore {
  readonly connectors = new Map<string, StatusValue>();
  readonly tasks = new Map<string, Map<number, StatusValue>>();
  readonly topics = new Map<string, Map<string, TopicStatus>>();
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly producer: Producer,
    readonly topic: string,
    private readonly log: (line: string) => void,
  ) {}

  /** Replays one record read at start-up. */
  applyRecord(key: string, value: Buffer | null): void {
    if (key.startsWith(STATUS_CONNECTOR_PREFIX)) {
      const name = key.slice(STATUS_CONNECTOR_PREFIX.length);
      if (value === null) this.connectors.delete(name);
      else this.connectors.set(name, decodeStatusValue(value));
    } else if (key.startsWith(STATUS_TASK_PREFIX)) {
      const id = parseTaskKey(key.slice(STATUS_TASK_PREFIX.length));
      if (!id) return;
      const m = this.tasks.get(id.connector) ?? new Map<number, StatusValue>();
      if (value === null) m.delete(id.task);
      else m.set(id.task, decodeStatusValue(value));
      this.tasks.set(id.connector, m);
    } else if (key.startsWith(STATUS_TOPIC_PREFIX)) {
      const rest = key.slice(STATUS_TOPIC_PREFIX.length);
      const sep = rest.indexOf(':' + CONNECTOR_PREFIX);
      if (sep < 0) return;
      const topic = rest.slice(0, sep);
      const connector = rest.slice(sep + 1 + CONNECTOR_PREFIX.length);
      const m = this.topics.get(connector) ?? new Map<string, TopicStatus>();
      if (value === null) m.delete(topic);
      else {
        const body = JSON.parse(value.toString('utf8')) as {
          topic: { task: number; discoverTimestamp: number };
        };
        m.set(topic, {
          topic,
          connector,
          task: body.topic.task,
          discoverTimestamp: body.topic.discoverTimestamp,
        });
      }
      this.topics.set(connector, m);
    }
  }

  private write(key: string, value: Buffer | null): void {
    this.chain = this.chain
      .then(() => this.producer.send({ topic: this.topic, acks: -1, messages: [{ key, value }] }))
      .then(
        () => undefined,
        (error: unknown) => this.log(`Failed to write status record ${key}: ${(error as Error).message}`),
      );
  }

  /** Waits for every status write issued so far (used at shutdown). */
  async flush(): Promise<void> {
    await this.chain;
  }

  putConnector(name: string, status: StatusValue): void {
    if (status.state === 'DESTROYED') {
      this.connectors.delete(name);
      this.write(STATUS_CONNECTOR_PREFIX + name, null);
      return;
    }
    this.connectors.set(name, status);
    this.write(STATUS_CONNECTOR_PREFIX + name, statusValue(status));
  }

  putTask(connector: string, task: number, status: StatusValue): void {
    const m = this.tasks.get(connector) ?? new Map<number, StatusValue>();
    if (status.state === 'DESTROYED') {
      m.delete(task);
      this.write(`${STATUS_TASK_PREFIX}${connector}-${task}`, null);
    } else {
      m.set(task, status);
      this.write(`${STATUS_TASK_PREFIX}${connector}-${task}`, statusValue(status));
    }
    this.tasks.set(connector, m);
  }

  getConnector(name: string): StatusValue | undefined {
    return this.connectors.get(name);
  }

  getTask(connector: string, task: number): StatusValue | undefined {
    return this.tasks.get(connector)?.get(task);
  }

  getAllTasks(connector: string): [number, StatusValue][] {
    return [...(this.tasks.get(connector)?.entries() ?? [])].sort((a, b) => a[0] - b[0]);
  }

  getTopics(connector: string): TopicStatus[] {
    return [...(this.topics.get(connector)?.values() ?? [])];
  }

  /** Records that a task used a topic (only the first use per connector is written, as Connect does). */
  recordTopic(connector: string, task: number, topic: string): void {
    const m = this.topics.get(connector) ?? new Map<string, TopicStatus>();
    if (m.has(topic)) return;
    const now = Date.now();
    m.set(topic, { topic, connector, task, discoverTimestamp: now });
    this.topics.set(connector, m);
    this.write(topicStatusKey(topic, connector), topicStatusValue(topic, connector, task, now));
  }

  deleteTopic(connector: string, topic: string): void {
    this.topics.get(connector)?.delete(topic);
    this.write(topicStatusKey(topic, connector), null);
  }
}
