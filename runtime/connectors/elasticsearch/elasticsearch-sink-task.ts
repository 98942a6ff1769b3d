/**
 * ElasticsearchSinkTask: per record, the index (or data stream) is created once, the mapping put
 * from the value schema unless schema.ignore, the record converted to a bulk action and queued on
 * the BulkClient. preCommit returns only offsets whose records are written (AsyncOffsetTracker), or
 * waits for every request first with flush.synchronously=true.
 */
import type { ConnectorProps, ErrantRecordReporter, SinkOffsets, TopicPartition } from '../../api/connector';
import { SinkTask } from '../../api/connector';
import type { SinkRecord } from '../../api/records';
import { ConnectException, DataException } from '../../data/errors';
import { BulkClient, bulkLines } from './bulk-client';
import type { SinkLog } from './bulk-client';
import { convertRecord, resourceName } from './data-converter';
import { refuseKerberos } from './kerberos';
import { buildMapping } from './mapping';
import { OffsetTracker } from './offset-tracker';
import { parseElasticsearchSettings } from './settings';
import type { ElasticsearchSettings } from './settings';
import { ELASTICSEARCH_CONNECTOR_VERSION } from './version';

const LOGGER = 'io.confluent.connect.elasticsearch.ElasticsearchSinkTask';

function recordString(r: SinkRecord): string {
  return `record from topic=${r.topic} partition=${r.kafkaPartition} offset=${r.kafkaOffset}`;
}

export class ElasticsearchSinkTask extends SinkTask {
  private s!: ElasticsearchSettings;
  private client!: BulkClient;
  private tracker = new OffsetTracker();
  private reporter: ErrantRecordReporter | null = null;
  private readonly indexCache = new Set<string>();
  private readonly mappings = new Set<string>();
  private readonly log: SinkLog = (level, message) => {
    if (level === 'DEBUG') return;
    process.stderr.write(`${new Date().toISOString()} ${level} ${message} (${LOGGER})\n`);
  };

  version(): string {
    return ELASTICSEARCH_CONNECTOR_VERSION;
  }

  start(props: ConnectorProps): void {
    this.s = parseElasticsearchSettings(props);
    refuseKerberos(this.s); // the real task logs in to the KDC here; this runtime cannot
    this.reporter = this.context?.errantRecordReporter?.() ?? null;
    if (this.reporter === null) this.log('INFO', 'Errant record reporter not configured.');
    this.client = new BulkClient(this.s, this.reporter, this.log);
    this.tracker = new OffsetTracker();
  }

  async put(records: SinkRecord[]): Promise<void> {
    this.client.throwIfFailed();
    for (const record of records) {
      const state = this.tracker.addPending(record.topic, record.kafkaPartition ?? 0, record.kafkaOffset);
      if (record.value == null && this.s.behaviorOnNullValues === 'IGNORE') {
        state.processed = true;
        await this.reportBadRecord(record, new ConnectException('Cannot write null valued record.'));
        continue;
      }
      const index = this.resourceFor(record);
      await this.ensureIndexExists(index);
      await this.checkMapping(index, record);
      let action;
      try {
        action = convertRecord(this.s, record);
      } catch (e) {
        if (!(e instanceof DataException)) throw e;
        await this.reportBadRecord(record, e);
        if (!this.s.dropInvalidMessage) throw e;
        this.log('ERROR', `Can't convert ${recordString(record)}. Failure type: ${e.javaClassName}`);
        state.processed = true;
        continue;
      }
      if (action === null) {
        state.processed = true;
        continue;
      }
      await this.client.add({
        record,
        action,
        lines: bulkLines(action),
        done: (processed) => {
          if (processed) state.processed = true;
        },
      });
    }
  }

  override async preCommit(currentOffsets: SinkOffsets): Promise<SinkOffsets> {
    if (this.s.flushSynchronously) {
      await this.client.flushAndWait();
      return currentOffsets;
    }
    // Failures surface in the next put(), as the real task's throwIfFailed does.
    this.client.triggerFlush();
    return this.tracker.offsets();
  }

  override async flush(): Promise<void> {
    await this.client.flushAndWait();
  }

  override close(partitions: TopicPartition[]): void {
    this.tracker.closePartitions(partitions);
  }

  async stop(): Promise<void> {
    await this.client?.close();
  }

  private resourceFor(record: SinkRecord): string {
    if (this.s.topicToResource.size > 0 && !this.s.topicToResource.has(record.topic)) {
      throw new ConnectException(
        `Topic '${record.topic}' is not mapped to any resource. All topics must be mapped when using topic-to-resource mapping configuration. Please check the 'topic.to.external.resource.mapping' configuration to ensure all topics are properly mapped.`,
      );
    }
    return resourceName(this.s, record.topic);
  }

  private async reportBadRecord(record: SinkRecord, error: unknown): Promise<void> {
    if (this.reporter) await this.reporter.report(record, error);
  }

  /** createIndexOrDataStream, once per index per task (external resources must already exist). */
  private async ensureIndexExists(index: string): Promise<void> {
    if (this.indexCache.has(index) || this.s.topicToResource.size > 0) return;
    const path = `/${encodeURIComponent(index)}`;
    const head = await this.client.request('HEAD', path, undefined, `check if index ${index} exists`, [404]);
    if (head.status === 404) {
      this.log('INFO', `Creating index ${index}.`);
      const create = this.s.isDataStream
        ? await this.client.request(
            'PUT',
            `/_data_stream${path}`,
            undefined,
            `create data stream ${index}`,
            [400],
          )
        : await this.client.request('PUT', path, undefined, `create index ${index}`, [400]);
      if (create.status === 400 && !create.text.includes('resource_already_exists_exception')) {
        throw new ConnectException(
          `Failed to create ${this.s.isDataStream ? 'data stream' : 'index'} ${index}: ${create.text}`,
        );
      }
    }
    this.indexCache.add(index);
  }

  /** checkMapping: put the schema's mapping when the index has none yet (unless schema.ignore). */
  private async checkMapping(index: string, record: SinkRecord): Promise<void> {
    if (this.s.shouldIgnoreSchema(record.topic) || this.mappings.has(index)) return;
    const path = `/${encodeURIComponent(index)}/_mapping`;
    const got = await this.client.request('GET', path, undefined, `get mapping for index ${index}`);
    const body = JSON.parse(got.text) as Record<string, { mappings?: Record<string, unknown> }>;
    const existing = Object.values(body)[0]?.mappings ?? {};
    if (Object.keys(existing).length === 0) {
      const mapping = JSON.stringify(buildMapping(record.valueSchema));
      await this.client.request('PUT', path, mapping, `create mapping for resource ${index}`);
    }
    this.mappings.add(index);
  }
}
