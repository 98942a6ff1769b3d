/**
 * "Explain this failure": a task/connector trace or an error message (ours or real Connect's,
 * pgjdbc's, Debezium's) → what it means in plain words and what to try next. Pure; the command
 * (explain-command.ts) shows the result.
 */

export type FailureKind =
  | 'tolerance-exceeded'
  | 'serialization'
  | 'bad-credentials'
  | 'unreachable-host'
  | 'missing-database'
  | 'wal-level'
  | 'missing-table'
  | 'unknown-connector-class'
  | 'missing-config'
  | 'slot-in-use';

export interface Explanation {
  kind: FailureKind;
  title: string;
  /** What happened, in plain words. */
  what: string;
  /** What to try next. */
  next: string;
  /** The line of the trace that gave it away. */
  evidence: string;
  /** For tolerance-exceeded: the error underneath, explained too. */
  cause?: Explanation;
}

interface Rule {
  kind: FailureKind;
  test: RegExp;
  title: string;
  what: (m: RegExpExecArray) => string;
  next: string;
}

const RULES: Rule[] = [
  {
    kind: 'tolerance-exceeded',
    test: /Tolerance exceeded in (?:the )?error handler/i,
    title: 'A bad record stopped the task (errors.tolerance = none)',
    what: () =>
      'The task met a record it could not process, and the connector is set to stop at the first error (errors.tolerance is none, the default).',
    next: 'Fix or skip the bad record: set "errors.tolerance": "all" and a dead letter queue ("errors.deadletterqueue.topic.name", sink connectors), redeploy, then restart the task.',
  },
  {
    kind: 'serialization',
    test: /(Converting byte\[\] to Kafka Connect data failed|JsonConverter with schemas\.enable requires|SerializationException|Unrecognized token|Unexpected character|DataException: .*(?:deserializ|serializ|JSON))/i,
    title: 'A record could not be read (serialization error)',
    what: () =>
      'The converter could not turn the bytes of a record into Connect data: the record is not in the format the connector was told to expect (for example not JSON, or JSON without the "schema"/"payload" envelope while schemas.enable is true).',
    next: 'Check key.converter / value.converter (and their schemas.enable) against what the producer writes; send bad records to a dead letter queue with "errors.tolerance": "all".',
  },
  {
    kind: 'bad-credentials',
    test: /(password authentication failed|authentication failed for user|rejected user|no PostgreSQL user name specified|role "[^"]*" does not exist)/i,
    title: 'The database refused the user name or password',
    what: () => 'PostgreSQL was reached, but it did not accept the configured user and password.',
    next: 'Check connection.user / connection.password (database.user / database.password for Debezium); the lab’s PostgreSQL uses postgres / postgres. Store real passwords with "Kafka Connect: Store Secret".',
  },
  {
    kind: 'missing-database',
    test: /database "([^"]+)" does not exist/i,
    title: 'The database does not exist',
    what: (m) => `The server has no database named "${m[1]}".`,
    next: 'Check the database name at the end of connection.url (database.dbname for Debezium). The lab has postgres, mydb, inventory and warehouse.',
  },
  {
    kind: 'unreachable-host',
    test: /(Connection refused|ECONNREFUSED|UnknownHostException|cannot be resolved|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|connection timed out|Connection attempt timed out|The connection attempt failed|No route to host|Connect to [^ ]+ failed)/i,
    title: 'The database or service could not be reached',
    what: () =>
      'The connector could not open a network connection: the host name does not resolve, nothing listens on that port, or the service is down.',
    next: 'Check the host and port in the connection settings and that the service runs (the Clusters view shows the lab). In the lab, the lesson’s host names postgres/kafka/elasticsearch work; elsewhere use a real host name.',
  },
  {
    kind: 'wal-level',
    test: /(wal_level|logical decoding requires)/i,
    title: 'PostgreSQL is not set up for logical replication',
    what: () =>
      'Debezium reads the write-ahead log through logical decoding, which needs wal_level = logical; this server runs with a lower level.',
    next: 'Set wal_level = logical in postgresql.conf (plus max_replication_slots and max_wal_senders > 0) and restart PostgreSQL. The lab’s PostgreSQL already has it.',
  },
  {
    kind: 'slot-in-use',
    test: /replication slot "([^"]+)" is active/i,
    title: 'The replication slot is already in use',
    what: (m) => `Another connection (often a second Debezium connector) is reading slot "${m[1]}".`,
    next: 'Give each Debezium connector its own slot.name, or delete the other connector first.',
  },
  {
    kind: 'missing-table',
    test: /(relation "([^"]+)" does not exist|not assigned a table nor a query|Table "?([^"\s]+)"? is missing and auto-creation is disabled|table .* (?:does not exist|not found))/i,
    title: 'The table does not exist',
    what: (m) =>
      `The connector was pointed at a table that is not in the database${m[2] ? ` ("${m[2]}")` : m[3] ? ` ("${m[3]}")` : ''}.`,
    next: 'Create the table first (the exercise’s SQL step), or check table.whitelist / table.include.list; for a sink, "auto.create": "true" lets the connector create it.',
  },
  {
    kind: 'unknown-connector-class',
    test: /Failed to find any class that implements Connector(?: and which name matches ([^\s,]+))?/i,
    title: 'No such connector plugin on this worker',
    what: (m) =>
      `The worker has no connector plugin${m[1] ? ` named ${m[1]}` : ''}: a typo in connector.class, or the plugin is not installed.`,
    next: 'Check the spelling of connector.class (IntelliSense lists the installed plugins; so does the Plugins node in the Clusters view).',
  },
  {
    kind: 'missing-config',
    test: /Missing required configuration "([^"]+)"/i,
    title: 'A required setting is missing',
    what: (m) => `The connector needs "${m[1]}", and the config does not set it.`,
    next: 'Add the setting to the connector file (hover a key for its documentation) and deploy again.',
  },
];

