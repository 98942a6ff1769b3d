/**
 * kerberos.user.principal / kerberos.keytab.path: the real connector logs in to the KDC with the
 * keytab (Krb5LoginModule) and answers the engine's SPNEGO challenges. This runtime has no
 * Kerberos client, so a task configured for it fails at start with a message that says so and
 * what to do, instead of writing to the engine without the authentication the user asked for.
 * validate() still applies the real connector's checks (both keys together, an existing .keytab
 * file, not with connection credentials, not with a proxy).
 */
import { ConnectException } from '../../data/errors';
import type { ElasticsearchSettings } from './settings';

export function kerberosUnsupportedMessage(k: NonNullable<ElasticsearchSettings['kerberos']>): string {
  return (
    `Kerberos authentication (kerberos.user.principal=${k.principal ?? 'null'}, kerberos.keytab.path=${k.keytabPath ?? 'null'}) ` +
    'is not supported by the Kafka Connect Lab runtime: it cannot log in to a KDC or answer SPNEGO (Negotiate) challenges, ' +
    'so the task does not start rather than write to Elasticsearch without the authentication you configured. ' +
    'Remove kerberos.user.principal and kerberos.keytab.path (and use connection.username/connection.password or ' +
    'elastic.security.protocol=SSL with a client certificate instead), or run this connector on a real Kafka Connect ' +
    'cluster with the Confluent Elasticsearch sink connector installed.'
  );
}

/** Throws the task's start failure when Kerberos is configured (isKerberosEnabled). */
export function refuseKerberos(s: ElasticsearchSettings): void {
  if (s.kerberos !== null) throw new ConnectException(kerberosUnsupportedMessage(s.kerberos));
}
