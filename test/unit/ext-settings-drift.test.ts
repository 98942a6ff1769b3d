/** package.json contributes.configuration and the typed settings layer must describe the same settings. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SECTION, SETTING_SPECS, readSettings, sanitizeClusters } from '../../src/config/settings';

interface Property {
  type: string;
  default: unknown;
  enum?: string[];
}
const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Property> } };
};
const properties = pkg.contributes.configuration.properties;

void describe('settings drift', () => {
  void it('every setting the code reads is contributed with the same type, default and enum', () => {
    for (const spec of SETTING_SPECS) {
      const p = properties[`${SECTION}.${spec.key}`];
      assert.ok(p, `package.json lacks ${SECTION}.${spec.key}`);
      assert.equal(p.type, spec.type, spec.key);
      assert.deepEqual(p.default, spec.default, spec.key);
      assert.deepEqual(p.enum, spec.enum, spec.key);
    }
  });

  void it('every contributed setting is read by the code', () => {
    const known = new Set(SETTING_SPECS.map((s) => `${SECTION}.${s.key}`));
    for (const key of Object.keys(properties))
      assert.ok(known.has(key), `${key} is contributed but never read`);
  });

  void it('falls back to defaults on wrong types and unknown enum values', () => {
    const s = readSettings(
      (k) =>
        ({
          refreshIntervalSeconds: 'x',
          'lab.provider': 'kubernetes',
          showLocalCluster: false,
          clusters: 'no',
        })[k],
    );
    assert.equal(s.refreshIntervalSeconds, 5);
    assert.equal(s.labProvider, 'auto');
    assert.equal(s.showLocalCluster, false);
    assert.deepEqual(s.clusters, []);
    assert.equal(
      readSettings((k) => (k === 'refreshIntervalSeconds' ? 0 : undefined)).refreshIntervalSeconds,
      1,
    );
  });

  void it('keeps well-formed clusters only and trims the URL', () => {
    assert.deepEqual(
      sanitizeClusters([
        { name: 'a', url: 'http://h:8083/', username: 'u', password: '${secret:p}', insecure: true },
        { name: 'b' },
        'x',
        null,
        { name: '', url: 'u' },
      ]),
      [{ name: 'a', url: 'http://h:8083', username: 'u', password: '${secret:p}', insecure: true }],
    );
  });
});
