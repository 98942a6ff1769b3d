/**
 * A stream of single-row update transactions for the Debezium reliability tests and benches:
 * table <name>(id int primary key, seq bigint) with `rows` rows, and a procedure that runs
 * `UPDATE ... SET seq = k WHERE id = k % rows; COMMIT` for k in a range. Every update k is one
 * transaction and its change event carries after.seq = k, so a consumer can count lost and
 * duplicated changes exactly.
 */
import pg from 'pg';

export interface UpdateStream {
  table: string;
  /** Runs updates first..last (inclusive), in chunks; pauses while held. */
  run(first: number, last: number, chunk?: number): Promise<void>;
  /** Resolves once the chunk in progress committed; no new chunk starts until release(). */
  hold(): Promise<void>;
  /** Lets the stream go on (with a new connection if the old one died meanwhile). */
  release(): void;
  /** Updates committed so far. */
  done(): number;
  /** Ends run() after the chunk in progress (for clean-up after a failure). */
  stop(): Promise<void>;
  drop(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function createUpdateStream(url: string, table: string, rows: number): Promise<UpdateStream> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE TABLE ${table} (id INT PRIMARY KEY, seq BIGINT NOT NULL)`);
    await admin.query(`INSERT INTO ${table} SELECT g, 0 FROM generate_series(0, ${rows - 1}) g`);
    await admin.query(
      `CREATE PROCEDURE ${table}_bump(a BIGINT, b BIGINT) LANGUAGE plpgsql AS $$
       BEGIN
         FOR k IN a..b LOOP
           UPDATE ${table} SET seq = k WHERE id = k % ${rows};
           COMMIT;
         END LOOP;
       END $$`,
    );
  } finally {
    await admin.end();
  }
  let client: pg.Client | null = null;
  let committed = 0;
  let held: Promise<void> | null = null;
  let releaseHold: (() => void) | null = null;
  let current: Promise<void> = Promise.resolve();
  let stopped = false;
  const connection = async (): Promise<pg.Client> => {
    if (client) return client;
    const c = new pg.Client({ connectionString: url });
    c.on('error', () => undefined);
    await c.connect();
    client = c;
    return c;
  };
  return {
    table,
    async run(first, last, chunk = 1000) {
      for (let a = first; a <= last; a += chunk) {
        while (held) await held;
        if (stopped) return;
        const b = Math.min(last, a + chunk - 1);
        const step = (async () => {
          const c = await connection();
          await c.query('CALL ' + table + '_bump($1, $2)', [a, b]);
        })();
        current = step.catch(() => undefined);
        await step;
        committed = b - first + 1;
        await sleep(0);
      }
    },
    async hold() {
      if (!held) held = new Promise<void>((r) => (releaseHold = r));
      await current;
    },
    release() {
      const r = releaseHold;
      held = null;
      releaseHold = null;
      const old = client;
      client = null;
      void old?.end().catch(() => undefined);
      r?.();
    },
    done: () => committed,
    async stop() {
      stopped = true;
      await current;
    },
    async drop() {
      stopped = true;
      await current;
      const old = client;
      client = null;
      await old?.end().catch(() => undefined);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`DROP PROCEDURE IF EXISTS ${table}_bump`);
        await c.query(`DROP TABLE IF EXISTS ${table}`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Counts updates 1..n among the delivered seq values: lost = never seen, duplicates = seen again. */
export function tallyUpdates(
  seqs: number[],
  n: number,
): { lost: number; duplicates: number; unexpected: number; firstLost: number[] } {
  const seen = new Map<number, number>();
  for (const s of seqs) seen.set(s, (seen.get(s) ?? 0) + 1);
  let lost = 0;
  let duplicates = 0;
  const firstLost: number[] = [];
  for (let k = 1; k <= n; k++) {
    const c = seen.get(k) ?? 0;
    if (c === 0) {
      lost++;
      if (firstLost.length < 5) firstLost.push(k);
    } else duplicates += c - 1;
    seen.delete(k);
  }
  const unexpected = [...seen.values()].reduce((a, b) => a + b, 0);
  return { lost, duplicates, unexpected, firstLost };
}
