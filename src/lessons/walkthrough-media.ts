/**
 * The walkthrough's media pages (media/lessons/<exercise>.md), generated from the catalog so the
 * walkthrough and the Lessons view cannot drift apart: test/unit/ext-lessons-catalog.test.ts
 * compares the files with this (KCL_UPDATE_LESSON_MEDIA=1 rewrites them).
 */
import type { Exercise } from './catalog';
import { connectorFileText, exercises } from './catalog';

/**
 * The walkthrough page of each exercise, by id. Exercise 2's page holds both forms: the lesson's
 * Elasticsearch sink (the lab runs its search engine) and the JDBC sink (it does not).
 */
export function walkthroughPages(): { id: string; text: string }[] {
  const withSearch = exercises({ searchAvailable: true });
  return exercises().map((e) => {
    if (e.id !== 'sink') return { id: e.id, text: exerciseMarkdown(e) };
    const es = withSearch.find((x) => x.id === 'sink') ?? e;
    const which = [
      '> **Which sink?** Exercise 2 follows the lab’s status: when the lab runs its search engine (step “Start the lab with its search engine”, or `lab up --search`), it is the lesson’s Elasticsearch sink, unchanged; otherwise a JDBC sink writes the same topic into PostgreSQL. Both forms follow.',
      '',
    ].join('\n');
    return { id: e.id, text: `${which}\n${exerciseMarkdown(es)}\n---\n\n${exerciseMarkdown(e)}` };
  });
}

export function exerciseMarkdown(e: Exercise): string {
  const lines = [`# ${e.title}`, '', e.summary, ''];
  if (e.changes.length > 0) {
    lines.push('**Differences from the lesson’s printed JSON**', '');
    for (const c of e.changes) lines.push(`- ${c}`);
    lines.push('');
  }
  lines.push('## Steps', '');
  e.steps.forEach((s, i) => lines.push(`${i + 1}. **${s.label}**: ${s.detail}`));
  lines.push('');
  for (const s of e.steps) {
    if (s.action.kind !== 'runSql') continue;
    lines.push(
      `### ${s.label} (database ${s.action.sql.database})`,
      '',
      '```sql',
      s.action.sql.text.trimEnd(),
      '```',
      '',
    );
  }
  lines.push(
    `## Connector file: ${e.file}`,
    '',
    '```json',
    connectorFileText(e.connector).trimEnd(),
    '```',
    '',
  );
  lines.push(
    'Every step is one click in the **Lessons** view of the Kafka Connect side bar. **Check my work** looks at the live lab and says what is right and what to fix.',
    '',
    '> Lab only: the host names `postgres`, `kafka` and `elasticsearch` in these files resolve to the lab’s own services (docs/lessons.md). Real Kafka Connect resolves them through DNS.',
    '',
  );
  return lines.join('\n');
}
