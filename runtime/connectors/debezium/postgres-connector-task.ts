/**
 * io.debezium.connector.postgresql.PostgresConnectorTask: publication + slot setup, the snapshot
 * (in the slot's exported snapshot when the slot is new), then pgoutput streaming. The slot's
 * confirmed flush LSN only advances in commit(), to the last commit LSN of records the worker
 * has acknowledged, so a crash never loses events (at-least-once, like Debezium).
 */
import type pg from 'pg';
import type { LogicalReplicationService } from 'pg-logical-replication';
import type { ConnectorProps } from '../../api/connector';
import { SourceTask } from '../../api/connector';
import type { RecordMetadata } from '../../api/connector';
import { SourceRecord } from '../../api/records';
import { ConnectException } from '../../data/errors';
import { Struct } from '../../data/struct';
import { clientConfig, connectWithRetries } from '../postgres/connection';
import { loadPg, loadPgReplication } from '../postgres/pg-modules';
import { quoteIdent } from '../postgres/pg-types';
import { loadTables } from './catalog';
import { DebeziumException, PSQLException } from './debezium-errors';
import { offsetContextString } from './offset-validation';
import type { PgTable } from './catalog';
import { EventFactory, buildTableEvents, rowStruct, sourceStruct } from './change-events';
import type { RowText, TableEvents } from './change-events';
import { DEBEZIUM_VERSION, HEARTBEAT_KEY_SCHEMA, HEARTBEAT_VALUE_SCHEMA } from './debezium-types';
import { parsePostgresSettings } from './postgres-settings';
import { TransactionMetadata } from './transaction-metadata';
import type { PostgresSettings } from './postgres-settings';

export function lsnToBigint(lsn: string): bigint {
  // each half is at most 8 hex digits: exact as a double, so parseInt is (much) cheaper than BigInt('0x…')
  const slash = lsn.indexOf('/');
  const hi = slash < 0 ? 0 : parseInt(lsn.slice(0, slash), 16) || 0;
  const lo = slash < 0 ? 0 : parseInt(lsn.slice(slash + 1), 16) || 0;
  return (BigInt(hi) << 32n) + BigInt(lo);
}

