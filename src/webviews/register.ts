/**
 * The webviews area: one call from activate() (step 5, with the other command tables):
 *   for (const d of registerWebviews(ctx, context.extensionUri)) own(d);
 */
import type * as vscode from 'vscode';
import type { CommandContext } from '../commands/context';
import { registerCommands } from '../commands/registry';
import { recordsCommands } from './records/records-commands';
import { RecordsPanel } from './records/records-panel';

export function registerWebviews(ctx: CommandContext, extensionUri: vscode.Uri): vscode.Disposable[] {
  return [
    ...registerCommands(recordsCommands(ctx, extensionUri), ctx.log),
    // Closing the window disposes every panel, which stops its consumer.
    { dispose: () => [...RecordsPanel.open].forEach((p) => p.dispose()) },
  ];
}
