import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bindCreateRequest, bindStringMap, parseBody } from '../../runtime/rest/body';
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
