import { javaToString } from './java-compat';

type ConfigExceptionArgs = [message: string] | [name: string, value: unknown, message?: string | null];

/**
 * org.apache.kafka.common.config.ConfigException. The three-argument form builds Connect's
 * "Invalid value <v> for configuration <name>: <message>" text; the one-argument form keeps the
 * message as is (used for "Missing required configuration ..." and ValidList's messages).
 */
export class ConfigException extends Error {
  static readonly javaClassName = 'org.apache.kafka.common.config.ConfigException';

  constructor(...args: ConfigExceptionArgs) {
    super(
      args.length === 1
        ? args[0]
        : `Invalid value ${javaToString(args[1])} for configuration ${args[0]}${args[2] == null ? '' : `: ${args[2]}`}`,
    );
    this.name = 'ConfigException';
  }
}