export function bigintToLsn(v: bigint): string {
  return `${(v >> 32n).toString(16).toUpperCase()}/${(v & 0xffffffffn).toString(16).toUpperCase()}`;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface TxState {
  xid: bigint;
  commitMicros: bigint;
  /** provide.transaction.metadata=true only */
  metadata: TransactionMetadata | null;
}

interface DecodedRelation {
  relationOid: number;
  schema: string;
  name: string;
  columns: { name: string; typeOid: number; typeMod: number }[];
}

interface DecodedChange {
  tag: string;
  relation?: DecodedRelation;
  relations?: DecodedRelation[];
  new?: RowText;
  old?: RowText | null;
  key?: RowText | null;
  xid?: number;
  commitTime?: bigint;
}

export class PostgresConnectorTask extends SourceTask {
  private s: PostgresSettings | null = null;
  private client: pg.Client | null = null;
  private service: LogicalReplicationService | null = null;
  private factory: EventFactory | null = null;
  private tables = new Map<number, TableEvents>();
  private queue: SourceRecord[] = [];
  private failure: Error | null = null;
  private stopped = false;
  private streaming = false;
  private tx: TxState | null = null;
  private lastCommitLsn: bigint | null = null;
  private skipUpTo: { prevCommit: bigint | null; lsn: bigint } | null = null;
  private passedSkip = false;
  private lastTxRecord: SourceRecord | null = null;
  private txEnds = new WeakMap<SourceRecord, bigint>();
  private toFlush: bigint | null = null;
  private flushed: bigint | null = null;
  private lastHeartbeat = Date.now();
  private lastOffset: Record<string, unknown> | null = null;
  private partition: Record<string, string> = {};
  private waiters: (() => void)[] = [];
  private dataWaiter: (() => void) | null = null;
  private props: ConnectorProps | null = null;
  /** Set after a retriable failure: when the next start attempt is due (Debezium's RESTART_REQUIRED). */
  private restartAt: number | null = null;
  /** LSN (offset `lsn`) of the last record put into the queue. */
  private lastEnqueuedLsn: bigint | null = null;
  private retries = 0;

  version(): string {
    return DEBEZIUM_VERSION;
  }

  async start(props: ConnectorProps): Promise<void> {
    this.props = props;
    try {
      await this.doStart(props);
    } catch (e) {
      await this.stop().catch(() => undefined);
      throw e;
    }
  }

  private async doStart(props: ConnectorProps): Promise<void> {
    const s = parsePostgresSettings(props);
    this.s = s;
    this.partition = { server: s.events.topicPrefix };
    if (s.pluginName !== 'pgoutput') {
      throw new ConnectException(
        `plugin.name '${s.pluginName}' is not supported by this runtime: only PostgreSQL's built-in 'pgoutput' logical decoding plugin is available. Set "plugin.name": "pgoutput".`,
      );
    }
    this.factory = new EventFactory(s.events, this.partition);
    const client = await connectWithRetries(s.connection, 3, 2000, () => this.stopped);
    this.client = client;
    const tables = await loadTables(client, s.filters);
    for (const t of tables) this.tables.set(t.oid, buildTableEvents(t, s.events));
    // initial_only never streams: like Debezium (PostgresConnectorTask.tryToCreateSlot) it opens no
    // replication connection, so it creates no publication and no slot, and needs no wal_level=logical
    const streams = s.snapshotMode !== 'initial_only';
    if (streams) await this.ensurePublication(client, tables);

    const slot = await client.query<{
      confirmed_flush_lsn: string | null;
      active: string;
    }>(
      'SELECT confirmed_flush_lsn::text, active::text FROM pg_replication_slots WHERE slot_name = $1 AND database = current_database()',
      [s.slotName],
    );
    let offset = this.context?.offsetStorageReader().offset(this.partition) ?? null;
    // PostgresConnection.validateLogPosition without its restart_lsn comparison (docs/postgres-connectors.md
    // says why): a stored offset needs its slot, when the mode streams (BaseSourceTask.validateSchemaHistory)
    if (offset !== null && slot.rows.length === 0 && streams) {
      // BaseSourceTask.validateAndLoadSchemaHistory: only when_needed may snapshot again, the others fail
      if (s.snapshotMode !== 'when_needed') {
        process.stderr.write(
          `${new Date().toISOString()} ERROR The stored offset (LSN ${String(offset.lsn_commit ?? offset.lsn)}) needs replication slot "${s.slotName}" at or before that position, but the slot does not exist: changes since then are lost to this connector. Set "snapshot.mode": "when_needed" to take a new snapshot, or reset the connector's offsets. (io.debezium.connector.postgresql.PostgresConnectorTask)\n`,
        );
        throw new DebeziumException(
          `The connector is trying to read change stream starting at ${offsetContextString(offset, s)}, but this is no longer available on the server. Reconfigure the connector to use a snapshot mode when needed.`,
        );
      }
      offset = null; // when_needed: as if there were no offset (a new snapshot, then the stream)
    }
    let exported: { replication: pg.Client; snapshotName: string; consistentPoint: bigint } | null = null;
    if (streams && slot.rows.length === 0) exported = await this.createSlot(s);
    else if (streams && slot.rows[0]?.active === 'true') {
      throw new ConnectException(
        `Replication slot "${s.slotName}" is already in use by another connection (another connector with the same slot.name?). Give this connector its own slot.name or stop the other one.`,
      );
    }
    const offsetLsn =
      offset && offset.lsn_commit !== undefined
        ? BigInt(offset.lsn_commit as bigint | number | string)
        : null;
    const snapshotDone =
      offset !== null &&
      (offset.snapshot === undefined ||
        offset.snapshot_completed === true ||
        offset.last_snapshot_record === true);
    let doSnapshot: boolean;
    switch (s.snapshotMode) {
      case 'always':
        doSnapshot = true;
        break;
      case 'no_data':
      case 'never':
        doSnapshot = false;
        break;
      case 'when_needed': {
        const slotLsn = slot.rows[0]?.confirmed_flush_lsn
          ? lsnToBigint(slot.rows[0].confirmed_flush_lsn)
          : null;
        doSnapshot =
          !snapshotDone ||
          exported !== null ||
          (offsetLsn !== null && slotLsn !== null && offsetLsn < slotLsn);
        break;
      }
      default:
        doSnapshot = !snapshotDone;
    }
    // A snapshot starts a fresh offset (PostgresSnapshotChangeEventSource.determineSnapshotOffset):
    // streaming then starts at the snapshot's LSN, not at the stored offset, so changes the snapshot
    // already holds (made while the connector was down) are not streamed again
    if (offset && !doSnapshot) {
      this.lastCommitLsn = offsetLsn;
      if (offset.lsn !== undefined) {
        this.skipUpTo = { prevCommit: offsetLsn, lsn: BigInt(offset.lsn as bigint | number | string) };
      }
    }
    // The snapshot and then the stream run beside poll() (Debezium's change event source
    // coordinator thread): poll() drains the queue while a snapshot bigger than max.queue.size fills it.
    const run = async (): Promise<void> => {
      let from: bigint | null = null;
      try {
        if (doSnapshot) from = await this.snapshot(s, tables, exported);
      } finally {
        if (exported) await exported.replication.end().catch(() => undefined);
      }
      // initial_only: the task stays RUNNING with nothing more to poll, as Debezium's does
      if (!streams || this.stopped) return;
      await this.startStreaming(s, from);
    };
    run().catch((e: unknown) => {
      if (!this.stopped) this.failure = e instanceof Error ? e : new Error(String(e));
    });
  }

  private async ensurePublication(client: pg.Client, tables: PgTable[]): Promise<void> {
    const s = this.s as PostgresSettings;
    const exists = await client.query('SELECT 1 FROM pg_publication WHERE pubname = $1', [s.publicationName]);
    const list = tables.map((t) => `${quoteIdent(t.schema)}.${quoteIdent(t.table)}`).join(', ');
    const pub = quoteIdent(s.publicationName);
    if (exists.rows.length === 0) {
      switch (s.publicationAutocreateMode) {
        case 'disabled':
          throw new ConnectException(
            `Publication "${s.publicationName}" does not exist and publication.autocreate.mode is 'disabled': create it (CREATE PUBLICATION ${s.publicationName} FOR TABLE ...) or change the mode.`,
          );
        case 'filtered':
          if (tables.length === 0) {
            throw new ConnectException(
              'No table matches the table/schema include and exclude lists, so a filtered publication cannot be created: check table.include.list (ids are schema.table, e.g. public.customers).',
            );
          }
          await client.query(`CREATE PUBLICATION ${pub} FOR TABLE ${list}`);
          break;
        case 'no_tables':
          await client.query(`CREATE PUBLICATION ${pub}`);
          break;
        default:
          await client.query(`CREATE PUBLICATION ${pub} FOR ALL TABLES`);
      }
    } else if (s.publicationAutocreateMode === 'filtered' && tables.length > 0) {
      await client.query(`ALTER PUBLICATION ${pub} SET TABLE ${list}`);
    }
  }

  private async createSlot(
    s: PostgresSettings,
  ): Promise<{ replication: pg.Client; snapshotName: string; consistentPoint: bigint }> {
    const { Client } = await loadPg();
    const replication = new Client({
      ...clientConfig(s.connection),
      replication: 'database',
    } as pg.ClientConfig);
    replication.on('error', () => undefined);
    await replication.connect();
    try {
      const r = await replication.query<{ consistent_point: string; snapshot_name: string }>(
        `CREATE_REPLICATION_SLOT ${quoteIdent(s.slotName)} LOGICAL pgoutput EXPORT_SNAPSHOT`,
      );
      const row = r.rows[0];
      if (!row) throw new ConnectException('CREATE_REPLICATION_SLOT returned nothing');
      return {
        replication,
        snapshotName: row.snapshot_name,
        consistentPoint: lsnToBigint(row.consistent_point),
      };
    } catch (e) {
      await replication.end().catch(() => undefined);
      const msg = (e as Error).message;
      if (/must be superuser or replication role|permission denied/i.test(msg)) {
        throw new ConnectException(
          `User "${s.connection.user ?? ''}" may not create replication slots: grant it REPLICATION (ALTER ROLE ... REPLICATION) or use a superuser. (${msg})`,
        );
      }
      if (/all replication slots are in use/i.test(msg)) {
        throw new ConnectException(
          `PostgreSQL has no free replication slot: drop unused slots (SELECT pg_drop_replication_slot(...)) or raise max_replication_slots. (${msg})`,
        );
      }
      // wal_level below logical: the real task fails with exactly this (observed on Debezium 3.6.1)
      if ((e as { code?: string }).code === '55000' && /wal_level/.test(msg)) {
        process.stderr.write(
          `${new Date().toISOString()} ERROR PostgreSQL at ${s.connection.host}:${s.connection.port} has wal_level below 'logical', so no change can be streamed: set wal_level = logical (postgresql.conf, or ALTER SYSTEM SET wal_level = logical) and restart PostgreSQL. (io.debezium.connector.postgresql.PostgresConnectorTask)\n`,
        );
        throw new DebeziumException('Creation of replication slot failed', {
          cause: new PSQLException(msg, '55000'),
        });
      }
      throw e;
    }
  }

  private async snapshot(
    s: PostgresSettings,
    tables: PgTable[],
    exported: { snapshotName: string; consistentPoint: bigint } | null,
  ): Promise<bigint> {
    const c = await connectWithRetries(s.connection, 3, 2000);
    try {
      if (exported) {
        await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
        await c.query(`SET TRANSACTION SNAPSHOT '${exported.snapshotName}'`);
      } else {
        await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      }
      const info = await c.query<{ txid: string; ts: string; lsn: string }>(
        'SELECT txid_current()::text AS txid, (extract(epoch from CURRENT_TIMESTAMP) * 1000000)::int8::text AS ts, pg_current_wal_lsn()::text AS lsn',
      );
      const row = info.rows[0];
      const txId = BigInt(row.txid);
      const tsMicros = BigInt(row.ts);
      const lsn = exported ? exported.consistentPoint : lsnToBigint(row.lsn);
      const ordered = [...tables].sort((a, b) =>
        `${a.schema}.${a.table}` < `${b.schema}.${b.table}` ? -1 : 1,
      );
      const nonEmpty: { t: TableEvents; count: number }[] = [];
      for (const t of ordered) {
        const te = this.tables.get(t.oid)!;
        nonEmpty.push({ t: te, count: -1 });
      }
      const pending: { te: TableEvents; row: Struct }[] = [];
      const flushPending = async (isLastOverall: boolean): Promise<void> => {
        // emits all but (unless last) the final buffered row, so markers can be decided
        while (pending.length > (isLastOverall ? 0 : 1)) {
          const item = pending.shift()!;
          await this.emitSnapshotRow(
            item,
            pending[0] ?? null,
            isLastOverall && pending.length === 0,
            txId,
            tsMicros,
            lsn,
          );
        }
      };
      for (const { t: te } of nonEmpty) {
        const cols = te.columns.map((col) => quoteIdent(col.name)).join(', ');
        const cursor = `dbz_snap_${te.table.oid}`;
        await c.query(
          `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${cols || '*'} FROM ${quoteIdent(te.table.schema)}.${quoteIdent(te.table.table)}`,
        );
        for (;;) {
          if (this.stopped) return lsn;
          const r = await c.query({
            text: `FETCH FORWARD ${s.snapshotFetchSize} FROM ${cursor}`,
            rowMode: 'array',
          });
          const rows = r.rows as (string | null)[][];
          if (rows.length === 0) break;
          for (const vals of rows) {
            const text: RowText = {};
            te.columns.forEach((col, i) => (text[col.name] = vals[i] ?? null));
            pending.push({ te, row: rowStruct(te, text, s.placeholder) });
            await flushPending(false);
          }
        }
        await c.query(`CLOSE ${cursor}`);
      }
      await flushPending(true);
      await c.query('COMMIT');
      return lsn;
    } finally {
      await c.end().catch(() => undefined);
    }
  }

  private snapFirst = true;
  private lastSnapTable: TableEvents | null = null;

  private async emitSnapshotRow(
    item: { te: TableEvents; row: Struct },
    next: { te: TableEvents; row: Struct } | null,
    last: boolean,
    txId: bigint,
    tsMicros: bigint,
    lsn: bigint,
  ): Promise<void> {
    const firstInTable = this.lastSnapTable !== item.te;
    const lastInTable = next === null || next.te !== item.te;
    let marker: string;
    // The snapshot's only record is its last (the real 3.6.1 connector marks it "last", not "first").
    if (last) marker = 'last';
    else if (this.snapFirst) marker = 'first';
    else if (firstInTable) marker = 'first_in_data_collection';
    else if (lastInTable) marker = 'last_in_data_collection';
    else marker = 'true';
    this.snapFirst = false;
    this.lastSnapTable = item.te;
    const offset: Record<string, unknown> = {
      last_snapshot_record: last,
      lsn,
      txId,
      ts_usec: tsMicros,
      snapshot: 'INITIAL',
      // the last record goes out after preSnapshotCompletion() (RelationalSnapshotChangeEventSource)
      snapshot_completed: last,
    };
    const source = sourceStruct(item.te, this.s!.events, {
      tsMicros,
      snapshot: marker,
      sequence: JSON.stringify([null, lsn.toString()]),
      txId,
      lsn,
    });
    await this.enqueue([this.factory!.read(item.te, item.row, source, offset)]);
  }

  private async enqueue(records: SourceRecord[]): Promise<void> {
    const last = records.at(-1)?.sourceOffset?.lsn;
    if (typeof last === 'bigint') this.lastEnqueuedLsn = last;
    this.queue.push(...records);
    this.dataWaiter?.();
    while (this.queue.length >= (this.s?.maxQueueSize ?? 8192) && !this.stopped) {
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }

  /** From `from` (a snapshot's LSN) when given, else from the slot's confirmed flush LSN. */
  private async startStreaming(s: PostgresSettings, from: bigint | null): Promise<void> {
    const { LogicalReplicationService, PgoutputPlugin } = await loadPgReplication();
    const service = new LogicalReplicationService(
      { ...clientConfig(s.connection), replication: 'database' } as never,
      {
        acknowledge: { auto: false, timeoutSeconds: 0 },
        flowControl: { enabled: true },
      },
    );
    const plugin = new PgoutputPlugin({ protoVersion: 1, publicationNames: [s.publicationName] });
    // values stay PostgreSQL text: the converters parse them exactly (no lossy pg-types parsing)
    const parser = (
      plugin as unknown as { parser: { readRelationColumn: (r: unknown) => Record<string, unknown> } }
    ).parser;
    const readColumn = parser.readRelationColumn.bind(parser);
    parser.readRelationColumn = (r: unknown) => ({ ...readColumn(r), parser: (v: unknown) => v });
    service.on('data', (lsn: string, msg: DecodedChange) => this.onMessage(lsnToBigint(lsn), msg));
    service.on('heartbeat', (lsn: string, _ts: number, shouldRespond: boolean) => {
      if (!shouldRespond) return;
      // Caught up (everything received is committed in Kafka): confirm the server's position, so the
      // slot does not hold WAL for nothing and a shutting-down PostgreSQL, whose walsender waits for
      // this, can stop. Otherwise repeat what commit() confirmed (0/0 before that: PostgreSQL ignores
      // a position behind the slot's, and the answer still keeps wal_sender_timeout from firing).
      const end = lsnToBigint(lsn);
      if (this.caughtUp(service)) {
        if (this.flushed === null || end > this.flushed) {
          // acknowledge(x) reports x + 1: the server's end exactly, which its shutdown waits for
          this.flushed = end;
          void service.acknowledge(bigintToLsn(end - 1n));
          return;
        }
      }
      void service.acknowledge(bigintToLsn(this.flushed !== null ? this.flushed - 1n : 0n));
    });
    service.on('error', (err: Error) => {
      if (!this.stopped) this.failure = err;
    });
    this.service = service;
    this.streaming = true;
    let attempt = 0;
    for (;;) {
      try {
        // START_REPLICATION at 0/0 means from the slot's confirmed flush LSN
        service.subscribe(plugin, s.slotName, bigintToLsn(from ?? 0n)).catch((err: unknown) => {
          if (!this.stopped) this.failure = err as Error;
        });
        break;
      } catch (e) {
        if (++attempt > s.slotMaxRetries) throw e;
        await sleep(s.slotRetryDelayMs);
      }
    }
  }

  private async onMessage(lsn: bigint, msg: DecodedChange): Promise<void> {
    switch (msg.tag) {
      case 'begin': {
        const xid = BigInt(msg.xid ?? 0);
        const commitMicros = BigInt(String(msg.commitTime ?? 0n));
        const s = this.s!;
        const metadata = s.provideTransactionMetadata
          ? new TransactionMetadata(xid, commitMicros / 1000n, s.transactionTopic, this.partition)
          : null;
        this.tx = { xid, commitMicros, metadata };
        if (metadata && !this.skipping(lsn))
          await this.enqueue([metadata.begin(lsn, this.offsetAt(lsn, 'BEGIN'))]);
        return;
      }
      case 'commit': {
        const metadata = this.tx?.metadata;
        if (metadata && !this.skipping(lsn))
          await this.enqueue([metadata.end(lsn, this.offsetAt(lsn, 'COMMIT'))]);
        this.tx = null;
        this.lastCommitLsn = lsn;
        // the transaction is complete once its last record is acknowledged: then its commit may be flushed
        if (this.lastTxRecord) this.txEnds.set(this.lastTxRecord, lsn);
        this.lastTxRecord = null;
        if (
          this.skipUpTo &&
          this.skipUpTo.prevCommit !== null &&
          lsn > this.skipUpTo.prevCommit &&
          this.passedSkip
        )
          this.skipUpTo = null;
        return;
      }
      case 'relation':
        await this.refreshRelation(msg as unknown as DecodedRelation);
        return;
      case 'insert':
      case 'update':
      case 'delete':
        break;
      case 'truncate':
        for (const relation of msg.relations ?? []) await this.onChange(lsn, { ...msg, relation });
        return;
      default:
        return;
    }
    await this.onChange(lsn, msg);
  }

  private async onChange(lsn: bigint, msg: DecodedChange): Promise<void> {
    const s = this.s!;
    const rel = msg.relation!;
    const te = this.tables.get(rel.relationOid);
    if (!te) return;
    const op = { insert: 'c', update: 'u', delete: 'd', truncate: 't' }[msg.tag] ?? 'd';
    if (s.skippedOperations.has(op)) return;
    // after a restart, skip what the committed offset already covers
    if (this.skipping(lsn)) return;
    const tx = this.tx ?? { xid: 0n, commitMicros: 0n, metadata: null };
    const offset = this.offsetAt(lsn, msg.tag.toUpperCase());
    const source = sourceStruct(te, s.events, {
      tsMicros: tx.commitMicros,
      snapshot: null,
      // JSON of [lastCommitLsn, lsn] as strings (digits only: nothing to escape)
      sequence: `[${this.lastCommitLsn === null ? 'null' : `"${this.lastCommitLsn}"`},"${lsn}"]`,
      txId: tx.xid,
      lsn,
    });
    const f = this.factory!;
    let records: SourceRecord[] = [];
    if (msg.tag === 'truncate') {
      records = [f.truncate(te, source, offset)];
    } else if (msg.tag === 'insert') {
      records = f.create(te, rowStruct(te, msg.new ?? {}, s.placeholder), source, offset);
    } else if (msg.tag === 'update') {
      const oldRow = msg.old ?? msg.key ?? null;
      const after = rowStruct(te, fillUnchanged(msg.new ?? {}, msg.old), s.placeholder);
      const before = oldRow ? rowStruct(te, oldRow, s.placeholder, msg.old == null) : null;
      records = f.update(te, before, after, source, offset);
    } else {
      const oldRow = msg.old ?? msg.key ?? null;
      if (!oldRow) return; // REPLICA IDENTITY NOTHING: no old values, Debezium skips the delete
      records = f.delete(te, rowStruct(te, oldRow, s.placeholder, msg.old == null), source, offset);
    }
    if (records.length > 0) this.lastTxRecord = records[records.length - 1]!;
    if (tx.metadata) {
      // each change event (not a tombstone) counts and carries the transaction block
      for (const r of records) {
        if (r.value instanceof Struct)
          r.value.put('transaction', tx.metadata.event(`${te.table.schema}.${te.table.table}`, lsn));
      }
    }
    await this.enqueue(records);
  }

  /** After a restart: true for changes the committed offset already covers. */
  private skipping(lsn: bigint): boolean {
    if (this.skipUpTo && this.lastCommitLsn === this.skipUpTo.prevCommit) {
      if (lsn <= this.skipUpTo.lsn) return true;
      this.passedSkip = true;
    }
    return false;
  }

  private offsetAt(lsn: bigint, messageType: string): Record<string, unknown> {
    const tx = this.tx;
    // keys in the real connector's order; transaction_id only with provide.transaction.metadata
    const o: Record<string, unknown> = this.s?.provideTransactionMetadata ? { transaction_id: null } : {};
    o.lsn_proc = lsn;
    o.messageType = messageType;
    if (this.lastCommitLsn !== null) o.lsn_commit = this.lastCommitLsn;
    o.lsn = lsn;
    o.txId = tx ? tx.xid : 0n;
    o.ts_usec = tx ? tx.commitMicros : 0n;
    return o;
  }

  private async refreshRelation(rel: DecodedRelation): Promise<void> {
    const known = this.tables.get(rel.relationOid);
    const same =
      known &&
      known.table.columns.length === rel.columns.length &&
      known.table.columns.every(
        (c, i) =>
          c.name === rel.columns[i]?.name &&
          c.typeOid === rel.columns[i]?.typeOid &&
          c.typmod === rel.columns[i]?.typeMod,
      );
    if (same) return;
    // a new or altered table: re-read its definition (schema.refresh.mode=columns_diff)
    const client = this.client!;
    const [table] = await loadTables(client, this.s!.filters, [rel.relationOid]);
    if (table) this.tables.set(table.oid, buildTableEvents(table, this.s!.events));
  }

  async poll(): Promise<SourceRecord[] | null> {
    if (this.restartAt !== null) return this.restartWhenDue();
    if (this.failure) {
      const e = this.failure;
      if (isRetriable(e)) {
        await this.scheduleRestart(e);
        return [];
      }
      throw new ConnectException(`Streaming from PostgreSQL failed: ${e.message}`);
    }
    const s = this.s;
    if (!s) return null;
    const end = Date.now() + s.pollIntervalMs;
    while (this.queue.length === 0 && Date.now() < end && !this.stopped && !this.failure) {
      // woken by enqueue() as soon as an event arrives (low commit→record latency), else by the timeout
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(50, Math.max(1, end - Date.now())));
        this.dataWaiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.dataWaiter = null;
    }
    const out = this.queue.splice(0, s.maxBatchSize);
    if (out.length > 0) {
      this.lastOffset = out[out.length - 1].sourceOffset ?? this.lastOffset;
      for (const w of this.waiters.splice(0)) w();
    }
    if (s.heartbeatIntervalMs > 0 && Date.now() - this.lastHeartbeat >= s.heartbeatIntervalMs) {
      this.lastHeartbeat = Date.now();
      out.push(this.heartbeat(s));
    }
    return out;
  }

  /**
   * A lost connection (PostgreSQL restarted, network cut) is retriable, as Debezium's
   * PostgresErrorHandler says: the task stays RUNNING, drops its streaming state and starts again
   * from the committed offset after retriable.restart.connector.wait.ms, at most errors.max.retries
   * times in a row (-1: no limit). Events already handed over may come again (at-least-once).
   */
  private async scheduleRestart(cause: Error): Promise<void> {
    const s = this.s!;
    this.retries++;
    if (s.maxRetries >= 0 && this.retries > s.maxRetries) {
      throw new ConnectException(
        `Streaming from PostgreSQL failed and errors.max.retries (${s.maxRetries}) retries are used up: ${cause.message}`,
      );
    }
    await this.teardown();
    this.restartAt = Date.now() + s.retriableRestartWaitMs;
  }

  private async restartWhenDue(): Promise<SourceRecord[]> {
    const wait = (this.restartAt ?? 0) - Date.now();
    if (wait > 0) {
      await sleep(Math.min(wait, 500));
      return [];
    }
    this.restartAt = null;
    try {
      await this.doStart(this.props!);
      this.retries = 0;
    } catch (e) {
      const err = e as Error;
      // right after a network cut the old walsender may still hold the slot for a while
      const slotBusy = /is already in use by another connection/.test(err.message);
      if (this.stopped || !(isRetriable(err) || slotBusy)) throw e;
      await this.scheduleRestart(err);
    }
    return [];
  }

  /** Nothing received is waiting: queues empty, no transaction open, the last record's offset stored. */
  private caughtUp(service: LogicalReplicationService): boolean {
    const inner = service as unknown as { _messageQueue?: unknown[]; _processing?: boolean };
    if (this.queue.length > 0 || this.tx !== null) return false;
    if ((inner._messageQueue?.length ?? 0) > 0 || inner._processing === true) return false;
    if (this.lastEnqueuedLsn === null) return true;
    const stored = this.context?.offsetStorageReader().offset(this.partition)?.lsn;
    if (stored === undefined || stored === null) return false;
    return BigInt(stored as bigint | number | string) >= this.lastEnqueuedLsn;
  }

  /** Closes the stream and the connection (the slot stays) and forgets what was not handed over. */
  private async teardown(): Promise<void> {
    const service = this.service;
    this.service = null;
    this.streaming = false;
    if (service) await service.stop().catch(() => undefined);
    await this.client?.end().catch(() => undefined);
    this.client = null;
    this.failure = null;
    this.queue = [];
    for (const w of this.waiters.splice(0)) w();
    this.tables.clear();
    this.tx = null;
    this.lastCommitLsn = null;
    this.skipUpTo = null;
    this.passedSkip = false;
    this.lastTxRecord = null;
    this.lastEnqueuedLsn = null;
    this.snapFirst = true;
    this.lastSnapTable = null;
  }

  private heartbeat(s: PostgresSettings): SourceRecord {
    const key = new Struct(HEARTBEAT_KEY_SCHEMA).put('serverName', s.events.topicPrefix);
    const value = new Struct(HEARTBEAT_VALUE_SCHEMA).put('ts_ms', BigInt(Date.now()));
    const offset =
      this.lastOffset ??
      (this.lastCommitLsn !== null ? { lsn: this.lastCommitLsn, lsn_commit: this.lastCommitLsn } : {});
    return new SourceRecord(
      this.partition,
      offset,
      s.heartbeatTopic,
      null,
      HEARTBEAT_KEY_SCHEMA,
      key,
      HEARTBEAT_VALUE_SCHEMA,
      value,
    );
  }

  override commitRecord(record: SourceRecord, _metadata: RecordMetadata | null): void {
    const o = record.sourceOffset;
    const lsnCommit = o?.lsn_commit;
    if (typeof lsnCommit === 'bigint' && (this.toFlush === null || lsnCommit > this.toFlush))
      this.toFlush = lsnCommit;
  }

  /** Offsets are committed in Kafka: now the slot may forget WAL before the last fully handed-over commit. */
  override async commit(): Promise<void> {
    let target = this.toFlush;
    // never beyond the offset the worker stored: acks that arrive while it writes offsets come later
    const stored = this.context?.offsetStorageReader().offset(this.partition);
    const storedCommit = stored?.lsn_commit;
    if (storedCommit !== undefined && storedCommit !== null) {
      const cap = BigInt(storedCommit as bigint | number | string);
      if (target !== null && target > cap) target = cap;
    }
    if (target === null || !this.service || (this.flushed !== null && target <= this.flushed)) return;
    await this.service.acknowledge(bigintToLsn(target - 1n));
    this.flushed = target;
  }

  /** The confirmed flush LSN this task last reported (for tests and diagnostics). */
  flushedLsn(): bigint | null {
    return this.flushed;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const w of this.waiters.splice(0)) w();
    const service = this.service;
    this.service = null;
    if (service) await service.stop().catch(() => undefined);
    const s = this.s;
    if (s?.dropSlotOnStop && this.client && this.streaming) {
      for (let i = 0; i < 10; i++) {
        try {
          await this.client.query(
            'SELECT pg_drop_replication_slot($1) FROM pg_replication_slots WHERE slot_name = $1',
            [s.slotName],
          );
          break;
        } catch {
          await sleep(300); // "slot is active" right after the stream stops
        }
      }
    }
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  isStreaming(): boolean {
    return this.streaming;
  }
}

/** Connection-level failures Debezium retries (PostgresErrorHandler): lost or refused connections, shutdowns. */
export function isRetriable(e: Error): boolean {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(code)) return true;
    // 08xxx connection exceptions; 57P01-57P03 admin/crash shutdown, cannot connect now
    if (/^08/.test(code) || /^57P0[1-3]$/.test(code)) return true;
  }
  return /Connection terminated|terminating connection|the database system is (starting up|shutting down|in recovery)|connect ECONNREFUSED|Could not connect|read ECONNRESET/i.test(
    e.message,
  );
}

/** pgoutput marks unchanged TOAST values 'u' (undefined here); with an old tuple they are known. */
function fillUnchanged(row: RowText, old: RowText | null | undefined): RowText {
  if (!old) return row;
  const out: RowText = { ...row };
  for (const k of Object.keys(out)) if (out[k] === undefined && old[k] !== undefined) out[k] = old[k];
  return out;
}
