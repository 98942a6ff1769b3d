import * as vscode from 'vscode';
import type { Settings } from './settings';
import { SECTION, readSettings } from './settings';

export function currentSettings(): Settings {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  return readSettings((key) => cfg.get(key));
}

export function onSettingsChanged(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SECTION)) listener();
  });
}
