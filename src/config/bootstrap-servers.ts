/**
 * Which Kafka the Records panel reads, most explicit first:
 * 1. the `kafkaConnectLab.records.bootstrapServers` setting (an external or other cluster);
 * 2. the local lab's broker while the lab runs (its status' kafka.bootstrapServers);
 * 3. KCL_BOOTSTRAP_SERVERS from the environment (test launcher, `lab up` in the same shell);
 * 4. what the user typed earlier in this session.
 * `undefined`: nothing known, the caller asks.
 */
export interface BootstrapSources {
  setting: string;
  lab: string | undefined;
  env: string | undefined;
  remembered: string | undefined;
}

export type BootstrapOrigin = 'setting' | 'lab' | 'env' | 'remembered';

export function pickBootstrapServers(
  s: BootstrapSources,
): { servers: string; origin: BootstrapOrigin } | undefined {
  const order: [BootstrapOrigin, string | undefined][] = [
    ['setting', s.setting],
    ['lab', s.lab],
    ['env', s.env],
    ['remembered', s.remembered],
  ];
  for (const [origin, value] of order) {
    const servers = value?.trim();
    if (servers) return { servers, origin };
  }
  return undefined;
}
