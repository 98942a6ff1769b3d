import * as vscode from 'vscode';

/**
 * The user-facing questions the commands ask. Extension tests replace it (through the API that
 * activate() returns) so modal dialogs do not block a headless run; everything else is real.
 */
export interface Prompts {
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  pick<T extends vscode.QuickPickItem>(items: T[], placeHolder: string): Promise<T | undefined>;
  input(prompt: string, opts?: { password?: boolean; value?: string }): Promise<string | undefined>;
}

export const vscodePrompts: Prompts = {
  async confirm(message, detail, action) {
    const answer = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
    return answer === action;
  },
  async pick(items, placeHolder) {
    return vscode.window.showQuickPick(items, { placeHolder });
  },
  async input(prompt, opts) {
    return vscode.window.showInputBox({
      prompt,
      password: opts?.password,
      value: opts?.value,
      ignoreFocusOut: true,
    });
  },
};
