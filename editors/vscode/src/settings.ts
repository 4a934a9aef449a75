// The "byline" settings, translated into the object the server takes as
// `initializationOptions`, in `workspace/didChangeConfiguration` and in answers to
// `workspace/configuration`: the shape of byline.toml with camelCase keys.
//
// Only values the user has set (in user, workspace or folder settings) are sent: the
// defaults declared in package.json only document the server's built-in defaults. The
// server puts the corpus's byline.toml over these settings (the file wins where it sets
// a key). Which settings there are comes from settingsSchema.ts, generated from the
// server's own description of its settings (src/config/schema.rs).

import * as vscode from 'vscode';
import { SECTIONS, ServerSettings } from './settingsSchema';

export type { ServerSettings };

/** The value of `byline.<key>` that the user set explicitly, most specific scope first. */
export function explicitValue<T>(key: string, scope: vscode.Uri | undefined): T | undefined {
  const info = vscode.workspace.getConfiguration('byline', scope).inspect<T>(key);
  if (!info) {
    return undefined;
  }
  return (
    info.workspaceFolderLanguageValue ??
    info.workspaceFolderValue ??
    info.workspaceLanguageValue ??
    info.workspaceValue ??
    info.globalLanguageValue ??
    info.globalValue
  );
}

/** The settings object for the corpus at `root`, with only the keys the user set. */
export function serverSettings(root: vscode.Uri): ServerSettings {
  const result: Record<string, Record<string, unknown>> = {};
  for (const [section, keys] of Object.entries(SECTIONS)) {
    for (const key of keys) {
      const value = explicitValue<unknown>(`${section}.${key}`, root);
      if (value !== undefined && value !== null) {
        (result[section] ??= {})[key] = value;
      }
    }
  }
  return result as ServerSettings;
}

/** Whether a configuration change touches what the server is told. */
export function affectsServerSettings(e: vscode.ConfigurationChangeEvent, root: vscode.Uri): boolean {
  return Object.keys(SECTIONS).some((s) => e.affectsConfiguration(`byline.${s}`, root));
}
