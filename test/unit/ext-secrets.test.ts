import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MASK, isSensitiveKey, maskConfig, maskText } from '../../src/model/masking';
import { isValidSecretName, resolveSecrets, secretReferences } from '../../src/model/secrets';

void describe('secret references', () => {
  const store = new Map([
    ['pg.password', 's3cret'],
    ['api', 'k-1'],
  ]);
  const lookup = (n: string) => Promise.resolve(store.get(n));

  void it('finds every ${secret:NAME} once', () => {
    assert.deepEqual(
      secretReferences({ a: '${secret:pg.password}', b: 'x ${secret:api} ${secret:pg.password}' }),
      ['pg.password', 'api'],
    );
    assert.deepEqual(secretReferences({ a: '${env:X}', b: '$secret:api' }), []);
  });

  void it('resolves references inside values and leaves other values alone', async () => {
    const r = await resolveSecrets(
      { 'connection.password': '${secret:pg.password}', url: 'u?key=${secret:api}', plain: 'p' },
      lookup,
    );
    assert.deepEqual(r, {
      ok: true,
      config: { 'connection.password': 's3cret', url: 'u?key=k-1', plain: 'p' },
    });
  });

  void it('never resolves partially: all missing names are reported', async () => {
    const r = await resolveSecrets({ a: '${secret:nope}', b: '${secret:api}', c: '${secret:other}' }, lookup);
    assert.deepEqual(r, { ok: false, missing: ['nope', 'other'] });
  });

  void it('validates secret names', () => {
    assert.equal(isValidSecretName('pg.password'), true);
    assert.equal(isValidSecretName('team/prod_pg-1'), true);
    assert.equal(isValidSecretName('has space'), false);
    assert.equal(isValidSecretName('a}b'), false);
  });
});

void describe('masking', () => {
  void it('masks sensitive keys but shows secret references (they reveal nothing)', () => {
    assert.deepEqual(
      maskConfig({
        'connection.password': 'p',
        'sasl.jaas.config': 'j',
        'connection.user': 'u',
        'ssl.key.password': '${secret:k}',
        'x.token': '',
      }),
      {
        'connection.password': MASK,
        'sasl.jaas.config': MASK,
        'connection.user': 'u',
        'ssl.key.password': '${secret:k}',
        'x.token': '',
      },
    );
    assert.equal(isSensitiveKey('connection.url'), false);
    assert.equal(isSensitiveKey('aws.secret.access.key'), true);
  });

  void it('masks secrets in free text: JSON, key=value and URL credentials', () => {
    const masked = maskText(
      '{"connection.password": "hunter2", "a": "b"} password=abc token: x https://user:pw@host/x',
    );
    assert.ok(!masked.includes('hunter2'));
    assert.ok(!masked.includes('abc'));
    assert.ok(!masked.includes(':pw@'));
    assert.match(masked, /"a": "b"/);
    assert.match(masked, /user:\*{8}@host/);
  });
});
