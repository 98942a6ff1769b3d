/**
 * Struct.putCopyOf (the copy path InsertField and MaskField use) and the two SMTs over hand-made
 * structs the JsonConverter never produces: the result and every error must be what Struct.put gives
 * (Connect's messages), whatever the copy path skips.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SourceRecord } from '../../runtime/api/records';
import { DataException, Schema, SchemaBuilder, Struct, Timestamp } from '../../runtime/data';
import { insertFieldValue } from '../../runtime/transforms/insert-field';
import { maskFieldValue } from '../../runtime/transforms/mask-field';

const rowSchema = (): Schema =>
  SchemaBuilder.struct()
    .name('row')
    .field('id', Schema.INT32_SCHEMA)
    .field('name', Schema.OPTIONAL_STRING_SCHEMA)
    .field('level', SchemaBuilder.int32().defaultValue(7).build())
    .field('tags', SchemaBuilder.array(Schema.INT32_SCHEMA).optional().build())
    .field('note', SchemaBuilder.string().optional().defaultValue('none').build())
    .build();

/** What put() throws (or null) for `value` into `field` of a fresh struct of `schema`. */
function putError(schema: Schema, field: string, value: unknown): string | null {
  try {
    new Struct(schema).put(field, value);
    return null;
  } catch (e) {
    assert.ok(e instanceof DataException);
    return e.message;
  }
}

function copyError(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (e) {
    assert.ok(e instanceof DataException, String(e));
    return e.message;
  }
}

const record = (schema: Schema, value: Struct): SourceRecord =>
  new SourceRecord(null, null, 'orders', 0, null, null, schema, value, 1_764_115_200_000);

void describe('Struct fields never put', () => {
  void it('read, compare and print as null, as fields put to null', () => {
    const schema = rowSchema();
    const unset = new Struct(schema).put('id', 1);
    const nulls = new Struct(schema).put('id', 1).put('name', null).put('tags', null).put('note', null);
    assert.ok(unset.equals(nulls) && nulls.equals(unset));
    assert.equal(unset.toString(), nulls.toString());
    assert.equal(unset.toString(), 'Struct{id=1}');
    assert.equal(unset.getWithoutDefault('name'), null);
    assert.equal(unset.getString('name'), null);
    assert.equal(unset.get('note'), 'none');
    assert.ok(!unset.equals(new Struct(schema).put('id', 1).put('name', 'x')));
    assert.ok(!new Struct(schema).put('id', 1).put('name', 'x').equals(unset));
  });
});

void describe('Struct.putCopyOf', () => {
  void it('copies stored values and defaults as put(get / getWithoutDefault) would', () => {
    const schema = rowSchema();
    const source = new Struct(schema).put('id', 1).put('name', 'a').put('tags', [1, 2]);
    for (const withDefault of [true, false]) {
      const copy = new Struct(schema);
      const viaPut = new Struct(schema);
      for (const f of schema.fields) {
        if (withDefault || f.name !== 'level') {
          copy.putCopyOf(f, source, f, withDefault);
          viaPut.put(f, withDefault ? source.get(f) : source.getWithoutDefault(f));
        }
      }
      assert.ok(copy.equals(viaPut), `withDefault=${withDefault}: ${copy.toString()}`);
    }
    const withDefault = new Struct(schema);
    withDefault.putCopyOf(schema.field('level')!, source, schema.field('level')!, true);
    assert.equal(withDefault.getWithoutDefault('level'), 7, 'the default is stored, as put(get(field))');
  });

  void it("a required field that is null gives put()'s error, with or without its default", () => {
    const schema = rowSchema();
    const source = new Struct(schema);
    const id = schema.field('id')!;
    const level = schema.field('level')!;
    const expected = 'Invalid value: null used for required field: "id", schema type: INT32';
    assert.equal(putError(schema, 'id', null), expected);
    assert.equal(
      copyError(() => new Struct(schema).putCopyOf(id, source, id, true)),
      expected,
    );
    assert.equal(
      copyError(() => new Struct(schema).putCopyOf(level, source, level, false)),
      'Invalid value: null used for required field: "level", schema type: INT32',
    );
  });

  void it('checks values whose field schema is another object, and array contents changed after put', () => {
    const from = SchemaBuilder.struct().field('x', Schema.OPTIONAL_STRING_SCHEMA).build();
    const to = SchemaBuilder.struct().field('x', Schema.INT32_SCHEMA).build();
    const source = new Struct(from).put('x', 'text');
    const expected = putError(to, 'x', 'text');
    assert.equal(
      expected,
      'Invalid Java object for schema with type INT32: class java.lang.String for field: "x"',
    );
    assert.equal(
      copyError(() => new Struct(to).putCopyOf(to.fields[0], source, from.fields[0], true)),
      expected,
    );

    const schema = rowSchema();
    const tags = [1, 2];
    const row = new Struct(schema).put('id', 1).put('tags', tags);
    (tags as unknown[]).push('three');
    const field = schema.field('tags')!;
    assert.equal(
      copyError(() => new Struct(schema).putCopyOf(field, row, field, true)),
      putError(schema, 'tags', tags),
    );
    assert.match(putError(schema, 'tags', tags) ?? '', /element of array field: "tags"/);
  });
});

