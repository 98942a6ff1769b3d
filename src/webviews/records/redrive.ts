/** Redrive: put DLQ records back on the topic they failed from, without the error context headers. */
import type { IHeaders, Kafka, Message } from 'kafkajs';
import type { RawRecord } from '../../../protocol/webview/record-decode';
import { DLQ_HEADER_PREFIX } from '../../../protocol/webview/record-decode';

export interface RedrivePlan {
  /** original topic → messages */
  byTopic: Map<string, Message[]>;
  /** records that name no original topic (no `__connect.errors.topic` header) */
  skipped: number;
}

export function planRedrive(records: readonly RawRecord[]): RedrivePlan {
  const byTopic = new Map<string, Message[]>();
  let skipped = 0;
  for (const r of records) {
    const topicHeader = r.headers.find(([k]) => k === `${DLQ_HEADER_PREFIX}topic`)?.[1];
    const topic = topicHeader ? Buffer.from(topicHeader).toString('utf8') : '';
    if (topic === '') {
      skipped++;
      continue;
    }
    const headers: IHeaders = {};
    for (const [k, v] of r.headers) {
      if (k.startsWith(DLQ_HEADER_PREFIX) || v === null) continue;
      const prev = headers[k];
      const value = Buffer.from(v);
      headers[k] =
        prev === undefined ? value : ([] as Array<string | Buffer>).concat(prev as Buffer | Buffer[], value);
    }
    const message: Message = {
      key: r.key ? Buffer.from(r.key) : null,
      value: r.value ? Buffer.from(r.value) : null,
      headers,
    };
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), message]);
  }
  return { byTopic, skipped };
}

export async function redrive(
  kafka: Kafka,
  plan: RedrivePlan,
): Promise<{ sent: number; failed: number; message?: string }> {
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  let sent = 0;
  let failed = plan.skipped;
  let message: string | undefined =
    plan.skipped > 0 ? `${plan.skipped} without __connect.errors.topic` : undefined;
  await producer.connect();
  try {
    for (const [topic, messages] of plan.byTopic) {
      try {
        await producer.send({ topic, messages });
        sent += messages.length;
      } catch (err) {
        failed += messages.length;
        message = `${topic}: ${err instanceof Error ? err.message : String(err)}`;
      }
    }
  } finally {
    await producer.disconnect();
  }
  return { sent, failed, message };
}
