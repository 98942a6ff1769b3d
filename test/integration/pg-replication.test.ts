/**
 * A pgoutput logical-replication round trip on the test cluster's PostgreSQL (wal_level=logical):
 * publication + slot, then insert/update/delete under REPLICA IDENTITY FULL arrive with their
 * old and new tuples, as the CDC connector will need them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { LogicalReplicationService, PgoutputPlugin } from 'pg-logical-replication';
import type { Pgoutput } from 'pg-logical-replication';
import { pgClient, postgresUrlFor, uniqueName } from '../support/cluster';

async function dropSlot(client: pg.Client, slot: string): Promise<void> {
  // Right after the stream stops the walsender may still hold the slot for a moment.
  for (let attempt = 0; ; attempt++) {
    try {
      await client.query('SELECT pg_drop_replication_slot($1)', [slot]);
      return;
    } catch (e) {
      if (attempt >= 50 || !(e instanceof Error) || !/is active/.test(e.message)) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

void describe('pgoutput logical replication', () => {
  let client: pg.Client;
  const table = uniqueName('repl_items');
  const publication = uniqueName('pub');
  const slot = uniqueName('slot');

  before(async () => {
    client = await pgClient('inventory');
    await client.query(`CREATE TABLE ${table} (id int PRIMARY KEY, name text NOT NULL, qty int)`);
    await client.query(`ALTER TABLE ${table} REPLICA IDENTITY FULL`);
    await client.query(`CREATE PUBLICATION ${publication} FOR TABLE ${table}`);
    await client.query(`SELECT pg_create_logical_replication_slot($1, 'pgoutput')`, [slot]);
  });

  after(async () => {
    await dropSlot(client, slot).catch(() => undefined);
    await client.query(`DROP PUBLICATION IF EXISTS ${publication}`);
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    await client.end();
  });

  void it('delivers insert, update and delete with old and new tuples', async () => {
    const url = new URL(postgresUrlFor('inventory'));
    const service = new LogicalReplicationService(
      {
        host: url.hostname,
        port: Number(url.port),
        user: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
        database: 'inventory',
      },
      { acknowledge: { auto: true, timeoutSeconds: 10 } },
    );
    const changes: Pgoutput.Message[] = [];
    const wanted = new Promise<void>((resolve) => {
      service.on('data', (_lsn: string, msg: Pgoutput.Message) => {
        if (msg.tag === 'insert' || msg.tag === 'update' || msg.tag === 'delete') changes.push(msg);
        if (changes.length === 3) resolve();
      });
    });
    const errors: Error[] = [];
    service.on('error', (e: Error) => errors.push(e));
    const plugin = new PgoutputPlugin({ protoVersion: 1, publicationNames: [publication] });
    const streaming = service.subscribe(plugin, slot).catch((e: unknown) => {
      if (!service.isStop()) errors.push(e instanceof Error ? e : new Error(String(e)));
    });

    await client.query(`INSERT INTO ${table} VALUES (1, 'widget', 5)`);
    await client.query(`UPDATE ${table} SET qty = 7 WHERE id = 1`);
    await client.query(`DELETE FROM ${table} WHERE id = 1`);

    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        wanted,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`only ${changes.length}/3 changes within 20 s`)), 20000);
        }),
      ]);
    } finally {
      clearTimeout(timer);
      await service.stop();
      await streaming;
    }
    assert.deepEqual(errors, []);

    // Decoded rows have no prototype: copy them before comparing.
    const row = (r: Record<string, unknown> | null | undefined): Record<string, unknown> | null =>
      r ? { ...r } : null;
    const [ins, upd, del] = changes;
    assert.ok(
      ins?.tag === 'insert' && upd?.tag === 'update' && del?.tag === 'delete',
      'tags in commit order',
    );
    assert.equal(ins.relation.name, table);
    assert.deepEqual(row(ins.new), { id: 1, name: 'widget', qty: 5 });
    assert.deepEqual(row(upd.old), { id: 1, name: 'widget', qty: 5 });
    assert.deepEqual(row(upd.new), { id: 1, name: 'widget', qty: 7 });
    assert.deepEqual(row(del.old), { id: 1, name: 'widget', qty: 7 });
    assert.equal(del.relation.replicaIdentity, 'full');
  });
});
