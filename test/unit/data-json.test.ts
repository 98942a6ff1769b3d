/** runtime/data/json.ts and Java number formatting: exact int64, Jackson output. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  JavaDouble,
  JavaFloat,
  JsonNumber,
  JsonParseError,
  formatJavaDouble,
  formatJavaFloat,
  parseJson,
  quoteJson,
  stringifyJson,
} from '../../runtime/data';

void describe('parseJson', () => {
  void it('keeps integers beyond 2^53 exact as bigint, others as numbers', () => {
    assert.deepEqual(
      parseJson('{"a":9007199254740993,"b":1,"c":-9223372036854775808,"d":1.5,"e":9007199254740991}'),
      {
        a: 9007199254740993n,
        b: 1,
        c: -9223372036854775808n,
        d: 1.5,
        e: 9007199254740991,
      },
    );
  });

  void it("mode 'all' makes every integral literal a bigint, fractional ones stay numbers", () => {
    assert.deepEqual(parseJson('[1, 1.0, 1e3, -0, 12]', { bigint: 'all' }), [1n, 1, 1000, 0n, 12n]);
  });

  void it('exactNumbers keeps the literal text', () => {
    const v = parseJson('[1.50, 1E+3, 7]', { exactNumbers: true }) as JsonNumber[];
    assert.deepEqual(
      v.map((n) => [n.text, n.isIntegral]),
      [
        ['1.50', false],
        ['1E+3', false],
        ['7', true],
      ],
    );
  });

  void it('parses strings, escapes, nesting, duplicate keys and __proto__ safely', () => {
    assert.deepEqual(parseJson('"a\\"b\\\\c\\/\\n\\u00e9\\ud83d\\ude00"'), 'a"b\\c/\né😀');
    const o = parseJson('{"__proto__":{"x":1},"k":1,"k":2}') as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(o), Object.prototype);
    assert.deepEqual(Object.keys(o), ['__proto__', 'k']);
    assert.equal(o.k, 2);
    assert.deepEqual(parseJson(Buffer.from('[true,false,null,{"a":[]}]')), [true, false, null, { a: [] }]);
  });

  void it('rejects malformed input with a position', () => {
    for (const bad of [
      '',
      ' ',
      '{',
      '[1,]',
      '{"a":1,}',
      'tru',
      'NaN',
      '01',
      '1.',
      '.5',
      '"\\x"',
      '"a\nb"',
      '[1 2]',
      '1 2',
      "{'a':1}",
    ])
      assert.throws(() => parseJson(bad), JsonParseError, JSON.stringify(bad));
    assert.throws(() => parseJson(Buffer.from([0x22, 0xff, 0x22])), JsonParseError);
    assert.deepEqual(parseJson('007', { allowLeadingZeros: true }), 7);
    assert.deepEqual(parseJson('1 2', { allowTrailing: true }), 1);
  });
});

void describe('stringifyJson', () => {
  void it('writes bigint digits, Jackson escapes, maps, buffers and Java doubles', () => {
    assert.equal(
      stringifyJson({
        a: 9223372036854775807n,
        b: 'q"\\\n\u0001\u001f😀é',
        c: [1, 1.5, null],
        d: new Map([['k', true]]),
        e: Buffer.from([0, 255]),
      }),
      '{"a":9223372036854775807,"b":"q\\"\\\\\\n\\u0001\\u001F\\uD83D\\uDE00é","c":[1,1.5,null],"d":{"k":true},"e":"AP8="}',
    );
    assert.equal(
      stringifyJson([
        new JavaDouble(100),
        new JavaDouble(1e10),
        new JavaFloat(0.1),
        new JavaDouble(Number.NaN),
      ]),
      '[100.0,1.0E10,0.1,"NaN"]',
    );
    assert.equal(stringifyJson({ skip: undefined, n: new JsonNumber('1.50') }), '{"n":1.50}');
    assert.equal(stringifyJson(1e21), '1000000000000000000000');
    assert.equal(quoteJson('\u2028/'), '"\u2028/"');
  });

  void it('round-trips with parseJson', () => {
    const text = '{"x":[1,2.5,"s",{"y":null}],"big":-9223372036854775808}';
    assert.equal(stringifyJson(parseJson(text)), text);
  });
});

void describe('Java number text', () => {
  void it('Double.toString', () => {
    const cases: [number, string][] = [
      [1e10, '1.0E10'],
      [1.5, '1.5'],
      [100, '100.0'],
      [0.1, '0.1'],
      [-0, '-0.0'],
      [0, '0.0'],
      [0.001, '0.001'],
      [0.0001, '1.0E-4'],
      [1234567, '1234567.0'],
      [12345678, '1.2345678E7'],
      [Number.MIN_VALUE, '4.9E-324'],
      [Number.MAX_VALUE, '1.7976931348623157E308'],
      [1e23, '1.0E23'],
      [Number.NaN, 'NaN'],
      [-Infinity, '-Infinity'],
      [0.30000000000000004, '0.30000000000000004'],
    ];
    for (const [n, text] of cases) assert.equal(formatJavaDouble(n), text, String(n));
  });

  void it('Float.toString', () => {
    const cases: [number, string][] = [
      [0.1, '0.1'],
      [1e10, '1.0E10'],
      [3.4028234663852886e38, '3.4028235E38'],
      [1.401298464324817e-45, '1.4E-45'],
      [123456.789, '123456.79'],
      [1, '1.0'],
      [-0, '-0.0'],
      [3810365.25, '3810365.2'],
      [-484.453125, '-484.45312'],
      [312209.125, '312209.12'],
    ];
    for (const [n, text] of cases) assert.equal(formatJavaFloat(n), text, String(n));
  });
});
