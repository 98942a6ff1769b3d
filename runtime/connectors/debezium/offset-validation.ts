/**
 * The text Debezium 3.6.1 prints for a stored offset the server can no longer serve
 * (PostgresOffsetContext.toString), observed on the real connector when its replication slot was
 * dropped while it was stopped (lastCommitLsn falls back to lsn, as its offset loader does).
 */
import type { OffsetMap } from '../../api/connector';
import type { PostgresSettings } from './postgres-settings';

type Offset = Readonly<OffsetMap>;

const big = (v: unknown): bigint | null =>
  v === undefined || v === null ? null : BigInt(v as bigint | number | string);

/** io.debezium.connector.postgresql.connection.Lsn.toString: LSN{HI/LO} in upper-case hex. */
function lsnText(v: unknown): string {
  const n = big(v);
  if (n === null) return 'null';
  return `LSN{${(n >> 32n).toString(16).toUpperCase()}/${(n & 0xffffffffn).toString(16).toUpperCase()}}`;
}

/** java.time.Instant.toString of a microsecond timestamp (fraction in groups of three digits). */
function instantText(micros: unknown): string {
  const us = big(micros);
  if (us === null) return 'null';
  const secs = us / 1_000_000n;
  const frac = (us % 1_000_000n).toString().padStart(6, '0');
  const base = new Date(Number(secs) * 1000).toISOString().slice(0, 19);
  const shown = frac === '000000' ? '' : frac.endsWith('000') ? `.${frac.slice(0, 3)}` : `.${frac}`;
  return `${base}${shown}Z`;
}

export function offsetContextString(offset: Offset, s: PostgresSettings): string {
  const str = (v: unknown): string =>
    typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' ? String(v) : 'null';
  const source =
    `source_info[server='${s.events.topicPrefix}'db='${s.connection.database}', lsn=${lsnText(offset.lsn)}, ` +
    `txId=${str(offset.txId)}, messageType=${str(offset.messageType)}, lastCommitLsn=${lsnText(offset.lsn_commit ?? offset.lsn)}, ` +
    `timestamp=${instantText(offset.ts_usec)}, snapshot=${offset.snapshot ? 'TRUE' : 'FALSE'}, schema=, table=]`;
  return (
    `PostgresOffsetContext [sourceInfoSchema=Schema{io.debezium.connector.postgresql.Source:STRUCT}, sourceInfo=${source}, ` +
    `lastSnapshotRecord=${offset.last_snapshot_record === true ? 'true' : 'false'}, ` +
    `lastCompletelyProcessedLsn=${lsnText(offset.lsn_proc ?? offset.lsn)}, lastCommitLsn=${lsnText(offset.lsn_commit ?? offset.lsn)}, ` +
    'streamingStoppingLsn=null, transactionContext=TransactionContext [currentTransactionId=null, perTableEventCount={}, totalEventCount=0], ' +
    'incrementalSnapshotContext=IncrementalSnapshotContext [windowOpened=false, chunkEndPosition=null, dataCollectionsToSnapshot=[], lastEventKeySent=null, maximumKey=null]]'
  );
}
