/** util.TableId for PostgreSQL (pgjdbc reports no catalog): schema + table, quoted and unquoted forms. */
import { quoteIdent } from '../postgres/pg-types';

export interface TableId {
  schema: string | null;
  table: string;
}

/** ExpressionBuilder.append(tableId) with QuoteMethod ALWAYS: "public"."products". */
export function quotedTableId(t: TableId): string {
  return t.schema === null ? quoteIdent(t.table) : `${quoteIdent(t.schema)}.${quoteIdent(t.table)}`;
}

/** QuoteMethod NEVER: public.products (the offset partition's "table" value). */
export function unquotedTableId(t: TableId): string {
  return t.schema === null ? t.table : `${t.schema}.${t.table}`;
}

/** dialect.parseTableIdentifier: splits on dots outside quotes, strips quotes. */
export function parseTableIdentifier(text: string): TableId {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      if (quoted && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === '.' && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  const table = parts[parts.length - 1] ?? '';
  const schema = parts.length >= 2 ? (parts[parts.length - 2] ?? null) : null;
  return { schema, table };
}

/** Splits the task's `tables` value ("a"."b","c"."d") on commas outside quotes. */
export function splitTableList(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const c of value) {
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}
