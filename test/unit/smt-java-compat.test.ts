import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JavaPattern, expandReplacement } from '../../runtime/transforms/util/java-regex';
import { SimpleDateFormat } from '../../runtime/transforms/util/simple-date-format';
import { SingleFieldPath } from '../../runtime/transforms/field/single-field-path';

void describe('Java regex semantics', () => {
  void it('matches the whole topic only and expands $n / ${name} / escapes', () => {
    const p = new JavaPattern('(.*)-(?<env>[a-z]+)');
    assert.equal(p.replaceWhole('orders-dev', 'x-$1-${env}'), 'x-orders-dev');
    assert.equal(new JavaPattern('ord').replaceWhole('orders', 'x'), null);
    assert.equal(p.replaceWhole('a-b', '\\$1$2'), '$1b');
    const m = /(a)(b)/.exec('ab');
    assert.ok(m);
    assert.equal(expandReplacement('$12', m), 'a2', 'Java stops at the last valid group number');
    assert.throws(() => expandReplacement('$3', m), /No group 3/);
  });
});

void describe('SimpleDateFormat (UTC)', () => {
  void it('formats and parses the common patterns', () => {
    const d = new Date(Date.UTC(2024, 2, 5, 7, 8, 9, 12));
    assert.equal(new SimpleDateFormat('yyyyMMdd').format(d), '20240305');
    assert.equal(new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").format(d), '2024-03-05T07:08:09.012Z');
    assert.equal(new SimpleDateFormat('EEE, d MMM yy hh a').format(d), 'Tue, 5 Mar 24 07 AM');
    assert.equal(
      new SimpleDateFormat('yyyy-MM-dd HH:mm:ss').parse('2024-03-05 07:08:09').getTime(),
      Date.UTC(2024, 2, 5, 7, 8, 9),
    );
    assert.equal(
      new SimpleDateFormat('yyyyMMddHHmm').parse('202403050708').getTime(),
      Date.UTC(2024, 2, 5, 7, 8),
    );
    assert.throws(() => new SimpleDateFormat('qq'), /Illegal pattern character 'q'/);
    assert.throws(() => new SimpleDateFormat('yyyy-MM').parse('2024/03'), /Unparseable date/);
  });
});

void describe('SingleFieldPath V2', () => {
  void it('splits dotted paths with backtick quoting as Connect', () => {
    assert.deepEqual(new SingleFieldPath('a.b.c', 'V2').steps, ['a', 'b', 'c']);
    assert.deepEqual(new SingleFieldPath('`a.b`.c', 'V2').steps, ['a.b', 'c']);
    assert.deepEqual(new SingleFieldPath('a.', 'V2').steps, ['a', '']);
    assert.deepEqual(new SingleFieldPath('a.b', 'V1').steps, ['a.b']);
    assert.throws(
      () => new SingleFieldPath('`a.b', 'V2'),
      /Incomplete backtick pair in path: \[`a.b\], consider adding a backslash before backtick at position 0 to escape it/,
    );
  });
});
