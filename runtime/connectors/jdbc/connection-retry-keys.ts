/**
 * connection.attempts and connection.backoff.ms: the two keys JdbcSourceConnectorConfig and
 * JdbcSinkConfig define alike, apart from the group and the place in it.
 */
import type { ConfigKeyDefinition } from '../../config/config-def';
import { Range } from '../../config/validators';

export function connectionRetryKeys(group: string, firstOrderInGroup: number): ConfigKeyDefinition[] {
  return [
    {
      name: 'connection.attempts',
      type: 'INT',
      defaultValue: 3,
      validator: Range.atLeast(1),
      importance: 'LOW',
      documentation:
        'Maximum number of attempts to retrieve a valid JDBC connection. Must be a positive integer.',
      group,
      orderInGroup: firstOrderInGroup,
      width: 'SHORT',
      displayName: 'JDBC connection attempts',
    },
    {
      name: 'connection.backoff.ms',
      type: 'LONG',
      defaultValue: 10000,
      importance: 'LOW',
      documentation: 'Backoff time in milliseconds between connection attempts.',
      group,
      orderInGroup: firstOrderInGroup + 1,
      width: 'SHORT',
      displayName: 'JDBC connection backoff in milliseconds',
    },
  ];
}
