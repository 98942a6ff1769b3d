/** Positions in connector JSON for the editor (src/editor/connector-json.ts), both file shapes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cursorContext, parseConnectorJson, propertyOf } from '../../src/editor/connector-json';

const WRAPPED = `{
  "name": "orders-source",
  "config": {
    "connector.class": " JdbcSource ",
    "mode": "bulk",
    "tasks.max": 2,
    ""
  }
}`;

void test('wrapped shape: config object, values as strings, class trimmed, name from the top level', () => {
  const cj = parseConnectorJson(WRAPPED);
  assert.ok(cj);
  assert.deepEqual(cj.configPath, ['config']);
  assert.equal(cj.connectorClass, 'JdbcSource');
  assert.equal(cj.name, 'orders-source');
  assert.equal(cj.config['tasks.max'], '2');
  const mode = propertyOf(cj, 'mode');
  assert.ok(mode);
  assert.equal(WRAPPED.slice(mode.key.offset, mode.key.offset + mode.key.length), '"mode"');
  assert.equal(WRAPPED.slice(mode.value.offset, mode.value.offset + mode.value.length), '"bulk"');
});

void test('cursor: a key being typed, a value, or elsewhere', () => {
  const cj = parseConnectorJson(WRAPPED);
  assert.ok(cj);
  assert.deepEqual(cursorContext(WRAPPED, WRAPPED.indexOf('""') + 1, cj), { kind: 'key', prefix: '' });
  assert.deepEqual(cursorContext(WRAPPED, WRAPPED.indexOf('"bulk"') + 2, cj), { kind: 'value', key: 'mode' });
  assert.deepEqual(cursorContext(WRAPPED, WRAPPED.indexOf('orders-source') + 2, cj), { kind: 'other' });
});

void test('flat shape: the root is the config; the name is config.name', () => {
  const flat = '{"connector.class": "FileStreamSink", "name": "s", "topics": "t", "file": null}';
  const cj = parseConnectorJson(flat);
  assert.ok(cj);
  assert.deepEqual(cj.configPath, []);
  assert.equal(cj.name, 's');
  assert.equal(cj.config['file'], undefined);
  assert.deepEqual(cursorContext(flat, flat.indexOf('"t"') + 1, cj), { kind: 'value', key: 'topics' });
  assert.equal(parseConnectorJson('[1]'), undefined);
});
