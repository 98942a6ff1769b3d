/**
 * Quick fixes for the cluster's diagnostics: add a missing required key; replace a value outside
 * the key's valid values by one of the values the cluster recommends (or lists in its message).
 */
import * as vscode from 'vscode';
import { parseConnectorJson, propertyOf } from './connector-json';
import type { LiveValidation } from './live-validation';
import { INVALID_VALUE, keyOfDiagnostic, MISSING_REQUIRED, nodeRange } from './live-validation';

export class ConnectorQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly live: LiveValidation) {}

  provideCodeActions(
    doc: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const cj = parseConnectorJson(doc.getText());
    if (!cj) return [];
    const out: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      const which = keyOfDiagnostic(d);
      if (!which) continue;
      if (which.code === MISSING_REQUIRED) {
        const action = new vscode.CodeAction(
          `Add required key "${which.key}"`,
          vscode.CodeActionKind.QuickFix,
        );
        action.diagnostics = [d];
        action.isPreferred = true;
        action.edit = new vscode.WorkspaceEdit();
        // Insert right after the opening brace of the config object, indented like its first key.
        const open = doc.positionAt(cj.configNode.offset + 1);
        const first = cj.configNode.children?.[0];
        const indent = first ? ' '.repeat(doc.positionAt(first.offset).character) : '  ';
        const comma = first ? ',' : '';
        action.edit.insert(doc.uri, open, `\n${indent}${JSON.stringify(which.key)}: ""${comma}`);
        out.push(action);
      } else if (which.code === INVALID_VALUE) {
        const prop = propertyOf(cj, which.key);
        if (!prop) continue;
        for (const value of this.validValues(doc.uri, which.key, d.message)) {
          const action = new vscode.CodeAction(
            `Set "${which.key}" to "${value}"`,
            vscode.CodeActionKind.QuickFix,
          );
          action.diagnostics = [d];
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(doc.uri, nodeRange(doc, prop.value), JSON.stringify(value));
          out.push(action);
        }
      }
    }
    return out;
  }

  /** The cluster's recommended values, else the list in Connect's "must be one of" message. */
  private validValues(uri: vscode.Uri, key: string, message: string): string[] {
    const rec =
      this.live.result(uri)?.infos.configs.find((c) => c.value?.name === key)?.value?.recommended_values ??
      [];
    if (rec.length > 0) return rec;
    const m = /(?:must be one of:?|Valid values:?|one of)\s*\[?([^\]\n(]+)\]?/i.exec(message);
    return (m?.[1] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  }
}
