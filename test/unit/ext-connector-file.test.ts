import { join } from 'node:path';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineOfKey, looksLikeConnectorFile, parseConnectorFile } from '../../src/model/connector-file';

void describe('parseConnectorFile', () => {
  void it('reads the {name, config} shape the lesson uses', () => {
    const r = parseConnectorFile(
      JSON.stringify({ name: 'orders-sink', config: { 'connector.class': 'X', 'tasks.max': 2 } }),
    );
    assert.ok(r.ok);
    assert.deepEqual(r.file, {
      name: 'orders-sink',
      config: { 'connector.class': 'X', 'tasks.max': '2' },
      shape: 'wrapped',
    });
  });

  void it('reads the flat shape, taking name from the config or else the file name', () => {
    const named = parseConnectorFile(JSON.stringify({ name: 'a', 'connector.class': 'X' }), 'file');
    assert.ok(named.ok);
    assert.equal(named.file.name, 'a');
    assert.equal(named.file.shape, 'flat');
    const unnamed = parseConnectorFile(JSON.stringify({ 'connector.class': 'X' }), 'my-file');
    assert.ok(unnamed.ok);
    assert.equal(unnamed.file.name, 'my-file');
  });

  void it('explains malformed JSON, a missing connector.class, a missing name and nested values', () => {
    const bad = parseConnectorFile('{ "name": "x", }');
    assert.equal(bad.ok, false);
    assert.ok(!bad.ok && bad.reason === 'malformed-json' && /not valid JSON/.test(bad.message));
    const noClass = parseConnectorFile('{"name":"x","config":{"tasks.max":"1"}}');
    assert.ok(
      !noClass.ok && noClass.reason === 'no-connector-class' && /connector\.class/.test(noClass.message),
    );
    const noName = parseConnectorFile('{"connector.class":"X"}');
    assert.ok(!noName.ok && noName.reason === 'no-name');
    const nested = parseConnectorFile('{"name":"x","config":{"connector.class":"X","a":{"b":1}}}');
    assert.ok(!nested.ok && nested.reason === 'bad-value' && /"a"/.test(nested.message));
    const arr = parseConnectorFile('[1]');
    assert.ok(!arr.ok && arr.reason === 'not-an-object');
  });

  void it('accepts every lesson config verbatim', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = join(__dirname, '..', 'fixtures', 'lesson-configs');
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    } catch {
      return; // shared/ is beside the repo on dev machines and CI; nothing to check elsewhere
    }
    for (const f of files) {
      const r = parseConnectorFile(readFileSync(`${dir}/${f}`, 'utf8'));
      assert.ok(r.ok, `${f}: ${r.ok ? '' : r.message}`);
      assert.equal(r.file.shape, 'wrapped');
    }
  });

  void it('finds key lines for diagnostics and recognises connector files', () => {
    const text = '{\n  "name": "x",\n  "config": {\n    "topic": "t"\n  }\n}';
    assert.equal(lineOfKey(text, 'topic'), 3);
    assert.equal(lineOfKey(text, 'absent'), 0);
    assert.equal(looksLikeConnectorFile('{"connector.class":"X"}'), true);
    assert.equal(looksLikeConnectorFile('{"compilerOptions":{}}'), false);
  });
});
