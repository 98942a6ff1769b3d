import type { ConnectorConfig } from '../../protocol/connect-rest/entities';

export const MASK = '********';

// Connect itself hides PASSWORD-typed keys; without the ConfigDef at hand we go by name, which
// covers the usual suspects (connection.password, sasl.jaas.config, *.api.key, *.secret, tokens).
const SENSITIVE =
  /(password|passwd|secret|token|credential|jaas\.config|api\.key|private\.key|keystore\.key|access\.key)/i;
const SECRET_REF = /^\$\{secret:[^}]+\}$/;

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE.test(key);
}

/** Masks sensitive values; a `${secret:NAME}` reference is kept since it reveals nothing. */
export function maskConfig(config: ConnectorConfig): ConnectorConfig {
  const out: ConnectorConfig = {};
  for (const [key, value] of Object.entries(config)) {
    out[key] = isSensitiveKey(key) && !SECRET_REF.test(value) && value !== '' ? MASK : value;
  }
  return out;
}

/**
 * Masks secrets inside free text (log lines, traces, error messages): `key=value`, `"key": "value"`
 * and URL user-info passwords.
 */
export function maskText(text: string): string {
  return text
    .replace(
      /("[^"]*(?:password|passwd|secret|token|credential|jaas\.config|api\.key)[^"]*"\s*:\s*)"(?:[^"\\]|\\.)*"/gi,
      `$1"${MASK}"`,
    )
    .replace(/\b([\w.-]*(?:password|passwd|secret|token)[\w.-]*\s*=\s*)("[^"]*"|[^\s,;&]+)/gi, `$1${MASK}`)
    .replace(/(\/\/[^/\s:@]+:)[^@/\s]+@/g, `$1${MASK}@`);
}
