/**
 * runtime/logging: effective levels through the dot hierarchy, what setLevel answers (only the
 * loggers whose level changed, as Connect 4.x's Loggers), which lines are written at which level.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Loggers, LOGGERS_LOGGER, toLevel } from '../../runtime/logging/loggers';

function setup(): { loggers: Loggers; lines: string[]; clock: { t: number } } {
  const lines: string[] = [];
  const clock = { t: 1000 };
  const loggers = new Loggers(
    (l) => lines.push(l),
    'INFO',
    () => clock.t,
  );
  return { loggers, lines, clock };
}

void describe('Loggers (runtime/logging)', () => {
  void it('lists root and every logger the code asked for, with effective levels and no last_modified', () => {
    const { loggers } = setup();
    loggers.logger('org.apache.kafka.connect.runtime.Worker');
    loggers.logger('kafkajs');
    assert.deepEqual(loggers.allLevels(), {
      kafkajs: { level: 'INFO', last_modified: null },
      'org.apache.kafka.connect.runtime.Worker': { level: 'INFO', last_modified: null },
      root: { level: 'INFO', last_modified: null },
    });
    assert.deepEqual(loggers.level('ROOT'), { level: 'INFO', last_modified: null });
    assert.equal(loggers.level('no.such.logger'), null);
  });

  void it('setLevel answers only the loggers whose level changed, sorted, and stamps them', () => {
    const { loggers, clock } = setup();
    loggers.logger('org.a.B');
    loggers.logger('org.ab'); // starts with "org.a" but is not below it: a target whose level stays
    clock.t = 2000;
    assert.deepEqual(loggers.setLevel('org.a', 'DEBUG'), ['org.a', 'org.a.B']);
    assert.deepEqual(loggers.level('org.a.B'), { level: 'DEBUG', last_modified: 2000 });
    assert.deepEqual(loggers.level('org.ab'), { level: 'INFO', last_modified: null });
    // Same level again: nothing changes.
    assert.deepEqual(loggers.setLevel('org.a', 'DEBUG'), []);
    // A new namespace that already inherits the level: created, but not a change.
    assert.deepEqual(loggers.setLevel('org.c', 'INFO'), []);
    assert.deepEqual(loggers.level('org.c'), { level: 'INFO', last_modified: null });
  });

  void it('a parent namespace overrides the configured levels below it (Configurator.setAllLevels)', () => {
    const { loggers } = setup();
    loggers.setLevel('kcl.x.child', 'WARN');
    loggers.setLevel('kcl.x.other', 'DEBUG');
    assert.deepEqual(loggers.setLevel('kcl.x', 'DEBUG'), ['kcl.x', 'kcl.x.child']);
    assert.equal(loggers.level('kcl.x.child')?.level, 'DEBUG');
  });

  void it('root changes every logger whose level differs; OFF loggers are not listed', () => {
    const { loggers } = setup();
    loggers.logger('a.b');
    loggers.setLevel('quiet', 'OFF');
    assert.equal('quiet' in loggers.allLevels(), false);
    assert.deepEqual(loggers.setLevel('root', 'WARN'), [LOGGERS_LOGGER, 'a.b', 'quiet', 'root'].sort());
    assert.equal(loggers.level('quiet')?.level, 'WARN');
  });

  void it('writes a line only when the logger is enabled for its level', () => {
    const { loggers, lines } = setup();
    const worker = loggers.logger('org.apache.kafka.connect.runtime.Worker');
    worker.debug('hidden at INFO');
    worker.info('shown at INFO');
    loggers.setLevel('org.apache.kafka.connect.runtime', 'DEBUG');
    worker.debug('shown at DEBUG');
    loggers.setLevel('org.apache.kafka.connect', 'ERROR');
    worker.warn('hidden at ERROR');
    worker.at('ERROR')('shown at ERROR');
    assert.deepEqual(
      lines.filter((l) => !l.includes('Setting level')),
      ['INFO shown at INFO', 'DEBUG shown at DEBUG', 'ERROR shown at ERROR'],
    );
    // The change itself is reported at INFO by org.apache.kafka.connect.runtime.Loggers, as in Connect.
    assert.ok(
      lines.includes(
        'INFO Setting level of namespace org.apache.kafka.connect.runtime and children to DEBUG',
      ),
    );
  });

  void it('levels are the Log4j 2 names, trimmed and in any case (as Level.getLevel)', () => {
    for (const l of ['OFF', 'FATAL', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE', 'ALL'])
      assert.equal(toLevel(l), l);
    assert.equal(toLevel('debug'), 'DEBUG');
    assert.equal(toLevel(' Info '), 'INFO');
    for (const l of ['LOUD', '', '5', 'DEBUGX']) assert.equal(toLevel(l), null, l);
  });
});
