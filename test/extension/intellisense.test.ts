/**
 * IntelliSense for connector JSON in the real VS Code: the bundled schema (completion, hover and
 * diagnostics through VS Code's JSON language features), a contributed snippet, and the live
 * completion from the cluster's plugin config definitions.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { KafkaConnectLabApi } from '../../src/extension';
import { api, manifest, openFile, waitFor, workspaceDir } from './helpers';
import type { TestManifest } from './helpers';

const JDBC_SOURCE = 'io.confluent.connect.jdbc.JdbcSourceConnector';

function lines(...l: string[]): string {
  return `${l.join('\n')}\n`;
}

async function completions(uri: vscode.Uri, pos: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    uri,
    pos,
    undefined,
    200,
  );
  return list?.items ?? [];
}

/** Just before the closing quote of the string value on `line`. */
function endOfValue(editor: vscode.TextEditor, line: number): vscode.Position {
  return new vscode.Position(line, editor.document.lineAt(line).text.lastIndexOf('"'));
}

function label(i: vscode.CompletionItem): string {
  return (typeof i.label === 'string' ? i.label : i.label.label).replace(/^"|"$/g, '');
}

function docText(d: vscode.CompletionItem['documentation'] | vscode.Hover['contents'][number]): string {
  if (d === undefined) return '';
  if (typeof d === 'string') return d;
  return 'value' in d ? d.value : '';
}

