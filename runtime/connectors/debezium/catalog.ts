/** Reads the captured tables' structure from the PostgreSQL catalog (columns, types, defaults, primary key, replica identity). */
import type pg from 'pg';
import type { PgColumn } from './value-converters';

export interface PgTable {
  oid: number;
  schema: string;
  table: string;
  columns: PgColumn[];
  /** Primary key column names in key order. */
  primaryKey: string[];
  /** pg_class.relreplident: d default, f full, n nothing, i index. */
  replicaIdentity: string;
}

export interface TableFilters {
  schemaInclude: RegExp[];
  schemaExclude: RegExp[];
  tableInclude: RegExp[];
  tableExclude: RegExp[];
}

/** Debezium's regex lists: comma separated, each anchored to the whole identifier, case-insensitive. */
export function regexList(value: string[] | null | undefined): RegExp[] {
  return (value ?? [])
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => new RegExp(`^(?:${s})$`, 'i'));
}

export function tableIncluded(f: TableFilters, schema: string, table: string): boolean {
  const id = `${schema}.${table}`;
  if (f.schemaInclude.length > 0 && !f.schemaInclude.some((r) => r.test(schema))) return false;
  if (f.schemaExclude.some((r) => r.test(schema))) return false;
  if (f.tableInclude.length > 0 && !f.tableInclude.some((r) => r.test(id))) return false;
  if (f.tableExclude.some((r) => r.test(id))) return false;
  return true;
}

export async function loadTables(
  client: pg.Client,
  filters: TableFilters,
  oids?: number[],
): Promise<PgTable[]> {
  const rel = await client.query<{ oid: string; nspname: string; relname: string; relreplident: string }>(
    `SELECT c.oid::int8 AS oid, n.nspname, c.relname, c.relreplident FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r','p') AND n.nspname NOT IN ('pg_catalog','information_schema') AND n.nspname !~ '^pg_'
        AND ($1::oid[] IS NULL OR c.oid = ANY($1::oid[]))
      ORDER BY n.nspname, c.relname`,
    [oids ?? null],
  );
  const tables = rel.rows.filter((r) => tableIncluded(filters, r.nspname, r.relname));
  if (tables.length === 0) return [];
  const ids = tables.map((t) => t.oid);
  const cols = await client.query<{
    attrelid: string;
    attname: string;
    atttypid: string;
    atttypmod: string;
    attnotnull: string;
    typname: string;
    typtype: string;
    typelem: string;
    dflt: string | null;
    labels: string | null;
    elemlabels: string | null;
  }>(
    `SELECT a.attrelid::int8 AS attrelid, a.attname, a.atttypid::int8 AS atttypid, a.atttypmod, a.attnotnull, t.typname, t.typtype,
            t.typelem::int8 AS typelem, pg_get_expr(d.adbin, d.adrelid) AS dflt,
            (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = a.atttypid) AS labels,
            (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.typelem) AS elemlabels
       FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attrelid, a.attnum`,
    [ids],
  );
  const pks = await client.query<{ indrelid: string; attname: string }>(
    `SELECT i.indrelid::int8 AS indrelid, a.attname FROM pg_index i
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indisprimary AND i.indrelid = ANY($1::oid[]) ORDER BY i.indrelid, k.ord`,
    [ids],
  );
  return tables.map((t) => ({
    oid: Number(t.oid),
    schema: t.nspname,
    table: t.relname,
    replicaIdentity: t.relreplident,
    primaryKey: pks.rows.filter((p) => p.indrelid === t.oid).map((p) => p.attname),
    columns: cols.rows
      .filter((c) => c.attrelid === t.oid)
      .map((c) => {
        const isArray = c.typname.startsWith('_');
        const labels = isArray ? c.elemlabels : c.labels;
        return {
          name: c.attname,
          typeOid: Number(c.atttypid),
          typmod: Number(c.atttypmod),
          typname: c.typname,
          typtype: c.typtype,
          elemOid: Number(c.typelem),
          enumValues: labels === null ? null : labels.split(','),
          optional: c.attnotnull !== 't',
          defaultExpr: c.dflt,
        };
      }),
  }));
}
