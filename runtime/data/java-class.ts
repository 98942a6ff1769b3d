import { BigDecimal } from './big-decimal';
import { Struct } from './struct';

/**
 * The Java class a Connect worker would see for a JS value, as `value.getClass()` prints it
 * (`class java.lang.String`). Used so DataException messages match Connect's text.
 * Integral numbers read as Integer, fractional ones as Double; bigint is Long.
 */
export function javaClassOf(value: unknown): string {
  return `class ${javaClassNameOfValue(value)}`;
}

export function javaClassNameOfValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return 'java.lang.String';
    case 'boolean':
      return 'java.lang.Boolean';
    case 'bigint':
      return 'java.lang.Long';
    case 'number':
      return Number.isInteger(value) && Math.abs(value) <= 2147483647
        ? 'java.lang.Integer'
        : 'java.lang.Double';
    default:
      break;
  }
  if (value instanceof Uint8Array) return '[B';
  if (Array.isArray(value)) return 'java.util.ArrayList';
  if (value instanceof Map) return 'java.util.HashMap';
  if (value instanceof Struct) return 'org.apache.kafka.connect.data.Struct';
  if (value instanceof Date) return 'java.util.Date';
  if (value instanceof BigDecimal) return 'java.math.BigDecimal';
  if (value !== null && typeof value === 'object') return 'java.util.LinkedHashMap';
  return 'java.lang.Object';
}
