/**
 * The REST client's wire behaviour against a real HTTP server on 127.0.0.1: basic auth header,
 * Connect's {error_code, message} surfacing as the error text, unreachable and timeout errors
 * naming the cause, and query strings of restart/plugins.
 */
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { RestConnectClient } from '../../src/connect-client/connect-client';
import { ExtensionError } from '../../src/errors';

const seen: { method: string; url: string; auth?: string; body: string }[] = [];
let base = '';
let rebalances = 0;
let configRebalances = 0;
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization, body });
    const reply = (status: number, json?: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(json === undefined ? '' : JSON.stringify(json));
    };
    // Real Connect's 409 while its group rebalances: twice, then the request goes through.
    if (req.url === '/connectors/rebalancing/status' && rebalances++ < 2)
      return reply(409, {
        error_code: 409,
        message: 'Request cannot be completed because a rebalance is expected',
      });
    // ... and GET config answers 500 with RebalanceNeededException's message (seen from Connect 4.4).
    if (req.url === '/connectors/rebalancing/config' && configRebalances++ < 1)
      return reply(500, {
        error_code: 500,
        message: 'Request cannot be completed because a rebalance is expected',
      });
    if (req.url === '/connectors/rebalancing/config') return reply(200, { 'connector.class': 'X' });
    if (req.url === '/connectors/other-500/config')
      return reply(500, { error_code: 500, message: 'Failed to read config' });
    if (req.url === '/connectors/rebalancing/status')
      return reply(200, {
        name: 'rebalancing',
        connector: { state: 'RUNNING', worker_id: 'w' },
        tasks: [],
        type: 'sink',
      });
    if (req.url === '/connectors' && req.method === 'POST')
      return reply(409, { error_code: 409, message: 'Connector dup already exists' });
    if (req.url === '/connectors/missing/status')
      return reply(404, { error_code: 404, message: 'No status found for connector missing' });
    if (req.url === '/connectors/secret/config')
      return reply(400, { error_code: 400, message: 'bad "connection.password": "hunter2"' });
    if (req.url === '/connectors/slow/status') return void setTimeout(() => reply(200, {}), 2000);
    if (req.url === '/') {
      res.writeHead(200);
      return void res.end('<html>');
    }
    if (req.url?.startsWith('/connectors/c/restart'))
      return reply(202, {
        name: 'c',
        connector: { state: 'RESTARTING', worker_id: 'w' },
        tasks: [],
        type: 'source',
      });
    if (req.url === '/connectors/c/pause') return reply(202);
    if (req.url === '/connectors/c')
      return reply(
        req.method === 'DELETE' ? 204 : 200,
        req.method === 'DELETE' ? undefined : { name: 'c', config: {}, tasks: [], type: 'source' },
      );
    if (req.url === '/connectors/c/topics') return reply(200, { c: { topics: ['t1'] } });
    if (req.url?.startsWith('/connector-plugins'))
      return reply(200, [{ class: 'X', type: 'source', version: '1' }]);
    if (req.url === '/connectors/nope')
      return reply(404, { error_code: 404, message: 'Connector nope not found' });
    return reply(500, { error_code: 500, message: `unexpected ${req.url}` });
  });
});

before(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => server.close(() => r())));

