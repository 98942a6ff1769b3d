import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bindCreateRequest, bindStringMap, CREATE_REQUEST_BEAN, parseBody } from '../../runtime/rest/body';
import { parseJson, stringifyJson, toPlain } from '../../runtime/rest/json-parser';
import { mapError } from '../../runtime/errors/error-mapper';
import { BadRequestException } from '../../runtime/errors/rest-errors';
import { AlreadyExistsException, NotFoundException } from '../../runtime/data/errors';
import { buildRoutes } from '../../runtime/rest/routes';

void describe('JSON parsing with Jackson messages', () => {
  void it('keeps int64 exact and object order', () => {
    const v = toPlain(parseJson('{"b":9223372036854775807,"a":1.5}')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(v), ['b', 'a']);
    assert.equal(v['b'], 9223372036854775807n);
    assert.equal(stringifyJson(v), '{"b":9223372036854775807,"a":1.5}');
  });

  void it('reports syntax errors like Jackson', () => {
    assert.throws(
      () => parseJson('{a:1}'),
      /^Error: Unexpected character \('a' \(code 97\)\): was expecting double-quote to start field name/,
    );
    assert.throws(() => parseJson('{"a":1'), /Unexpected end-of-input: expected close marker for Object/);
    assert.throws(() => parseJson('nope'), /Unrecognized token 'nope'/);
  });
});

void describe('request binding', () => {
  void it('coerces scalar config values to strings and keeps nulls', () => {
    assert.deepEqual(bindStringMap(parseBody('{"a":1,"b":true,"c":null,"d":"x","e":1.50}')), {
      a: '1',
      b: 'true',
      c: null,
      d: 'x',
      e: '1.50',
    });
  });

  void it('rejects object config values with a 500-mapped Jackson error', () => {
    assert.throws(
      () => bindStringMap(parseBody('{"a":{}}')),
      /Cannot deserialize value of type `java.lang.String` from Object value/,
    );
  });

  void it('binds CreateConnectorRequest with case-insensitive initial_state', () => {
    assert.deepEqual(
      bindCreateRequest(parseBody('{"name":"n","config":{"k":"v"},"initial_state":"paused"}')),
      {
        name: 'n',
        config: { k: 'v' },
        initialState: 'PAUSED',
      },
    );
    assert.equal(bindCreateRequest(parseBody('')), null);
    assert.throws(() => bindCreateRequest(parseBody('{"nam":"x"}')), /Unrecognized field "nam"/);
  });
});

void describe('error mapper', () => {
  void it('maps Connect exceptions onto status and error body', () => {
    assert.deepEqual(mapError(new NotFoundException('Connector x not found')), {
      status: 404,
      body: { error_code: 404, message: 'Connector x not found' },
    });
    assert.deepEqual(mapError(new AlreadyExistsException('dup')), {
      status: 409,
      body: { error_code: 409, message: 'dup' },
    });
    assert.deepEqual(mapError(new BadRequestException('bad')), {
      status: 400,
      body: { error_code: 400, message: 'bad' },
    });
    assert.deepEqual(mapError(new Error('boom')), {
      status: 500,
      body: { error_code: 500, message: 'boom' },
    });
  });
});

void describe('routes', () => {
  void it('declares every Connect endpoint once', () => {
    const table = buildRoutes().map((r) => `${r.method} /${r.segments.join('/')}`);
    assert.equal(new Set(table).size, table.length);
    for (const e of [
      'GET /',
      'GET /health',
      'GET /connectors',
      'POST /connectors',
      'GET /connectors/:c',
      'DELETE /connectors/:c',
      'GET /connectors/:c/config',
      'PUT /connectors/:c/config',
      'PATCH /connectors/:c/config',
      'GET /connectors/:c/status',
      'GET /connectors/:c/tasks',
      'GET /connectors/:c/tasks/:t/status',
      'POST /connectors/:c/tasks/:t/restart',
      'POST /connectors/:c/restart',
      'PUT /connectors/:c/pause',
      'PUT /connectors/:c/resume',
      'PUT /connectors/:c/stop',
      'GET /connectors/:c/topics',
      'PUT /connectors/:c/topics/reset',
      'GET /connectors/:c/offsets',
      'PATCH /connectors/:c/offsets',
      'DELETE /connectors/:c/offsets',
      'GET /connector-plugins',
      'GET /connector-plugins/:p/config',
      'PUT /connector-plugins/:p/config/validate',
      'GET /admin/loggers',
      'GET /admin/loggers/:l',
      'PUT /admin/loggers/:l',
    ]) {
      assert.ok(table.includes(e.replace('GET /', 'GET /').replace(/ \/$/, ' /')), `missing ${e}`);
    }
  });
});

void describe('Jackson locations and reference chains', () => {
  const LOC = (col: number): string =>
    `[Source: REDACTED (\`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION\` disabled); line: 1, column: ${col}]`;
  const CLS = 'org.apache.kafka.connect.runtime.rest.entities.CreateConnectorRequest';
  const create = (text: string) => bindCreateRequest(parseBody(text, CREATE_REQUEST_BEAN));

  void it('report the column where the offending value starts', () => {
    // The '{' of batch.size is character 36 of the body.
    assert.throws(() => create('{"name":"a","config":{"batch.size":{"n":1}}}'), {
      message: `Cannot deserialize value of type \`java.lang.String\` from Object value (token \`JsonToken.START_OBJECT\`)\n at ${LOC(36)} (through reference chain: ${CLS}["config"]->java.util.LinkedHashMap["batch.size"])`,
    });
    // The opening quote of "SLEEPING" is character 41.
    assert.throws(() => create('{"name":"a","config":{},"initial_state":"SLEEPING"}'), {
      message: `Cannot construct instance of \`${CLS}$InitialState\`, problem: No enum constant ${CLS}.InitialState.SLEEPING\n at ${LOC(41)} (through reference chain: ${CLS}["initial_state"])`,
    });
    assert.throws(() => bindStringMap(parseBody('  [1]')), {
      message: new RegExp(`from Array value.*\\n at ${LOC(3).replace(/[[\]()`]/g, '\\$&')}$`),
    });
  });

  void it('chain a syntax error inside a property value to that property, as BeanDeserializer wraps it', () => {
    assert.throws(() => create('{"name": "x-bad", "config": {'), {
      message: `Unexpected end-of-input: expected close marker for Object (start marker at ${LOC(29)})\n at ${LOC(30)} (through reference chain: ${CLS}["config"])`,
    });
    // Between properties Jackson's own loop reads the token: no chain.
    assert.throws(
      () => create('{"name": "x", '),
      (e: unknown) => !(e as Error).message.includes('reference chain'),
    );
    // Map<String,String> bodies (PUT config) have no bean to chain.
    assert.throws(
      () => parseBody('{"a": {'),
      (e: unknown) => !(e as Error).message.includes('reference chain'),
    );
  });
});
