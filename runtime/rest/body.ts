/**
 * Request-body binding as Jersey + Jackson do it for Connect's resources: Map<String,String> bodies
 * coerce scalars to strings, reject objects/arrays; a missing body is null (and the resource then
 * fails with Java's NullPointerException text). Jackson errors surface as 500 with Jackson's message.
 */
import { InternalServerError } from '../errors/rest-errors';
import type { JsonNode } from './json-parser';
import { formatLocation, JsonSyntaxError, parseJson, toPlain } from './json-parser';

const SOURCE = formatLocation({ line: 1, column: 1 });

/** Jackson's location of a bound value: where its first token starts. */
const at = (node: JsonNode): string => (node.loc ? formatLocation(node.loc) : SOURCE);

/**
 * Parses a request body. With bean (the Java class and its known properties), a syntax error met while
 * Jackson's databind was inside one property's value carries that property as its reference chain,
 * as Jackson's BeanDeserializer wraps it.
 */
export function parseBody(
  text: string,
  bean?: { className: string; properties: readonly string[] },
): JsonNode | null {
  if (text.trim() === '') return null;
  try {
    return parseJson(text);
  } catch (error) {
    let message = (error as Error).message;
    const prop = error instanceof JsonSyntaxError ? error.rootProperty : null;
    if (bean !== undefined && prop !== null && bean.properties.includes(prop))
      message += ` (through reference chain: ${bean.className}["${prop}"])`;
    throw new InternalServerError(message);
  }
}

function tokenName(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return 'Object value (token `JsonToken.START_OBJECT`)';
    case 'array':
      return 'Array value (token `JsonToken.START_ARRAY`)';
    default:
      return '';
  }
}

function mismatch(target: string, node: JsonNode, chain: string): InternalServerError {
  return new InternalServerError(
    `Cannot deserialize value of type \`${target}\` from ${tokenName(node)}\n at ${at(node)}${chain}`,
  );
}

/** A JSON node bound to Map<String,String> (values may be null). */
export function bindStringMap(node: JsonNode | null, chainPrefix = ''): Record<string, string | null> | null {
  if (node === null || node.kind === 'null') return null;
  if (node.kind !== 'object') {
    const what =
      node.kind === 'array'
        ? 'Array value (token `JsonToken.START_ARRAY`)'
        : `${node.kind === 'string' ? 'String' : node.kind === 'number' ? (node.integral ? 'Integer' : 'Floating-point') : 'Boolean'} value`;
    throw new InternalServerError(
      `Cannot deserialize value of type \`java.util.LinkedHashMap<java.lang.String,java.lang.String>\` from ${what}\n at ${at(node)}`,
    );
  }
  const out: Record<string, string | null> = {};
  for (const [k, v] of node.entries) {
    switch (v.kind) {
      case 'string':
        out[k] = v.value;
        break;
      case 'number':
        out[k] = v.text;
        break;
      case 'boolean':
        out[k] = String(v.value);
        break;
      case 'null':
        out[k] = null;
        break;
      default:
        throw mismatch(
          'java.lang.String',
          v,
          ` (through reference chain: ${chainPrefix}java.util.LinkedHashMap["${k}"])`,
        );
    }
  }
  return out;
}

export interface CreateConnectorBody {
  name: string | null;
  config: Record<string, string | null> | null;
  initialState: 'RUNNING' | 'PAUSED' | 'STOPPED' | null;
}

const CREATE_CLASS = 'org.apache.kafka.connect.runtime.rest.entities.CreateConnectorRequest';

/** CreateConnectorRequest as parseBody's bean argument. */
export const CREATE_REQUEST_BEAN = {
  className: CREATE_CLASS,
  properties: ['name', 'config', 'initial_state'],
} as const;

export function bindCreateRequest(node: JsonNode | null): CreateConnectorBody | null {
  if (node === null || node.kind === 'null') return null;
  if (node.kind !== 'object') {
    throw new InternalServerError(
      `Cannot construct instance of \`${CREATE_CLASS}\` (although at least one Creator exists): no ${node.kind === 'string' ? 'String' : node.kind}-argument constructor/factory method to deserialize from ${node.kind === 'string' ? 'String' : node.kind} value\n at ${at(node)}`,
    );
  }
  const body: CreateConnectorBody = { name: null, config: null, initialState: null };
  for (const [k, v] of node.entries) {
    if (k === 'name') {
      if (v.kind === 'object' || v.kind === 'array')
        throw mismatch('java.lang.String', v, ` (through reference chain: ${CREATE_CLASS}["name"])`);
      body.name =
        v.kind === 'null'
          ? null
          : v.kind === 'string'
            ? v.value
            : v.kind === 'number'
              ? v.text
              : String(v.value);
    } else if (k === 'config') {
      body.config = bindStringMap(v, `${CREATE_CLASS}["config"]->`);
    } else if (k === 'initial_state') {
      if (v.kind === 'null') body.initialState = null;
      else {
        const text =
          v.kind === 'string'
            ? v.value
            : v.kind === 'number'
              ? v.text
              : v.kind === 'boolean'
                ? String(v.value)
                : '';
        const upper = text.toUpperCase();
        if (upper !== 'RUNNING' && upper !== 'PAUSED' && upper !== 'STOPPED') {
          throw new InternalServerError(
            `Cannot construct instance of \`${CREATE_CLASS}$InitialState\`, problem: No enum constant ${CREATE_CLASS}.InitialState.${upper}\n at ${at(v)} (through reference chain: ${CREATE_CLASS}["initial_state"])`,
          );
        }
        body.initialState = upper;
      }
    } else {
      throw new InternalServerError(
        `Unrecognized field "${k}" (class ${CREATE_CLASS}), not marked as ignorable (3 known properties: "config", "name", "initial_state"])\n at ${SOURCE} (through reference chain: ${CREATE_CLASS}["${k}"])`,
      );
    }
  }
  return body;
}

export interface OffsetsBody {
  offsets: { partition: Record<string, unknown> | null; offset: Record<string, unknown> | null }[] | null;
}

export function bindOffsets(node: JsonNode | null): OffsetsBody | null {
  if (node === null || node.kind === 'null') return null;
  const plain = toPlain(node) as { offsets?: unknown };
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new InternalServerError(
      `Cannot construct instance of \`org.apache.kafka.connect.runtime.rest.entities.ConnectorOffsets\`\n at ${SOURCE}`,
    );
  }
  const list = plain.offsets;
  if (list === undefined || list === null) return { offsets: null };
  if (!Array.isArray(list)) {
    throw new InternalServerError(
      `Cannot deserialize value of type \`java.util.ArrayList<org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset>\` from Object value (token \`JsonToken.START_OBJECT\`)\n at ${SOURCE}`,
    );
  }
  return {
    offsets: list.map((e: unknown) => {
      const entry = (e ?? {}) as { partition?: unknown; offset?: unknown };
      return {
        partition: (entry.partition ?? null) as Record<string, unknown> | null,
        offset: (entry.offset ?? null) as Record<string, unknown> | null,
      };
    }),
  };
}
