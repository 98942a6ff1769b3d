/**
 * What "Check my work" needs from the lab's search engine for Exercise 2's Elasticsearch sink:
 * whether the engine answers, whether the index exists, its document count (_count) and its
 * documents (_search). Plain `fetch` against the engine's REST API; no `vscode`.
 */

/** At most this many documents are read back for the field check (the lesson has a handful). */
export const MAX_DOCS = 1000;

export interface IndexDoc {
  id: string;
  source: Record<string, unknown>;
}

export interface IndexFacts {
  index: string;
  /** The engine's base URL; undefined when the lab runs no search engine. */
  url: string | undefined;
  /** undefined when the engine answered; otherwise why it did not (plain words). */
  unreachable?: string;
  exists: boolean;
  count: number;
  docs: IndexDoc[];
}

async function call(
  url: string,
  method: string,
  path: string,
  timeoutMs: number,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url.replace(/\/+$/, '') + path, {
    method,
    headers: { 'content-type': 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    parsed = { text };
  }
  return { status: res.status, body: parsed };
}

function causeText(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'it did not answer in time';
  const code = e?.cause?.code;
  if (code === 'ECONNREFUSED') return 'nothing listens there: ECONNREFUSED';
  return code ?? e?.cause?.message ?? e?.message ?? String(err);
}

/** Count and documents of `index` (refreshed first, so just-written documents are visible). */
export async function readIndex(
  url: string | undefined,
  index: string,
  timeoutMs = 10_000,
): Promise<IndexFacts> {
  const empty = { index, url, exists: false, count: 0, docs: [] };
  if (!url) return { ...empty, unreachable: 'the lab runs no search engine' };
  const path = `/${encodeURIComponent(index)}`;
  try {
    const refreshed = await call(url, 'POST', `${path}/_refresh`, timeoutMs);
    if (refreshed.status === 404) return empty;
    const counted = await call(url, 'GET', `${path}/_count`, timeoutMs);
    if (counted.status === 404) return empty;
    if (counted.status >= 400) {
      return { ...empty, unreachable: `it answered HTTP ${counted.status} to ${index}/_count` };
    }
    const count = Number(counted.body.count ?? 0);
    const found = await call(url, 'POST', `${path}/_search?size=${MAX_DOCS}`, timeoutMs, {
      query: { match_all: {} },
    });
    const hits = (
      found.body.hits as { hits?: { _id: string; _source?: Record<string, unknown> }[] } | undefined
    )?.hits;
    const docs = (hits ?? []).map((h) => ({ id: h._id, source: h._source ?? {} }));
    return { index, url, exists: true, count, docs };
  } catch (err) {
    return { ...empty, unreachable: causeText(err) };
  }
}
