// "Byline: Export annotations…": runs `byline export --format F --out PATH ROOT` with the
// configured binary. The extension chooses where to write (the user picks it); the
// language server never writes files.

import { execFile } from 'child_process';
import * as vscode from 'vscode';
import type { Corpus } from './corpus';

interface Format extends vscode.QuickPickItem {
  id: 'jsonl' | 'brat' | 'conll';
  file: string;
}

const FORMATS: Format[] = [
  {
    id: 'jsonl',
    label: 'JSONL',
    description: 'one line per article, spans with code-point offsets',
    detail: 'For spaCy, Prodigy and doccano: {"path", "date", "text", "spans": [{"start", "end", "label", "text", "entity"}]}',
    file: 'annotations.jsonl',
  },
  {
    id: 'brat',
    label: 'brat standoff',
    description: 'a folder of .txt and .ann files',
    detail: 'Text-bound annotations (T) with normalisations (N) to the canonical names',
    file: 'annotations-brat',
  },
  {
    id: 'conll',
    label: 'CoNLL-2003',
    description: 'one token per line with IOB2 tags',
    detail: 'TOKEN _ _ TAG, a blank line between sentences',
    file: 'annotations.conll',
  },
];

function run(command: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, maxBuffer: 64 * 1024 * 1024, timeout: 10 * 60 * 1000 }, (err, stdout, stderr) => {
      if (err) {
        reject(new Error((stderr || err.message).trim()));
      } else {
        resolve({ stdout, stderr });
      }
    });
  });
}

export async function exportAnnotations(corpus: Corpus, preset?: { format: Format['id']; out: vscode.Uri }): Promise<vscode.Uri | undefined> {
  const format = preset ? FORMATS.find((f) => f.id === preset.format) : await vscode.window.showQuickPick(FORMATS, {
    title: 'Byline: Export annotations',
    placeHolder: 'Export the annotations of the corpus as…',
    matchOnDescription: true,
  });
  if (!format) {
    return undefined;
  }
  const out =
    preset?.out ??
    (await vscode.window.showSaveDialog({
      title: format.id === 'brat' ? 'Folder for the .txt and .ann files' : 'Export annotations to',
      defaultUri: vscode.Uri.joinPath(corpus.root, '..', format.file),
      saveLabel: 'Export',
      filters: format.id === 'jsonl' ? { JSONL: ['jsonl'] } : format.id === 'conll' ? { CoNLL: ['conll', 'txt'] } : undefined,
    }));
  if (!out) {
    return undefined;
  }
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && corpus.contains(d.uri)).length;
  if (dirty > 0 && !preset) {
    const choice = await vscode.window.showWarningMessage(
      `The export reads the articles on disk; ${dirty} article${dirty === 1 ? ' has' : 's have'} unsaved changes.`,
      'Save All and Export',
      'Export Anyway',
    );
    if (!choice) {
      return undefined;
    }
    if (choice === 'Save All and Export') {
      await vscode.workspace.saveAll(false);
    }
  }
  const args = ['export', '--format', format.id, '--out', out.fsPath, corpus.root.fsPath];
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Byline: exporting ${format.label}…` },
      () => run(corpus.serverPath, args, corpus.root.fsPath),
    );
  } catch (err) {
    void vscode.window.showErrorMessage(`Byline export failed: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
  if (!preset) {
    const open = format.id === 'brat' ? 'Reveal in Explorer' : 'Open';
    void vscode.window.showInformationMessage(`Byline: annotations exported to ${out.fsPath}`, open).then(async (choice) => {
      if (choice === 'Open') {
        await vscode.window.showTextDocument(out);
      } else if (choice === 'Reveal in Explorer') {
        await vscode.commands.executeCommand('revealFileInOS', out);
      }
    });
  }
  return out;
}
