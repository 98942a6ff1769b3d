import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labUpSettings } from '../../src/config/lab-options';
import { readSettings } from '../../src/config/settings';
import { isExtensionError } from '../../src/errors';

const settingsOf = (values: Record<string, unknown>) => readSettings((k) => values[k]);

void describe('lab up options from the settings', () => {
  void it('defaults: the lab picks the provider and its own images (nothing passed)', () => {
    const s = settingsOf({});
    assert.equal(s.kafkaImage, 'apache/kafka:4.4.0');
    assert.equal(s.postgresImage, 'postgres:17');
    assert.deepEqual(labUpSettings(s), {});
  });

  void it('a named provider and changed images are passed to up()', () => {
    assert.deepEqual(
      labUpSettings(
        settingsOf({
          'lab.provider': 'docker',
          'lab.kafkaImage': 'registry.local/kafka:4.4.0',
          'lab.postgresImage': ' postgres:17-alpine ',
        }),
      ),
      { provider: 'docker', kafkaImage: 'registry.local/kafka:4.4.0', postgresImage: 'postgres:17-alpine' },
    );
    assert.deepEqual(labUpSettings(settingsOf({ 'lab.provider': 'local' })), { provider: 'local' });
  });

  void it('external: addresses from settings, passwords only from the secret store', () => {
    const s = settingsOf({
      'lab.provider': 'external',
      'lab.external.bootstrapServers': ' kafka-1:9092,kafka-2:9092 ',
      'lab.external.connectUrls': ['https://connect.example:8083', '', 42],
      'lab.external.connectUsername': 'ops',
      'lab.external.postgresUrl': 'postgres://app@db.example:5432/shop',
    });
    assert.deepEqual(labUpSettings(s, { connectPassword: 'c-pw', postgresPassword: 'p w/@' }), {
      provider: 'external',
      external: {
        bootstrapServers: 'kafka-1:9092,kafka-2:9092',
        connectUrls: ['https://connect.example:8083'],
        connectUsername: 'ops',
        connectPassword: 'c-pw',
        postgresUrl: 'postgres://app:p%20w%2F%40@db.example:5432/shop',
      },
    });
    // No stored secrets: empty Connect password, the Postgres URL as given.
    assert.deepEqual(labUpSettings(s).external, {
      bootstrapServers: 'kafka-1:9092,kafka-2:9092',
      connectUrls: ['https://connect.example:8083'],
      connectUsername: 'ops',
      connectPassword: '',
      postgresUrl: 'postgres://app@db.example:5432/shop',
    });
  });

  void it('external without bootstrap servers: a clear error naming the setting', () => {
    assert.throws(
      () => labUpSettings(settingsOf({ 'lab.provider': 'external' })),
      (err: unknown) =>
        isExtensionError(err, 'lab-start-failed') &&
        /bootstrap servers/.test(err.message) &&
        /kafkaConnectLab\.lab\.external\.bootstrapServers/.test(err.nextStep ?? ''),
    );
  });

  void it('an unknown provider value falls back to auto', () => {
    assert.deepEqual(labUpSettings(settingsOf({ 'lab.provider': 'kubernetes' })), {});
  });
});
