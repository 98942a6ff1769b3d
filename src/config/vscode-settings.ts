import * as vscode from 'vscode';
import type { ConnectAuth, LabUpSettings } from './lab-options';
import { EXTERNAL_SECRETS, labUpSettings, localConnectAuth } from './lab-options';
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

/** The lab `up` options from the settings, with the external cluster's passwords from SecretStorage. */
export async function currentLabUpSettings(secrets: vscode.SecretStorage): Promise<LabUpSettings> {
  const settings = currentSettings();
  if (settings.labProvider !== 'external') return labUpSettings(settings);
  return labUpSettings(settings, {
    connectPassword: await secrets.get(EXTERNAL_SECRETS.connectPassword),
    postgresPassword: await secrets.get(EXTERNAL_SECRETS.postgresPassword),
  });
}

/** Basic auth for the local cluster's Connect URL (external provider), password from SecretStorage. */
export async function currentLocalConnectAuth(
  secrets: vscode.SecretStorage,
  connectUrl: string,
): Promise<ConnectAuth | undefined> {
  const settings = currentSettings();
  if (!settings.externalConnectUsername.trim()) return localConnectAuth(settings, connectUrl, undefined);
  return localConnectAuth(settings, connectUrl, await secrets.get(EXTERNAL_SECRETS.connectPassword));
}

/** lab.external.connectUrls / connectUsername or the stored lab.external.connectPassword changed. */
export function onLocalConnectAuthChanged(
  secrets: vscode.SecretStorage,
  listener: () => void,
): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (
        e.affectsConfiguration(`${SECTION}.lab.external.connectUrls`) ||
        e.affectsConfiguration(`${SECTION}.lab.external.connectUsername`)
      )
        listener();
    }),
    secrets.onDidChange((e) => {
      if (e.key === EXTERNAL_SECRETS.connectPassword) listener();
    }),
  );
}
