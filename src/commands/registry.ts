import * as vscode from 'vscode';
import { describeError, isExtensionError } from '../errors';
import type { Logger } from '../logging';

export interface CommandSpec {
  id: string;
  run: (...args: unknown[]) => unknown;
}

/**
 * Registers every command through one wrapper: it logs the start and the outcome and turns an
 * error into a notification naming the cause, with a "Show logs" button. The command's own return
 * value (or rethrown error) still reaches programmatic callers such as the extension tests.
 */
export function registerCommands(specs: CommandSpec[], log: Logger): vscode.Disposable[] {
  return specs.map((spec) =>
    vscode.commands.registerCommand(spec.id, async (...args: unknown[]) => {
      log.debug(`command ${spec.id}`);
      try {
        return await spec.run(...args);
      } catch (err) {
        if (isExtensionError(err, 'cancelled')) {
          log.info(`${spec.id}: cancelled`);
          return undefined;
        }
        log.error(`${spec.id} failed`, err);
        const message = describeError(err);
        void showError(message, log);
        // Programmatic callers get the same sentence the user sees (cause + next step).
        throw new Error(message, { cause: err });
      }
    }),
  );
}

async function showError(message: string, log: Logger): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, 'Show logs');
  if (choice === 'Show logs') log.show();
}