function firstMatch(text: string, rules: Rule[]): Explanation | undefined {
  let best: { at: number; rule: Rule; m: RegExpExecArray } | undefined;
  for (const rule of rules) {
    const m = rule.test.exec(text);
    if (m && (!best || rules.indexOf(rule) < rules.indexOf(best.rule))) best = { at: m.index, rule, m };
  }
  if (!best) return undefined;
  const { rule, m } = best;
  return {
    kind: rule.kind,
    title: rule.title,
    what: rule.what(m),
    next: rule.next,
    evidence: lineAround(text, m.index),
  };
}

function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end === -1 ? undefined : end).trim();
}

/** The explanation of a trace or error message, or undefined when it is none of the common ones. */
export function explainFailure(trace: string): Explanation | undefined {
  const top = firstMatch(trace, RULES);
  if (top?.kind === 'tolerance-exceeded') {
    const cause = firstMatch(
      trace,
      RULES.filter((r) => r.kind !== 'tolerance-exceeded'),
    );
    if (cause) return { ...top, cause };
  }
  return top;
}

/** The first line of a trace, for "no explanation known" messages. */
export function traceHeadline(trace: string): string {
  return (trace.split('\n').find((l) => l.trim() !== '') ?? '').trim().slice(0, 300);
}

/** Markdown shown by the Explain command. */
export function explanationMarkdown(subject: string, trace: string): string {
  const e = explainFailure(trace);
  if (!e) {
    return [
      `# ${subject}: failure`,
      '',
      'This is not one of the failures the lab knows how to explain.',
      '',
      `First line: \`${traceHeadline(trace)}\``,
      '',
      'Next: read the whole trace ("Show Trace"), fix the cause, then restart the task.',
    ].join('\n');
  }
  const parts = [
    `# ${subject}: ${e.title}`,
    '',
    e.what,
    '',
    `**Try this:** ${e.next}`,
    '',
    `From the trace: \`${e.evidence}\``,
  ];
  if (e.cause) {
    parts.push('', `## Underneath: ${e.cause.title}`, '', e.cause.what, '', `**Try this:** ${e.cause.next}`);
  }
  return parts.join('\n') + '\n';
}