void describe('RestConnectClient', () => {
  void it('sends basic auth and the documented query strings', async () => {
    const c = new RestConnectClient({
      clusterName: 'prod',
      baseUrl: `${base}/`,
      username: 'u',
      password: 'p',
    });
    const status = await c.restart('c', { includeTasks: true, onlyFailed: true });
    assert.equal(status?.connector.state, 'RESTARTING');
    await c.pause('c');
    assert.deepEqual(await c.topics('c'), ['t1']);
    assert.equal((await c.plugins(false))[0]?.class, 'X');
    assert.equal((await c.pluginConfig('io.example.Y')).length, 1);
    assert.equal(await c.exists('c'), true);
    assert.equal(await c.exists('nope'), false);
    await c.delete('c');
    const urls = seen.map((s) => `${s.method} ${s.url}`);
    assert.ok(urls.includes('POST /connectors/c/restart?includeTasks=true&onlyFailed=true'), urls.join('\n'));
    assert.ok(urls.includes('PUT /connectors/c/pause'));
    assert.ok(urls.includes('GET /connector-plugins?connectorsOnly=false'));
    // Plugin definitions go through the client too: same auth as every other call.
    assert.ok(urls.includes('GET /connector-plugins/io.example.Y/config'), urls.join('\n'));
    assert.ok(urls.includes('DELETE /connectors/c'));
    assert.ok(seen.every((s) => s.auth === `Basic ${Buffer.from('u:p').toString('base64')}`));
  });

  void it("surfaces Connect's message, masked, with the HTTP status", async () => {
    const c = new RestConnectClient({ clusterName: 'prod', baseUrl: base });
    await assert.rejects(c.getStatus('missing'), (e: unknown) => {
      assert.ok(e instanceof ExtensionError);
      assert.equal(e.code, 'connect-rest');
      assert.equal(e.httpStatus, 404);
      assert.equal(e.message, 'No status found for connector missing');
      return true;
    });
    await assert.rejects(
      c.putConfig('secret', {}),
      (e: unknown) => e instanceof Error && !e.message.includes('hunter2') && e.message.includes('********'),
    );
  });

  void it('names the cluster and the URL when it cannot be reached, and times out', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const c = new RestConnectClient({ clusterName: 'staging', baseUrl: `http://127.0.0.1:${port}` });
    await assert.rejects(c.listExpanded(), (e: unknown) => {
      assert.ok(e instanceof ExtensionError);
      assert.equal(e.code, 'cluster-unreachable');
      assert.match(
        e.message,
        new RegExp(`Cannot reach staging at http://127.0.0.1:${port} \\(ECONNREFUSED\\)`),
      );
      assert.ok(e.retriable);
      return true;
    });
    const slow = new RestConnectClient({ clusterName: 'slow', baseUrl: base, timeoutMs: 300 });
    await assert.rejects(
      slow.getStatus('slow'),
      (e: unknown) => e instanceof ExtensionError && e.code === 'request-timeout',
    );
  });

  void it("sends a request again while Connect answers 409 for a rebalance, not for 'already exists'", async () => {
    const c = new RestConnectClient({ clusterName: 'prod', baseUrl: base });
    const before = seen.length;
    const status = await c.getStatus('rebalancing');
    assert.equal(status.connector.state, 'RUNNING');
    assert.equal(seen.length - before, 3, 'two 409 answers, then the one that went through');
    const posts = seen.length;
    await assert.rejects(
      c.create({ name: 'dup', config: { 'connector.class': 'X' } }),
      (e: unknown) =>
        e instanceof ExtensionError && e.httpStatus === 409 && /Connector dup already exists/.test(e.message),
    );
    assert.equal(seen.length - posts, 1, 'a conflict that is not a rebalance is not sent again');
    const reads = seen.length;
    assert.deepEqual(await c.getConfig('rebalancing'), { 'connector.class': 'X' });
    assert.equal(seen.length - reads, 2, "one 500 'rebalance is expected', then the read that went through");
    const others = seen.length;
    await assert.rejects(
      c.getConfig('other-500'),
      (e: unknown) =>
        e instanceof ExtensionError && e.httpStatus === 500 && /Failed to read config/.test(e.message),
    );
    assert.equal(seen.length - others, 1, 'any other 500 is not sent again');
  });

  void it('reports a non-JSON answer as a bad response naming the endpoint', async () => {
    const c = new RestConnectClient({ clusterName: 'web', baseUrl: base });
    await assert.rejects(
      c.serverInfo(),
      (e: unknown) => e instanceof ExtensionError && e.code === 'bad-response',
    );
  });
});