void describe('InsertField$Value / MaskField$Value over hand-made structs', () => {
  void it("a struct missing a required value fails with put()'s message", () => {
    const schema = rowSchema();
    const incomplete = new Struct(schema).put('name', 'a');
    const insert = insertFieldValue<SourceRecord>();
    insert.configure({ 'timestamp.field': 'ts' });
    const mask = maskFieldValue<SourceRecord>();
    mask.configure({ fields: 'name' });
    const expected = 'Invalid value: null used for required field: "id", schema type: INT32';
    assert.equal(
      copyError(() => insert.apply(record(schema, incomplete))),
      expected,
    );
    assert.equal(
      copyError(() => mask.apply(record(schema, incomplete))),
      expected,
    );
  });

  void it('MaskField meets fields in order: the first failing field gives the error', () => {
    const bytesFirst = SchemaBuilder.struct()
      .field('data', Schema.BYTES_SCHEMA)
      .field('id', Schema.INT32_SCHEMA)
      .build();
    const idFirst = SchemaBuilder.struct()
      .field('id', Schema.INT32_SCHEMA)
      .field('data', Schema.BYTES_SCHEMA)
      .build();
    const mask = maskFieldValue<SourceRecord>();
    mask.configure({ fields: 'data' });
    const apply = (schema: Schema) => () =>
      mask.apply(record(schema, new Struct(schema).put('data', Buffer.from('x'))));
    assert.equal(copyError(apply(bytesFirst)), 'Cannot mask value of type: class [B');
    assert.equal(
      copyError(apply(idFirst)),
      'Invalid value: null used for required field: "id", schema type: INT32',
    );
  });

  void it('equal schemas from distinct objects give equal results (the per-schema cache)', () => {
    const insert = insertFieldValue<SourceRecord>();
    insert.configure({ 'timestamp.field': 'ts', 'replace.null.with.default': 'false' });
    const mask = maskFieldValue<SourceRecord>();
    mask.configure({ fields: 'name,id', 'replace.null.with.default': 'false' });
    const outputs = [rowSchema(), rowSchema(), rowSchema()].map((schema, i) => {
      const value = new Struct(schema)
        .put('id', 40 + i)
        .put('name', `n${i}`)
        .put('level', 1);
      return mask.apply(insert.apply(record(schema, value)));
    });
    outputs.forEach((out, i) => {
      const value = out.value as Struct;
      assert.ok(out.valueSchema?.equals(outputs[0].valueSchema), 'same updated schema');
      assert.equal(value.get('id'), 0);
      assert.equal(value.get('name'), '');
      assert.equal(value.get('level'), 1);
      assert.equal(value.getWithoutDefault('note'), null, 'replace.null.with.default=false keeps null');
      assert.equal(value.get('note'), 'none');
      assert.deepEqual(value.get('ts'), new Date(1_764_115_200_000));
      assert.ok(out.valueSchema?.field('ts')?.schema.equals(Timestamp.builder().optional().build()));
      assert.notEqual(value, outputs[(i + 1) % 3].value);
    });
    const maskWithDefaults = maskFieldValue<SourceRecord>();
    maskWithDefaults.configure({ fields: 'name' });
    const filled = maskWithDefaults.apply(outputs[0]).value as Struct;
    assert.equal(
      filled.getWithoutDefault('note'),
      'none',
      'replace.null.with.default=true stores the default',
    );
  });
});
