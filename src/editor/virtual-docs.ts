import * as vscode from 'vscode';

export const SCHEME = 'kafka-connect-lab';

/**
 * Read-only documents for running configs, offsets and traces. Content is already masked by the
 * caller; each open bumps a counter in the query so the editor never shows a stale copy.
 */
export class VirtualDocs implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private seq = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Stores `text` under a fresh URI whose path ends in `fileName` (the extension picks the language). */
  put(fileName: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${fileName}`, query: `v=${++this.seq}` });
    this.contents.set(uri.toString(), text);
    this.emitter.fire(uri);
    return uri;
  }

  async open(fileName: string, text: string): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument(this.put(fileName, text));
    return vscode.window.showTextDocument(doc, { preview: true });
  }

  dispose(): void {
    this.emitter.dispose();
    this.contents.clear();
  }
}
