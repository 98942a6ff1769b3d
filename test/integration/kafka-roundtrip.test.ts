/**
 * kafkajs 2.2.4 against the Apache Kafka 4.4 broker of the test cluster: the client operations
 * the runtime relies on (admin topics and configs, produce, consume in a group, committed offsets).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConfigResourceTypes } from 'kafkajs';
import type { Admin } from 'kafkajs';
import { kafkaClient, uniqueName } from '../support/cluster';

void describe('kafkajs against Kafka 4.4', () => {
  const kafka = kafkaClient();
  let admin: Admin;

  before(async () => {
    admin = kafka.admin();
    await admin.connect();
  });
  after(async () => {
    await admin.disconnect();
  });

  void it('creates, lists, describes and deletes topics', async () => {
    const topic = uniqueName('admin_topic');
    const created = await admin.createTopics({
      topics: [{ topic, numPartitions: 3, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }],
      waitForLeaders: true,
    });
    assert.equal(created, true);
    assert.ok((await admin.listTopics()).includes(topic));

    const meta = await admin.fetchTopicMetadata({ topics: [topic] });
    assert.equal(meta.topics[0]?.partitions.length, 3);

    const configs = await admin.describeConfigs({
      resources: [
        { type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['cleanup.policy', 'retention.ms'] },
      ],
      includeSynonyms: false,
    });
    const entries = new Map(configs.resources[0]?.configEntries.map((e) => [e.configName, e.configValue]));
    assert.equal(entries.get('cleanup.policy'), 'compact');
    assert.equal(entries.get('retention.ms'), '604800000');

    await admin.deleteTopics({ topics: [topic], timeout: 10000 });
    // Deletion is asynchronous in KRaft; the topic leaves the metadata shortly after.
    const deadline = Date.now() + 10000;
    while ((await admin.listTopics()).includes(topic)) {
      assert.ok(Date.now() < deadline, `${topic} still listed 10 s after deleteTopics`);
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  void it('produces and consumes in a group, with committed offsets visible to the admin', async () => {
    const topic = uniqueName('roundtrip');
    const groupId = uniqueName('group');
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });

    const producer = kafka.producer();
    await producer.connect();
    const sent = Array.from({ length: 5 }, (_, i) => ({
      key: `k${i}`,
      value: JSON.stringify({ n: i }),
      headers: { origin: 'kafka-roundtrip' },
    }));
    await producer.send({ topic, messages: sent });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const received: { key: string; value: string; offset: string; header: string }[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`only ${received.length}/5 messages within 30 s`)),
        30000,
      );
      void consumer.run({
        eachMessage: ({ message }) => {
          received.push({
            key: message.key?.toString() ?? '',
            value: message.value?.toString() ?? '',
            offset: message.offset,
            header: message.headers?.origin?.toString() ?? '',
          });
          if (received.length === sent.length) {
            clearTimeout(timer);
            resolve();
          }
          return Promise.resolve();
        },
      });
    });
    try {
      await done;
      // Stopping commits the last resolved offsets of the group.
      await consumer.stop();
    } finally {
      await consumer.disconnect();
    }
    assert.deepEqual(
      received.map((r) => r.key),
      sent.map((m) => m.key),
    );
    assert.deepEqual(
      received.map((r) => JSON.parse(r.value) as unknown),
      sent.map((_, i) => ({ n: i })),
    );
    assert.deepEqual(
      received.map((r) => r.offset),
      ['0', '1', '2', '3', '4'],
    );
    assert.ok(received.every((r) => r.header === 'kafka-roundtrip'));

    const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
    assert.deepEqual(
      offsets[0]?.partitions.map((p) => ({ partition: p.partition, offset: p.offset })),
      [{ partition: 0, offset: '5' }],
    );
    const groups = await admin.describeGroups([groupId]);
    assert.equal(groups.groups[0]?.groupId, groupId);

    await admin.deleteGroups([groupId]);
    await admin.deleteTopics({ topics: [topic] });
  });
});
