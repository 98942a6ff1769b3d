import type { ConnectorConfig } from '../../protocol/connect-rest/entities';

const REF = /\$\{secret:([A-Za-z0-9_.\-/]+)\}/g;

/** Names of every `${secret:NAME}` referenced by the config, in first-seen order. */
export function secretReferences(config: ConnectorConfig): string[] {
  const names = new Set<string>();
  for (const value of Object.values(config)) {
    for (const m of value.matchAll(REF)) names.add(m[1]);
  }
  return [...names];
}

export type SecretLookup = (name: string) => Promise<string | undefined>;

export type ResolveResult = { ok: true; config: ConnectorConfig } | { ok: false; missing: string[] };

/** Replaces `${secret:NAME}` references with stored values; never partially resolves. */
export async function resolveSecrets(config: ConnectorConfig, lookup: SecretLookup): Promise<ResolveResult> {
  const names = secretReferences(config);
  const values = new Map<string, string>();
  const missing: string[] = [];
  for (const name of names) {
    const value = await lookup(name);
    if (value === undefined) missing.push(name);
    else values.set(name, value);
  }
  if (missing.length > 0) return { ok: false, missing };
  const out: ConnectorConfig = {};
  for (const [key, value] of Object.entries(config)) {
    out[key] = value.replace(REF, (_m, name: string) => values.get(name) ?? '');
  }
  return { ok: true, config: out };
}

export function isValidSecretName(name: string): boolean {
  return /^[A-Za-z0-9_.\-/]+$/.test(name);
}
