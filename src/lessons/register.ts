/**
 * The lessons area: one call from activate() (step 5, with the other command tables):
 *   for (const d of registerLessons(ctx, context.globalStorageUri)) own(d);
 */
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/context';
import { registerCommands } from '../commands/registry';
import { fallbackDir, lessonCommands } from './lesson-commands';
import { LessonsTree } from './lessons-tree';

export function registerLessons(ctx: CommandContext, globalStorage: vscode.Uri): vscode.Disposable[] {
  const tree = new LessonsTree();
  return [
    tree,
    vscode.window.createTreeView('kafkaConnectLab.lessons', { treeDataProvider: tree }),
    ...registerCommands(lessonCommands({ ctx, tree, fallbackDir: fallbackDir(globalStorage) }), ctx.log),
  ];
}
