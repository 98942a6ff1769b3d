import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalConfigText, diffConfigs, summarizeChanges } from '../../src/model/config-diff';

void describe('config diffing', () => {
  void it('reports changed, added (file only) and removed (running only) keys, ignoring the inserted name', () => {
    const local = { 'connector.class': 'X', 'tasks.max': '2', topic: 't' };
    const running = { 'connector.class': 'X', 'tasks.max': '1', name: 'c', 'batch.size': '10' };
    assert.deepEqual(diffConfigs(local, running), [
      { key: 'batch.size', kind: 'removed', running: '10' },
      { key: 'tasks.max', kind: 'changed', local: '2', running: '1' },
      { key: 'topic', kind: 'added', local: 't' },
    ]);
    assert.deepEqual(diffConfigs({ a: '1' }, { a: '1', name: 'n' }), []);
    assert.match(
      summarizeChanges(diffConfigs(local, running)),
      /3 difference\(s\): 1 changed, 1 only in the file, 1 only running/,
    );
    assert.equal(summarizeChanges([]), 'The workspace file matches the running config.');
  });

  void it('renders both sides sorted with passwords masked, so the diff editor never shows a secret', () => {
    const text = canonicalConfigText('c', { 'connection.password': 'hunter2', b: '1', a: '2' });
    assert.ok(!text.includes('hunter2'));
    const parsed = JSON.parse(text) as { name: string; config: Record<string, string> };
    assert.equal(parsed.name, 'c');
    assert.deepEqual(Object.keys(parsed.config), ['a', 'b', 'connection.password', 'name']);
    assert.equal(parsed.config['connection.password'], '********');
  });
});
