/**
 * The Lessons view: exercises of lesson 09, each with its one-click steps and "Check my work".
 * An exercise shows the result of its last check.
 */
import * as vscode from 'vscode';
import type { Exercise, ExerciseId, LessonStep } from './catalog';
import { exercises } from './catalog';
import type { CheckReport } from './checks';

export type LessonNode =
  { kind: 'exercise'; exercise: ExerciseId } | { kind: 'step'; exercise: ExerciseId; step: string };

const STEP_ICONS: Record<LessonStep['action']['kind'], string> = {
  startLab: 'play',
  runSql: 'database',
  openConnectorFile: 'json',
  deploy: 'cloud-upload',
  openRecords: 'list-flat',
  produce: 'send',
  check: 'checklist',
};

export class LessonsTree implements vscode.TreeDataProvider<LessonNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<LessonNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly results = new Map<ExerciseId, CheckReport>();
  private readonly done = new Set<string>();
  private searchAvailable = false;

  get exercises(): Exercise[] {
    return exercises({ searchAvailable: this.searchAvailable });
  }

  /** Exercise 2 in the form the lab does not offer now (its steps still run from old links). */
  otherForm(id: ExerciseId): Exercise | undefined {
    return exercises({ searchAvailable: !this.searchAvailable }).find((x) => x.id === id);
  }

  /** The lab's status shows a running search engine: Exercise 2 is the Elasticsearch sink. */
  setSearchAvailable(available: boolean): void {
    if (available === this.searchAvailable) return;
    this.searchAvailable = available;
    this.emitter.fire(undefined);
  }

  exercise(id: ExerciseId): Exercise {
    const e = this.exercises.find((x) => x.id === id);
    if (!e) throw new Error(`no exercise ${id}`);
    return e;
  }

  setResult(report: CheckReport): void {
    this.results.set(report.exercise, report);
    this.emitter.fire(undefined);
  }

  lastResult(id: ExerciseId): CheckReport | undefined {
    return this.results.get(id);
  }

  stepDone(exercise: ExerciseId, step: string): void {
    this.done.add(`${exercise}/${step}`);
    this.emitter.fire(undefined);
  }

  getChildren(node?: LessonNode): LessonNode[] {
    if (!node) return this.exercises.map((e) => ({ kind: 'exercise', exercise: e.id }));
    if (node.kind === 'exercise')
      return this.exercise(node.exercise).steps.map((s) => ({
        kind: 'step',
        exercise: node.exercise,
        step: s.id,
      }));
    return [];
  }

  getTreeItem(node: LessonNode): vscode.TreeItem {
    const e = this.exercise(node.exercise);
    if (node.kind === 'exercise') {
      const item = new vscode.TreeItem(e.title, vscode.TreeItemCollapsibleState.Collapsed);
      const r = this.results.get(e.id);
      item.description = r
        ? r.passed
          ? 'passed'
          : `not yet (${r.items.filter((i) => !i.ok).length} to fix)`
        : '';
      item.iconPath = new vscode.ThemeIcon(
        r?.passed ? 'pass-filled' : r ? 'error' : 'mortar-board',
        r?.passed ? new vscode.ThemeColor('testing.iconPassed') : undefined,
      );
      item.tooltip = new vscode.MarkdownString([e.summary, ...e.changes.map((c) => `- ${c}`)].join('\n\n'));
      item.contextValue = 'lesson-exercise';
      item.id = `lesson:${e.id}`;
      return item;
    }
    const step = e.steps.find((s) => s.id === node.step);
    if (!step) throw new Error(`no step ${node.step} in ${e.id}`);
    const index = e.steps.indexOf(step) + 1;
    const item = new vscode.TreeItem(`${index}. ${step.label}`, vscode.TreeItemCollapsibleState.None);
    item.tooltip = step.action.kind === 'check' ? `${step.detail}\n\n${e.summary}` : step.detail;
    item.description = this.done.has(`${e.id}/${step.id}`) ? 'done' : '';
    item.iconPath = new vscode.ThemeIcon(STEP_ICONS[step.action.kind]);
    item.command = {
      command: 'kafkaConnectLab.lessons.runStep',
      title: step.label,
      arguments: [e.id, step.id],
    };
    item.contextValue = 'lesson-step';
    item.id = `lesson:${e.id}/${step.id}`;
    return item;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