describe('IntelliSense for connector JSON', function () {
  let m: TestManifest;
  let lab: KafkaConnectLabApi;
  const file = (name: string, text: string): string => {
    const path = join(workspaceDir(), 'connectors', `${name}-${m.suffix}.connector.json`);
    writeFileSync(path, text);
    return path;
  };

  before(async () => {
    m = manifest();
    lab = await api();
  });

  it('completion lists the JDBC source keys with their docs', async () => {
    const path = file(
      'jdbc-complete',
      lines(
        '{',
        '  "name": "jdbc-complete",',
        '  "config": {',
        `    "connector.class": "${JDBC_SOURCE}",`,
        '    ',
        '  }',
        '}',
      ),
    );
    const editor = await openFile(path);
    const items = await waitFor('JDBC source keys from the schema', async () => {
      const got = await completions(editor.document.uri, new vscode.Position(4, 4));
      return got.some((i) => label(i) === 'incrementing.column.name') ? got : undefined;
    });
    const labels = items.map(label);
    for (const k of [
      'mode',
      'connection.url',
      'table.whitelist',
      'timestamp.column.name',
      'topic.prefix',
      'tasks.max',
    ])
      assert.ok(labels.includes(k), `${k} in ${labels.join(', ')}`);
    const mode = items.find((i) => label(i) === 'mode');
    assert.match(docText(mode?.documentation), /mode for updating a table/);
  });

  it('hover on mode shows its documentation and values', async () => {
    const path = file(
      'jdbc-hover',
      lines(
        '{',
        '  "name": "jdbc-hover",',
        '  "config": {',
        `    "connector.class": "${JDBC_SOURCE}",`,
        '    "mode": "incrementing"',
        '  }',
        '}',
      ),
    );
    const editor = await openFile(path);
    const text = await waitFor('a hover on mode', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        new vscode.Position(4, 6),
      );
      const t = (hovers ?? []).flatMap((h) => h.contents.map(docText)).join('\n');
      return /mode for updating a table/.test(t) ? t : undefined;
    });
    assert.match(text, /timestamp\+incrementing/);
    assert.match(text, /bulk/);
  });

  it('a wrong mode value shows a diagnostic on that key', async () => {
    const path = file(
      'jdbc-wrong',
      lines(
        '{',
        '  "name": "jdbc-wrong",',
        '  "config": {',
        `    "connector.class": "${JDBC_SOURCE}",`,
        '    "mode": "sometimes"',
        '  }',
        '}',
      ),
    );
    const editor = await openFile(path);
    const diag = await waitFor('a diagnostic on mode', () =>
      vscode.languages
        .getDiagnostics(editor.document.uri)
        .find((d) => d.range.start.line === 4 && d.severity <= vscode.DiagnosticSeverity.Warning),
    );
    assert.ok(/incrementing|not accepted|allowed/i.test(diag.message), diag.message);
    // Nothing else in the file is wrong for the schema.
    const others = vscode.languages
      .getDiagnostics(editor.document.uri)
      .filter((d) => d.source !== 'Kafka Connect' && d.range.start.line !== 4);
    assert.deepEqual(
      others.map((d) => d.message),
      [],
    );
  });

  it('a snippet inserted from the palette validates clean', async () => {
    const path = file('snippet', '');
    const editor = await openFile(path);
    await vscode.commands.executeCommand('editor.action.insertSnippet', {
      name: 'Connector: FileStreamSource',
    });
    await waitFor('the snippet text', () => editor.document.getText().includes('FileStreamSourceConnector'));
    // Leave snippet mode so the placeholders keep their defaults.
    await vscode.commands.executeCommand('leaveSnippet');
    await editor.document.save();
    const parsed = JSON.parse(editor.document.getText()) as { config: Record<string, string> };
    assert.equal(parsed.config['connector.class'], 'org.apache.kafka.connect.file.FileStreamSourceConnector');
    // Prove the JSON language features check this file: a broken copy gets a diagnostic...
    const broken = file(
      'snippet-broken',
      editor.document.getText().replace('"tasks.max": "1"', '"tasks.max": "one"'),
    );
    const brokenEditor = await openFile(broken);
    await waitFor('the schema checking tasks.max', () =>
      vscode.languages.getDiagnostics(brokenEditor.document.uri).some((d) => /tasks\.max/.test(d.message)),
    );
    // ...and the snippet's file none (schema or cluster).
    await openFile(path);
    await new Promise((r) => setTimeout(r, 2000));
    // VS Code reports JSON Schema problems as warnings, the cluster's as errors: neither may appear.
    const errors = vscode.languages
      .getDiagnostics(editor.document.uri)
      .filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(
      errors.map((d) => d.message),
      [],
    );
  });

  it("with the cluster running, a key known only from the cluster's plugin config definitions completes", async () => {
    await waitFor('a cluster with a client', () => lab.store.defaultTarget()?.client);
    const target = lab.store.defaultTarget();
    const path = file(
      'live-complete',
      lines(
        '{',
        '  "name": "live-complete",',
        '  "config": {',
        '    "connector.class": "org.apache.kafka.connect.file.FileStreamSourceConnector",',
        `    "topic": "${m.topic}",`,
        '    "transforms": "addTs",',
        '    "transforms.addTs.type": "org.apache.kafka.connect.transforms.InsertField$Value",',
        '    ',
        '  }',
        '}',
      ),
    );
    const editor = await openFile(path);
    const item = await waitFor('transforms.addTs.timestamp.field from the cluster', async () => {
      const got = await completions(editor.document.uri, new vscode.Position(7, 4));
      return got.find((i) => label(i) === 'transforms.addTs.timestamp.field');
    });
    assert.match(String(item.detail), new RegExp(`on ${target?.name ?? '?'}`));
    assert.match(docText(item.documentation), /timestamp/i);
  });

  it("the cluster's validate errors sit on their key, with quick fixes for a missing key and a bad value", async () => {
    await waitFor('a cluster with a client', () => lab.store.defaultTarget()?.client);
    const path = file(
      'live-validate',
      lines(
        '{',
        '  "name": "live-validate",',
        '  "config": {',
        '    "connector.class": "org.apache.kafka.connect.file.FileStreamSourceConnector",',
        '    "errors.tolerance": "some"',
        '  }',
        '}',
      ),
    );
    const editor = await openFile(path);
    const uri = editor.document.uri;
    const live = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Kafka Connect');
    const bad = await waitFor('the cluster flagging errors.tolerance', () =>
      live().find((d) => /errors\.tolerance/.test(d.message)),
    );
    assert.equal(bad.range.start.line, 4);
    assert.equal(editor.document.getText(bad.range), '"errors.tolerance"');
    const missing = await waitFor('the cluster flagging the missing topic', () =>
      live().find((d) => /"topic"/.test(d.message)),
    );
    const fixes = async (d: vscode.Diagnostic) =>
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        d.range,
      )) ?? [];
    const setAll = (await fixes(bad)).find((a) => a.title === 'Set "errors.tolerance" to "all"');
    assert.ok(setAll?.edit, (await fixes(bad)).map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(setAll.edit));
    const addTopic = (await fixes(missing)).find((a) => a.title === 'Add required key "topic"');
    assert.ok(addTopic?.edit);
    assert.ok(await vscode.workspace.applyEdit(addTopic.edit));
    const config = (JSON.parse(editor.document.getText()) as { config: Record<string, string> }).config;
    assert.equal(config['errors.tolerance'], 'all');
    assert.equal(config['topic'], '');
  });

  it('values complete topic names from Kafka and ${secret:…} references for passwords', async function () {
    const servers = process.env.KCL_BOOTSTRAP_SERVERS;
    if (!servers) this.skip();
    await waitFor('a cluster with a client', () => lab.store.defaultTarget()?.client);
    const topic = `kcl-ext-intellisense-${m.suffix}`;
    const { Kafka, logLevel } = await import('kafkajs');
    const admin = new Kafka({ brokers: servers.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    } finally {
      await admin.disconnect();
    }
    const path = file(
      'live-values',
      lines(
        '{',
        '  "name": "live-values",',
        '  "config": {',
        '    "connector.class": "org.apache.kafka.connect.file.FileStreamSourceConnector",',
        '    "topic": "",',
        '    "database.password": ""',
        '  }',
        '}',
      ),
    );
    const editor = await openFile(path);
    await waitFor(`topic ${topic} offered`, async () =>
      (await completions(editor.document.uri, new vscode.Position(4, 14))).some((i) => label(i) === topic),
    );
    const secrets = await completions(editor.document.uri, new vscode.Position(5, 26));
    assert.ok(
      secrets.some((i) => label(i).startsWith('${secret:')),
      secrets.map(label).join(', '),
    );
  });
  it('table and column names complete from the live PostgreSQL of connection.url / database.*, secrets resolved, never shown', async function () {
    const pgUrl = process.env.KCL_POSTGRES_URL;
    if (!pgUrl) this.skip();
    const u = new URL(pgUrl);
    const table = `kcl_ext_orders_${m.suffix}`;
    const { Client } = await import('pg');
    const pg = new Client({ connectionString: pgUrl });
    await pg.connect();
    try {
      await pg.query(`CREATE TABLE ${table} (order_id serial PRIMARY KEY, updated_at timestamp, note text)`);
    } finally {
      await pg.end();
    }
    const secretName = `kcl-ext-pg-${m.suffix}`;
    await vscode.commands.executeCommand(
      'kafkaConnectLab.storeSecret',
      secretName,
      decodeURIComponent(u.password),
    );
    // JDBC source with the user's credentials, the password a ${secret:…} reference.
    const jdbc = file(
      'pg-jdbc',
      lines(
        '{',
        '  "name": "pg-jdbc",',
        '  "config": {',
        `    "connector.class": "${JDBC_SOURCE}",`,
        `    "connection.url": "jdbc:postgresql://${u.host}${u.pathname}",`,
        `    "connection.user": "${decodeURIComponent(u.username)}",`,
        `    "connection.password": "\${secret:${secretName}}",`,
        `    "table.whitelist": "${table}",`,
        '    "incrementing.column.name": ""',
        '  }',
        '}',
      ),
    );
    let editor = await openFile(jdbc);
    const tables = await completions(editor.document.uri, endOfValue(editor, 7));
    const offered = tables.find((i) => label(i) === table);
    assert.ok(offered, `table ${table} offered among: ${tables.map(label).join(', ')}`);
    assert.equal(offered.detail, 'table');
    const columns = await completions(editor.document.uri, endOfValue(editor, 8));
    const names = columns.filter((i) => i.kind === vscode.CompletionItemKind.Field).map(label);
    assert.deepEqual(names.sort(), ['note', 'order_id', 'updated_at']);
    const column = columns.find((i) => label(i) === 'updated_at');
    assert.match(String(column?.detail), new RegExp(`^column of ${table} \\(timestamp`));
    const password = decodeURIComponent(u.password);
    for (const i of [...tables, ...columns])
      assert.ok(
        !`${label(i)} ${i.detail ?? ''} ${docText(i.documentation)}`.includes(password),
        'the password is never shown',
      );

    // Debezium with the lesson's host alias and no password: the lab's database and credentials.
    const cdc = file(
      'pg-cdc',
      lines(
        '{',
        '  "name": "pg-cdc",',
        '  "config": {',
        '    "connector.class": "io.debezium.connector.postgresql.PostgresConnector",',
        '    "database.hostname": "postgres",',
        '    "database.port": "5432",',
        `    "database.dbname": "${u.pathname.slice(1)}",`,
        '    "table.include.list": "",',
        '    "message.key.columns": "public.' + table + ':"',
        '  }',
        '}',
      ),
    );
    editor = await openFile(cdc);
    const cdcTables = await completions(editor.document.uri, endOfValue(editor, 7));
    assert.ok(
      cdcTables.some((i) => label(i) === `public.${table}`),
      cdcTables.map(label).join(', '),
    );
    const keys = await completions(editor.document.uri, endOfValue(editor, 8));
    assert.deepEqual(
      keys
        .filter((i) => i.kind === vscode.CompletionItemKind.Field)
        .map(label)
        .sort(),
      ['note', 'order_id', 'updated_at'].map((c) => `public.${table}:${c}`),
    );
  });
});
