/**
 * /admin/loggers on the running runtime: a level change takes effect on what the runtime writes
 * (the REST request log is RestServer's INFO output, as in Connect), `?scope=cluster` writes Connect's
 * `logger-cluster-<namespace>` record to the config topic and applies it, and a restarted worker does
 * not re-apply cluster levels written before its start-up (KIP-976).
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { readTopic } from '../support/differential';
import { eventually, http, startRuntimeProcess, uniqueGroupId } from '../support/runtime-process';
import type { RuntimeProcess } from '../support/runtime-process';

const running: RuntimeProcess[] = [];
after(async () => {
  await Promise.all(running.map((r) => r.stop()));
});

const REST_LOGGER = 'org.apache.kafka.connect.runtime.rest.RestServer';
const requestLogged = (rt: RuntimeProcess, marker: string): boolean =>
  rt.stderr().includes(`"GET /connectors?${marker} HTTP/1.1" 200`);

void test('logger levels change what the runtime logs; cluster scope goes through the config topic', async () => {
  const groupId = uniqueGroupId('kcl-loggers');
  const rt = await startRuntimeProcess({ groupId });
  running.push(rt);

  // Connect's runtime loggers are listed (with their Connect class names) beside root.
  const all = await http(rt.url, 'GET', '/admin/loggers');
  assert.equal(all.status, 200);
  const names = Object.keys(all.body as object);
  for (const n of [REST_LOGGER, 'org.apache.kafka.connect.runtime.distributed.DistributedHerder', 'root'])
    assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
  assert.ok(names.includes('org.apache.kafka.connect.file.FileStreamSourceConnector'));

  // At INFO (the default) every request is logged, in Jetty's request-log format.
  await http(rt.url, 'GET', '/connectors?before');
  await eventually(() => requestLogged(rt, 'before'), 10_000, 'request log line at INFO');
  assert.match(
    rt.stderr(),
    /INFO 127\.0\.0\.1 - - \[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000\] "GET \/connectors\?before HTTP\/1\.1" 200 \d+ "" "[^"]*" \d+/,
  );

  // WARN on the namespace above RestServer silences it; the answer names the changed loggers.
  const set = await http(rt.url, 'PUT', '/admin/loggers/org.apache.kafka.connect.runtime.rest', {
    level: 'WARN',
  });
  assert.equal(set.status, 200);
  assert.ok((set.body as string[]).includes(REST_LOGGER), JSON.stringify(set.body));
  assert.ok((set.body as string[]).includes('org.apache.kafka.connect.runtime.rest'));
  await http(rt.url, 'GET', '/connectors?silenced');
  await http(rt.url, 'GET', '/connectors?later');
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(requestLogged(rt, 'silenced'), false, 'no request log at WARN');
  const level = await http(rt.url, 'GET', `/admin/loggers/${REST_LOGGER}`);
  assert.equal((level.body as { level: string }).level, 'WARN');
  assert.equal(typeof (level.body as { last_modified: unknown }).last_modified, 'number');

  // Bad input: Connect's statuses and messages.
  const loud = await http(rt.url, 'PUT', `/admin/loggers/${REST_LOGGER}`, { level: 'LOUD' });
  assert.deepEqual(
    [loud.status, loud.body],
    [404, { error_code: 404, message: "invalid log level 'LOUD'." }],
  );
  const none = await http(rt.url, 'PUT', `/admin/loggers/${REST_LOGGER}`, {});
  assert.deepEqual(
    [none.status, none.body],
    [400, { error_code: 400, message: "Desired 'level' parameter was not specified in request." }],
  );

  // Cluster scope: 204, the record in the config topic, the level applied on this worker.
  const cluster = await http(rt.url, 'PUT', `/admin/loggers/${REST_LOGGER}?scope=cluster`, { level: 'INFO' });
  assert.equal(cluster.status, 204);
  assert.equal(cluster.text, '');
  await http(rt.url, 'GET', '/connectors?again');
  await eventually(() => requestLogged(rt, 'again'), 10_000, 'request log line back at INFO');
  const records = await readTopic(`${groupId}-configs`);
  const rec = records.find((r) => r.key?.toString('utf8') === `logger-cluster-${REST_LOGGER}`);
  assert.ok(rec, `logger-cluster record in ${records.map((r) => r.key?.toString('utf8')).join(', ')}`);
  assert.deepEqual(JSON.parse(rec.value!.toString('utf8')), { level: 'INFO' });
  const clusterOnly = await http(rt.url, 'PUT', '/admin/loggers/kcl.cluster.only?scope=cluster', {
    level: 'DEBUG',
  });
  assert.equal(clusterOnly.status, 204);
  assert.equal((await http(rt.url, 'GET', '/admin/loggers/kcl.cluster.only')).status, 200);
  assert.equal(await rt.stop(), 0);

  // A restarted worker ignores cluster levels written before its start-up, as Connect does.
  const again = await startRuntimeProcess({ groupId });
  running.push(again);
  const after = await http(again.url, 'GET', '/admin/loggers/kcl.cluster.only');
  assert.deepEqual(
    [after.status, after.body],
    [404, { error_code: 404, message: 'Logger kcl.cluster.only not found.' }],
  );
});
