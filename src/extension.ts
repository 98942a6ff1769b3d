import * as vscode from 'vscode';

/**
 * Activation is a short ordered list of steps; each area registers its own disposables on the
 * context so one owner disposes everything.
 */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Kafka Connect Lab', { log: true });
  context.subscriptions.push(log);
  context.subscriptions.push(vscode.commands.registerCommand('kafkaConnectLab.showLogs', () => log.show()));
  log.info('Kafka Connect Lab activated');
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
