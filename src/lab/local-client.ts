/**
 * How the extension talks to the local cluster's Connect REST API: our lab runtime (no auth), or the
 * external provider's Connect, possibly behind basic auth (lab.external.connectUsername and the
 * SecretStorage password). One builder for the tree/CodeLens/commands client and the health watch.
 */
import type { ConnectAuth } from '../config/lab-options';
import type { ClientOptions } from '../connect-client/connect-client';

export function localClientOptions(
  url: string,
  auth: ConnectAuth | undefined,
  extra: Partial<Pick<ClientOptions, 'timeoutMs' | 'clusterName'>> = {},
): ClientOptions {
  return {
    clusterName: extra.clusterName ?? 'the local lab',
    baseUrl: url,
    ...(auth ? { username: auth.username, password: auth.password } : {}),
    authNextStep:
      'Set kafkaConnectLab.lab.external.connectUsername and store its password as the secret lab.external.connectPassword ("Kafka Connect: Store Secret").',
    ...(extra.timeoutMs !== undefined ? { timeoutMs: extra.timeoutMs } : {}),
  };
}
