/**
 * What LoggingResource needs from the worker: the runtime's loggers (runtime/logging) for the worker
 * scope, and the cluster-scope write (a `logger-cluster-<namespace>` record in the config topic).
 */
import type { LoggerLevel } from '../../protocol/connect-rest/entities';
import type { Level, Loggers } from '../logging/loggers';
import { toLevel } from '../logging/loggers';

export const LOGGING_RESOURCE_LOGGER = 'org.apache.kafka.connect.runtime.rest.resources.LoggingResource';

export class LoggerLevels {
  constructor(
    readonly loggers: Loggers,
    private readonly clusterWrite: (namespace: string, level: Level) => Promise<void>,
  ) {}

  /** Log4j 2's Level.getLevel, as Connect 4.x checks it: a standard name in any case, else null. */
  static toLevel(level: string): Level | null {
    return toLevel(level);
  }

  all(): Record<string, LoggerLevel> {
    return this.loggers.allLevels();
  }

  get(name: string): LoggerLevel | undefined {
    return this.loggers.level(name) ?? undefined;
  }

  /** Worker scope: the names whose level changed, sorted. */
  set(namespace: string, level: Level): string[] {
    return this.loggers.setLevel(namespace, level);
  }

  /** Cluster scope: written to the config topic; every worker (this one included) applies it. */
  async setCluster(namespace: string, level: Level): Promise<void> {
    await this.clusterWrite(namespace, level);
  }

  warn(message: string): void {
    this.loggers.logger(LOGGING_RESOURCE_LOGGER).warn(message);
  }
}
