import type { ConfigDef } from '../../config/config-def';
import { ConfigException } from '../../config/config-exception';
import { CaseInsensitiveValidString } from '../../config/validators';
import type { Field } from '../../data/field';
import type { Schema } from '../../data/schema';
import type { Struct } from '../../data/struct';
import { requireMapOrNull, requireStructOrNull } from '../util/requirements';
import type { ConnectMap } from '../util/requirements';
import type { SimpleConfig } from '../util/simple-config';

/** org.apache.kafka.connect.transforms.field.FieldSyntaxVersion (KIP-821). */
export type FieldSyntaxVersion = 'V1' | 'V2';

export const FIELD_SYNTAX_VERSION_CONFIG = 'field.syntax.version';
export const FIELD_SYNTAX_VERSION_DOC =
  'Defines the version of the syntax to access fields. ' +
  'If set to <code>V1</code>, then the field paths are limited to access the elements at the root level of the struct or map. ' +
  'If set to <code>V2</code>, the syntax will support accessing nested elements. ' +
  'To access nested elements, dotted notation is used. ' +
  'If dots are already included in the field name, ' +
  'then backtick pairs can be used to wrap field names containing dots. ' +
  'E.g. to access the subfield <code>baz</code> from a field named "foo.bar" in a struct/map ' +
  'the following format can be used to access its elements: "<code>foo.bar</code>.baz".';

export function appendFieldSyntaxVersionConfig(def: ConfigDef): ConfigDef {
  return def.define({
    name: FIELD_SYNTAX_VERSION_CONFIG,
    type: 'STRING',
    defaultValue: 'V1',
    validator: CaseInsensitiveValidString.in('V1', 'V2'),
    importance: 'HIGH',
    documentation: FIELD_SYNTAX_VERSION_DOC,
  });
}

export function fieldSyntaxVersionFromConfig(config: SimpleConfig): FieldSyntaxVersion {
  const v = config.getString(FIELD_SYNTAX_VERSION_CONFIG) ?? '';
  const upper = v.toUpperCase();
  if (upper === 'V1' || upper === 'V2') return upper;
  throw new ConfigException(FIELD_SYNTAX_VERSION_CONFIG, v, 'Unrecognized field syntax version');
}

function incompleteBacktick(path: string, at: number): never {
  throw new ConfigException(
    `Incomplete backtick pair in path: [${path}], consider adding a backslash before backtick at position ${at} to escape it`,
  );
}

function buildFieldPathV2(path: string): string[] {
  const steps: string[] = [];
  let idx = 0;
  while (idx < path.length && idx >= 0) {
    if (path[idx] !== '`') {
      const start = idx;
      idx = path.indexOf('.', idx);
      if (idx >= 0) {
        steps.push(path.substring(start, idx));
        idx++;
      } else {
        steps.push(path.substring(start));
      }
    } else {
      const backtickAt = idx;
      idx++;
      let field = '';
      let start = idx;
      for (;;) {
        idx = path.indexOf('`', idx);
        if (idx === -1) incompleteBacktick(path, backtickAt);
        const escaped = path[idx - 1] === '\\';
        if (idx >= path.length - 1) {
          if (escaped) incompleteBacktick(path, backtickAt);
          field += path.substring(start, idx);
          steps.push(field);
          idx++;
          break;
        }
        if (path[idx + 1] !== '.') {
          idx++;
          continue;
        }
        if (escaped) {
          field += path.substring(start, idx - 1) + '`';
          idx++;
          start = idx;
          continue;
        }
        field += path.substring(start, idx);
        steps.push(field);
        idx += 2;
        break;
      }
    }
  }
  if (path.length > 0 && path.endsWith('.')) steps.push('');
  return steps;
}

/** org.apache.kafka.connect.transforms.field.SingleFieldPath: a (possibly nested, V2) field reference. */
export class SingleFieldPath {
  readonly steps: readonly string[];

  constructor(
    pathText: string,
    readonly version: FieldSyntaxVersion,
  ) {
    this.steps = version === 'V1' ? [pathText] : buildFieldPathV2(pathText);
  }

  get #last(): string {
    return this.steps[this.steps.length - 1] ?? '';
  }

  fieldFrom(schema: Schema | null): Field | null {
    if (schema === null) return null;
    let current = schema;
    for (const step of this.steps.slice(0, -1)) {
      const f = current.field(step);
      if (f === null) return null;
      current = f.schema;
    }
    return current.field(this.#last);
  }

  valueFromStruct(struct: Struct | null, withDefault = true): unknown {
    if (struct === null) return null;
    let current: Struct | null = struct;
    for (const step of this.steps.slice(0, -1)) {
      if (current.schema.field(step) === null) return null;
      current = requireStructOrNull(current.get(step), 'nested field access');
      if (current === null) return null;
    }
    const last = this.#last;
    if (current.schema.field(last) === null) return null;
    return withDefault ? current.get(last) : current.getWithoutDefault(last);
  }

  valueFromMap(map: ConnectMap | null): unknown {
    if (map === null) return null;
    let current: ConnectMap | null = map;
    for (const step of this.steps.slice(0, -1)) {
      current = requireMapOrNull(current.get(step), 'nested field access');
      if (current === null) return null;
    }
    return current.get(this.#last) ?? null;
  }

  toString(): string {
    return `SingleFieldPath{version=${this.version}, path=${this.steps.join('.')}}`;
  }
}
