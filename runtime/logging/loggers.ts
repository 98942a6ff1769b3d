/**
 * The runtime's named loggers and their levels, modelled on Log4j 2 as Connect 4.x drives it through
 * org.apache.kafka.connect.runtime.Loggers: a logger's effective level is the level of its nearest
 * configured ancestor (dot-separated names, root last); `setLevel(namespace)` configures the namespace
 * and every configured name that starts with it (Configurator.setAllLevels) and answers the loggers whose
 * level changed; `allLevels()` lists every known logger that is not OFF. The root is "root" outside and
 * "" inside, as in Connect.
 */
import type { LoggerLevel } from '../../protocol/connect-rest/entities';

export const LEVELS = ['OFF', 'FATAL', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE', 'ALL'] as const;
export type Level = (typeof LEVELS)[number];

const SEVERITY: Record<Level, number> = {
  OFF: 0,
  FATAL: 100,
  ERROR: 200,
  WARN: 300,
  INFO: 400,
  DEBUG: 500,
  TRACE: 600,
  ALL: Number.MAX_SAFE_INTEGER,
};

const ROOT = '';
const ROOT_NAME = 'root';

/** The logger that reports level changes, as in Connect. */
export const LOGGERS_LOGGER = 'org.apache.kafka.connect.runtime.Loggers';

export function isRootName(name: string): boolean {
  return name === ROOT || name.toLowerCase() === ROOT_NAME;
}

/** Log4j 2's Level.getLevel: a standard name, trimmed and in any case ("debug" is DEBUG), else null. */
export function toLevel(name: string): Level | null {
  const upper = name.trim().toUpperCase();
  return (LEVELS as readonly string[]).includes(upper) ? (upper as Level) : null;
}

export class Logger {
  constructor(
    readonly name: string,
    private readonly owner: Loggers,
  ) {}

  isEnabled(level: Level): boolean {
    return this.owner.enabled(this.name, level);
  }

  log(level: Level, message: string): void {
    if (this.isEnabled(level)) this.owner.write(level, message);
  }

  error(message: string): void {
    this.log('ERROR', message);
  }

  warn(message: string): void {
    this.log('WARN', message);
  }

  info(message: string): void {
    this.log('INFO', message);
  }

  debug(message: string): void {
    this.log('DEBUG', message);
  }

  /** A `(line) => void` at one level: what the runtime's components take as their `log`. */
  at(level: Level): (line: string) => void {
    return (line) => this.log(level, line);
  }
}

export class Loggers {
  /** Configured levels (Log4j LoggerConfigs), by internal name; the root always has one. */
  private readonly configured = new Map<string, Level>();
  /** Loggers the code asked for (Log4j context loggers). */
  private readonly known = new Map<string, Logger>();
  /** Last change per external name (Connect's lastModifiedTimes). */
  private readonly lastModified = new Map<string, number>();

  constructor(
    private readonly sink: (line: string) => void,
    rootLevel: Level = 'INFO',
    private readonly now: () => number = Date.now,
  ) {
    this.configured.set(ROOT, rootLevel);
  }

  logger(name: string): Logger {
    const internal = isRootName(name) ? ROOT : name;
    let logger = this.known.get(internal);
    if (!logger) {
      logger = new Logger(internal, this);
      this.known.set(internal, logger);
    }
    return logger;
  }

  /** Hands `LEVEL message` to the sink (which adds the timestamp); a multi-line message keeps its lines. */
  write(level: Level, message: string): void {
    this.sink(`${level} ${message}`);
  }

  enabled(name: string, level: Level): boolean {
    const effective = this.effectiveLevel(name);
    return effective !== 'OFF' && SEVERITY[level] <= SEVERITY[effective];
  }

  /** The nearest configured level: the name, then its dot-separated parents, then the root. */
  effectiveLevel(name: string): Level {
    let n = name;
    for (;;) {
      const level = this.configured.get(n);
      if (level !== undefined) return level;
      if (n === ROOT) return 'INFO';
      const dot = n.lastIndexOf('.');
      n = dot < 0 ? ROOT : n.slice(0, dot);
    }
  }

  private current(): string[] {
    return [...new Set([...this.configured.keys(), ...this.known.keys()])];
  }

  private external(name: string): string {
    return name === ROOT ? ROOT_NAME : name;
  }

  private levelOf(name: string): LoggerLevel {
    return {
      level: this.effectiveLevel(name),
      last_modified: this.lastModified.get(this.external(name)) ?? null,
    };
  }

  /** GET /admin/loggers/{name}: the root or a known logger, else null (Connect answers 404). */
  level(name: string): LoggerLevel | null {
    const internal = isRootName(name) ? ROOT : name;
    if (internal !== ROOT && !this.current().includes(internal)) return null;
    return this.levelOf(internal);
  }

  /** GET /admin/loggers: every known logger that is not OFF, sorted by name. */
  allLevels(): Record<string, LoggerLevel> {
    const entries = this.current()
      .filter((n) => this.effectiveLevel(n) !== 'OFF')
      .map((n) => [this.external(n), this.levelOf(n)] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  }

  /**
   * PUT /admin/loggers/{namespace}: the namespace and every logger whose name starts with it (a plain
   * string prefix, as Connect) get the level; answers the sorted names whose level changed.
   */
  setLevel(namespace: string, level: Level): string[] {
    const ns = isRootName(namespace) ? ROOT : namespace;
    this.logger(LOGGERS_LOGGER).info(`Setting level of namespace ${ns} and children to ${level}`);
    // Connect looks the namespace's logger up first (creating it), so it counts in the levels before.
    this.logger(ns);
    const before = this.allLevels();
    const targets = this.current().filter((n) => n.startsWith(ns));
    // Configurator.setAllLevels: the namespace's own config, then every config below it.
    this.configured.set(ns, level);
    for (const n of [...this.configured.keys()]) if (n.startsWith(ns)) this.configured.set(n, level);
    const changed: string[] = [];
    for (const n of targets) {
      const name = this.external(n);
      if (this.effectiveLevel(n) !== (before[name]?.level ?? '')) {
        this.lastModified.set(name, this.now());
        changed.push(name);
      }
    }
    return changed.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
}
