/**
 * The Records panel's metrics source against the real Kafka 4.4 broker: record counts from the
 * topic's offsets, in/s from end-offset growth between samples, the lag of a connector's sink
 * group `connect-<name>` from its committed offsets, the DLQ's record count, and what it says
 * when the group has committed nothing. (Task states come from the Connect REST status: unit
 * tested in test/unit/ext-records-metrics.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Admin, Producer } from 'kafkajs';
import { sinkGroupOf } from '../../protocol/webview/records-metrics';
import { MetricsSource } from '../../src/webviews/records/records-metrics';
import { kafkaClient, uniqueName } from '../support/cluster';

void describe('records metrics source on the real broker', () => {
  const kafka = kafkaClient();
  let admin: Admin;
  let producer: Producer;
  const topic = uniqueName('metrics_topic');
  const dlq = uniqueName('metrics_dlq');
  const connector = uniqueName('metrics_sink');

  const produce = async (t: string, n: number, partition: number) =>
    producer.send({
      topic: t,
      messages: Array.from({ length: n }, (_, i) => ({ partition, key: `k${i}`, value: `v${i}` })),
    });

  before(async () => {
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [
        { topic, numPartitions: 2 },
        { topic: dlq, numPartitions: 1 },
      ],
      waitForLeaders: true,
    });
    producer = kafka.producer();
    await producer.connect();
    // A fresh broker elects the group coordinator (__consumer_offsets) on first use; until then
    // fetchOffsets answers NOT_COORDINATOR, which a sample reports as a gap and the next one retries.
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        await admin.fetchOffsets({ groupId: uniqueName('warmup') });
        break;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  });
  after(async () => {
    await producer?.disconnect();
    await admin?.deleteTopics({ topics: [topic, dlq], timeout: 10000 }).catch(() => undefined);
    await admin?.disconnect();
  });

  void it('counts records, measures in/s, the sink group lag and the DLQ', async () => {
    await produce(topic, 20, 0);
    await produce(topic, 10, 1);
    await produce(dlq, 3, 0);
    let received = 0;
    const source = new MetricsSource({ kafka, topic, connector, dlqTopic: dlq, received: () => received });
    try {
      // No committed offsets yet: no lag figure, and the strip says why.
      const first = await source.sample();
      assert.equal(first.topicRecords, 30);
      assert.equal(first.produceRate, undefined, 'no rate from a single sample');
      assert.equal(first.lag, undefined);
      assert.deepEqual(first.unavailable, [`lag: ${sinkGroupOf(connector)} has no committed offsets`]);
      assert.deepEqual(first.dlq, { topic: dlq, records: 3 });

      // The sink group commits 5 on partition 0 and all 10 on partition 1: lag 15.
      await admin.setOffsets({
        groupId: sinkGroupOf(connector),
        topic,
        partitions: [
          { partition: 0, offset: '5' },
          { partition: 1, offset: '10' },
        ],
      });
      await produce(topic, 12, 1);
      received = 30;
      const second = await source.sample();
      assert.equal(second.topicRecords, 42);
      assert.ok((second.produceRate ?? 0) > 0, `in/s after 12 more records: ${second.produceRate}`);
      assert.ok((second.receiveRate ?? 0) > 0, `read/s after 30 received: ${second.receiveRate}`);
      assert.deepEqual(second.lag, { group: sinkGroupOf(connector), total: 15 + 12, partitions: 2 });
      assert.equal(second.unavailable, undefined);

      // Nothing new: rates drop to 0, counts stay.
      const third = await source.sample();
      assert.equal(third.produceRate, 0);
      assert.equal(third.receiveRate, 0);
      assert.equal(third.lag?.total, 27);
    } finally {
      await source.close();
    }
  });

  void it('a missing topic fails the sample (the poller backs off); a missing DLQ is only a gap', async () => {
    const missing = new MetricsSource({ kafka, topic: uniqueName('no_such_topic'), received: () => 0 });
    try {
      await assert.rejects(missing.sample());
    } finally {
      await missing.close();
    }
    const gap = new MetricsSource({ kafka, topic, dlqTopic: uniqueName('no_such_dlq'), received: () => 0 });
    try {
      const v = await gap.sample();
      const ranges = await admin.fetchTopicOffsets(topic);
      assert.equal(
        v.topicRecords,
        ranges.reduce((n, p) => n + Number(p.high) - Number(p.low), 0),
      );
      assert.equal(v.dlq, undefined);
      assert.equal(v.unavailable?.length, 1);
      assert.match(v.unavailable[0], /^DLQ no_such_dlq/);
    } finally {
      await gap.close();
    }
  });
});
