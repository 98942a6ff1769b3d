import { ConfigException } from '../../config/config-exception';

/** org.apache.kafka.connect.runtime.errors.ToleranceType; the config value is the lower-case name. */
export type ToleranceType = 'NONE' | 'ALL';

/** ToleranceType.value() ("none" / "all"), as written in errors.tolerance. */
export function toleranceValue(t: ToleranceType): string {
  return t.toLowerCase();
}

/** Parses errors.tolerance (ConnectorConfig validates it case-insensitively with ValidString of none/all). */
export function parseToleranceType(value: string | null | undefined): ToleranceType {
  const v = (value ?? 'none').trim().toUpperCase();
  if (v === 'NONE' || v === 'ALL') return v;
  throw new ConfigException('errors.tolerance', value, 'String must be one of: none, all');
}
