/** Logger levels for /admin/loggers (the runtime's own loggers; log4j-style levels). */
import type { LoggerLevel } from '../../protocol/connect-rest/entities';

const LEVELS = ['OFF', 'FATAL', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE', 'ALL'];

export class LoggerLevels {
  private readonly levels = new Map<string, LoggerLevel>([['root', { level: 'INFO', last_modified: null }]]);

  static isValid(level: string): boolean {
    return LEVELS.includes(level.toUpperCase());
  }

  all(): Record<string, LoggerLevel> {
    const out: Record<string, LoggerLevel> = {};
    for (const k of [...this.levels.keys()].sort()) out[k] = this.levels.get(k)!;
    return out;
  }

  get(name: string): LoggerLevel | undefined {
    return this.levels.get(name);
  }

  /** Sets the namespace and every known logger below it; returns the affected names (sorted). */
  set(namespace: string, level: string): string[] {
    const now = Date.now();
    const upper = level.toUpperCase();
    const affected = new Set<string>([namespace]);
    if (namespace === 'root') for (const k of this.levels.keys()) affected.add(k);
    for (const k of this.levels.keys()) if (k.startsWith(namespace + '.')) affected.add(k);
    for (const k of affected) this.levels.set(k, { level: upper, last_modified: now });
    return [...affected].sort();
  }
}
