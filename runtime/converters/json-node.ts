import { BigDecimal } from '../data/big-decimal';
import { JsonNumber } from '../data/json';
import type { JsonValue } from '../data/json';

/**
 * Jackson JsonNode semantics over values parsed with `exactNumbers` — the accessors JsonConverter
 * relies on, including their lenient defaults (intValue() of a text node is 0, textValue() of a
 * number is null, ...), so odd input reads exactly as in Connect.
 */
export type JsonNodeType = 'NULL' | 'MISSING' | 'BOOLEAN' | 'NUMBER' | 'STRING' | 'ARRAY' | 'OBJECT';

export type JsonObject = { [key: string]: JsonValue };

export function nodeType(node: JsonValue | undefined): JsonNodeType {
  if (node === undefined) return 'MISSING';
  if (node === null) return 'NULL';
  if (typeof node === 'boolean') return 'BOOLEAN';
  if (typeof node === 'string') return 'STRING';
  if (node instanceof JsonNumber || typeof node === 'number' || typeof node === 'bigint') return 'NUMBER';
  if (Array.isArray(node)) return 'ARRAY';
  return 'OBJECT';
}

export function isObject(node: JsonValue | undefined): node is JsonObject {
  return nodeType(node) === 'OBJECT';
}

/** ObjectNode.get(name): own properties only. */
export function getField(node: JsonValue | undefined, name: string): JsonValue | undefined {
  if (!isObject(node)) return undefined;
  return Object.hasOwn(node, name) ? node[name] : undefined;
}

function asNumber(node: JsonValue | undefined): JsonNumber | null {
  if (node instanceof JsonNumber) return node;
  if (typeof node === 'number' || typeof node === 'bigint') return new JsonNumber(String(node));
  return null;
}

export function isIntegralNumber(node: JsonValue | undefined): boolean {
  const n = asNumber(node);
  return n !== null && n.isIntegral;
}

/** Jackson IntNode: an integral literal that fits in a Java int. */
export function isInt(node: JsonValue | undefined): boolean {
  const n = asNumber(node);
  if (n === null || !n.isIntegral) return false;
  const v = n.toBigInt();
  return v >= -2147483648n && v <= 2147483647n;
}

/** The integer part (truncated toward zero) of a number node, exact. */
function integerPart(n: JsonNumber): bigint {
  if (n.isIntegral) return n.toBigInt();
  const d = BigDecimal.parse(n.text);
  if (d.scale <= 0) {
    // unscaled × 10^k has 2^k as a factor: its low 64 bits are zero once k ≥ 64
    if (-d.scale >= 64) return 0n;
    return d.unscaled * 10n ** BigInt(-d.scale);
  }
  if (d.scale > d.unscaled.toString().length + 1) return 0n;
  return d.unscaled / 10n ** BigInt(d.scale);
}

export function intValue(node: JsonValue | undefined): number {
  const n = asNumber(node);
  return n === null ? 0 : Number(BigInt.asIntN(32, integerPart(n)));
}

export function longValue(node: JsonValue | undefined): bigint {
  const n = asNumber(node);
  return n === null ? 0n : BigInt.asIntN(64, integerPart(n));
}

/** doubleValue(): Jackson reads floats as BigDecimal, which has no negative zero (-0.0 reads as 0.0). */
export function doubleValue(node: JsonValue | undefined): number {
  const n = asNumber(node);
  return n === null ? 0 : n.toNumber() + 0;
}

export function floatValue(node: JsonValue | undefined): number {
  return Math.fround(doubleValue(node));
}

export function decimalValue(node: JsonValue | undefined): BigDecimal {
  const n = asNumber(node);
  if (n === null) return new BigDecimal(0n, 0);
  return n.isIntegral ? new BigDecimal(n.toBigInt(), 0) : BigDecimal.parse(n.text);
}

export function booleanValue(node: JsonValue | undefined): boolean {
  return node === true;
}

export function textValue(node: JsonValue | undefined): string | null {
  return typeof node === 'string' ? node : null;
}

/** TextNode.binaryValue(): Jackson's default base64 variant (standard alphabet, padding required). */
export function binaryValue(node: JsonValue | undefined): Buffer | null {
  if (typeof node !== 'string') return null;
  const text = node.replace(/^[\s]+|[\s]+$/g, '');
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text))
    throw new Error(`Cannot access contents of TextNode as binary due to broken Base64 encoding`);
  return Buffer.from(text, 'base64');
}

/** Iteration over a node as Jackson's `for (JsonNode elem : node)`: array elements, object values, else nothing. */
export function elements(node: JsonValue | undefined): JsonValue[] {
  if (Array.isArray(node)) return node;
  if (isObject(node)) return Object.values(node);
  return [];
}

/** JsonNode.size(). */
export function nodeSize(node: JsonValue | undefined): number {
  if (Array.isArray(node)) return node.length;
  if (isObject(node)) return Object.keys(node).length;
  return 0;
}
