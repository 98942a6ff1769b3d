/**
 * The local cluster's Connect client wiring (issue 7): the external provider's basic auth
 * (lab.external.connectUsername + the SecretStorage password, or user:password in the configured URL)
 * goes into the client only for the configured Connect URLs, and the client sends it as a Basic
 * Authorization header.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localConnectAuth } from '../../src/config/lab-options';
import { RestConnectClient } from '../../src/connect-client/connect-client';
import type { Transport } from '../../src/connect-client/transport';
import { localClientOptions } from '../../src/lab/local-client';

const settings = (urls: string[], user = '') => ({
  externalConnectUrls: urls,
  externalConnectUsername: user,
});

void describe('local Connect basic auth', () => {
  void it('username from the setting, password from SecretStorage, for a configured URL', () => {
    const s = settings(['http://connect.example:8083/'], ' admin ');
    assert.deepEqual(localConnectAuth(s, 'http://connect.example:8083', 's3cret'), {
      username: 'admin',
      password: 's3cret',
    });
    // No stored secret yet: the user with an empty password (the proxy answers 401, named in the tree).
    assert.deepEqual(localConnectAuth(s, 'http://connect.example:8083', undefined), {
      username: 'admin',
      password: '',
    });
  });

  void it('never for a URL that is not configured (the lab runtime, another host)', () => {
    const s = settings(['http://connect.example:8083'], 'admin');
    assert.equal(localConnectAuth(s, 'http://127.0.0.1:8083', 's3cret'), undefined);
    assert.equal(localConnectAuth(s, 'https://connect.example:8083', 's3cret'), undefined);
    assert.equal(localConnectAuth(settings([], 'admin'), 'http://connect.example:8083', 's3cret'), undefined);
    assert.equal(localConnectAuth(s, 'not a url', 's3cret'), undefined);
  });

  void it('credentials carried by the configured URL when no username is set', () => {
    const s = settings(['http://ops%40corp:p%3Ass@connect.example:8083']);
    assert.deepEqual(localConnectAuth(s, 'http://connect.example:8083', undefined), {
      username: 'ops@corp',
      password: 'p:ss',
    });
    assert.equal(
      localConnectAuth(settings(['http://connect.example:8083']), 'http://connect.example:8083', 'x'),
      undefined,
    );
  });

  void it('the client built for the local cluster sends them as Basic auth, and none without', async () => {
    const seen: (string | undefined)[] = [];
    const transport: Transport = (req) => {
      seen.push(req.headers['Authorization']);
      return Promise.resolve({ status: 200, body: '{}' });
    };
    const auth = { username: 'admin', password: 's3cret' };
    await new RestConnectClient({ ...localClientOptions('http://h:8083', auth), transport }).listExpanded();
    await new RestConnectClient({
      ...localClientOptions('http://h:8083', undefined),
      transport,
    }).listExpanded();
    assert.deepEqual(seen, [`Basic ${Buffer.from('admin:s3cret').toString('base64')}`, undefined]);
    const opts = localClientOptions('http://h:8083', auth, {
      timeoutMs: 4000,
      clusterName: 'the local runtime',
    });
    assert.equal(opts.timeoutMs, 4000);
    assert.equal(opts.clusterName, 'the local runtime');
  });
});
