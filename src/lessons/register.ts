/**
 * The lessons area: one call from activate() (step 5, with the other command tables):
 *   for (const d of registerLessons(ctx, context.globalStorageUri)) own(d);
 */
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/context';
import { registerCommands } from '../commands/registry';
import { labModuleProvider } from '../lab/lab-module';
import { fallbackDir, lessonCommands } from './lesson-commands';
import { LessonsTree } from './lessons-tree';

export function registerLessons(ctx: CommandContext, globalStorage: vscode.Uri): vscode.Disposable[] {
  const tree = new LessonsTree();
  // Exercise 2 follows the lab: the Elasticsearch sink while its search engine runs.
  const followLab = ctx.lab.onDidChangeState(() => {
    labModuleProvider()
      .status()
      .then(
        (s) => tree.setSearchAvailable(s.search?.state === 'running'),
        () => undefined,
      );
  });
  return [
    tree,
    followLab,
    vscode.window.createTreeView('kafkaConnectLab.lessons', { treeDataProvider: tree }),
    ...registerCommands(lessonCommands({ ctx, tree, fallbackDir: fallbackDir(globalStorage) }), ctx.log),
  ];
}
