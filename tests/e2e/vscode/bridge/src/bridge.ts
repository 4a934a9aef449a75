// Test bridge for the end-to-end tests (tests/e2e/vscode): a small extension of its own,
// installed next to the Byline .vsix by tests/e2e/vscode/run.sh and never shipped with
// it. Active only when the extension host has BYLINE_E2E_BRIDGE set to a folder. Once
// Byline (byline.byline) is active, the test writes `<id>.request.json`
// ({"op": ..., ...}) there and reads `<id>.response.json` ({"ok": true, "result": ...}
// or {"ok": false, "error": "..."}), which lets it check what VS Code itself holds
// (diagnostics, hovers, semantic tokens, code actions, buffer text) besides what the
// page shows. Byline's corpora come from the API its activate() returns.

import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Corpus } from '../../../../../editors/vscode/src/corpus';
import type { ExtensionApi } from '../../../../../editors/vscode/src/extension';
import { exportAnnotations } from '../../../../../editors/vscode/src/exportAnnotations';

const BYLINE = 'byline.byline';

type Request = { op: string; [key: string]: unknown };

function uriOf(req: Request): vscode.Uri {
  const u = req.uri as string;
  return u.startsWith('file:') ? vscode.Uri.parse(u) : vscode.Uri.file(u);
}

function markdownText(c: vscode.MarkdownString | vscode.MarkedString): string {
  if (typeof c === 'string') {
    return c;
  }
  return 'value' in c ? c.value : String(c);
}

async function handle(req: Request, corpora: () => Corpus[]): Promise<unknown> {
  switch (req.op) {
    case 'state':
      return {
        extension: vscode.extensions.getExtension(BYLINE)?.isActive ?? false,
        corpora: corpora().map((c) => ({ root: c.root.fsPath, name: c.name, state: c.state, status: c.status ?? null })),
      };
    case 'diagnostics':
      return vscode.languages
        .getDiagnostics()
        .map(([uri, diags]) => ({
          uri: uri.toString(),
          path: uri.fsPath,
          diagnostics: diags.map((d) => ({
            message: d.message,
            source: d.source,
            code: typeof d.code === 'object' ? d.code.value : d.code,
            severity: vscode.DiagnosticSeverity[d.severity],
            range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
          })),
        }))
        .filter((e) => e.diagnostics.length > 0);
    case 'hover': {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        uriOf(req),
        new vscode.Position(req.line as number, req.character as number),
      );
      return (hovers ?? []).map((h) => h.contents.map(markdownText).join('\n'));
    }
    case 'semanticTokens': {
      const uri = uriOf(req);
      const doc = await vscode.workspace.openTextDocument(uri);
      const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', uri);
      const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', uri);
      if (!legend || !tokens) {
        return { legend: legend ?? null, tokens: [] };
      }
      const out = [];
      let line = 0;
      let char = 0;
      const d = tokens.data;
      for (let i = 0; i + 4 < d.length; i += 5) {
        line += d[i];
        char = d[i] === 0 ? char + d[i + 1] : d[i + 1];
        const length = d[i + 2];
        const type = legend.tokenTypes[d[i + 3]];
        const modifiers = legend.tokenModifiers.filter((_, bit) => d[i + 4] & (1 << bit));
        const text = doc.getText(new vscode.Range(line, char, line, char + length));
        out.push({ line, character: char, length, type, modifiers, text });
      }
      return { legend: { types: legend.tokenTypes, modifiers: legend.tokenModifiers }, tokens: out };
    }
    case 'codeActions': {
      const uri = uriOf(req);
      const r = req.range as number[];
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        uri,
        new vscode.Range(r[0], r[1], r[2], r[3]),
      );
      return (actions ?? []).map((a) => ({
        title: a.title,
        kind: 'kind' in a && a.kind ? a.kind.value : null,
        isPreferred: 'isPreferred' in a ? (a.isPreferred ?? false) : false,
        hasEdit: 'edit' in a && a.edit !== undefined,
        command: 'command' in a && a.command ? (typeof a.command === 'string' ? a.command : a.command.command) : null,
      }));
    }
    case 'rename': {
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
        'vscode.executeDocumentRenameProvider',
        uriOf(req),
        new vscode.Position(req.line as number, req.character as number),
        req.newName as string,
      );
      return (edit?.entries() ?? []).map(([uri, edits]) => ({ path: uri.fsPath, edits: edits.map((e) => e.newText) }));
    }
    case 'references': {
      const locations = await vscode.commands.executeCommand<vscode.Location[]>(
        'vscode.executeReferenceProvider',
        uriOf(req),
        new vscode.Position(req.line as number, req.character as number),
      );
      return (locations ?? []).map((l) => ({ path: l.uri.fsPath, line: l.range.start.line, character: l.range.start.character }));
    }
    case 'text': {
      const uri = uriOf(req);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const doc = open ?? (await vscode.workspace.openTextDocument(uri));
      return { text: doc.getText(), isDirty: doc.isDirty, version: doc.version, languageId: doc.languageId, open: !!open };
    }
    case 'command':
      return (await vscode.commands.executeCommand(req.command as string, ...((req.args as unknown[]) ?? []))) ?? null;
    case 'export': {
      const corpus = corpora()[0];
      const out = await exportAnnotations(corpus, { format: req.format as 'jsonl' | 'brat' | 'conll', out: vscode.Uri.file(req.out as string) });
      return out?.fsPath ?? null;
    }
    case 'configuration':
      await vscode.workspace
        .getConfiguration('byline', corpora()[0]?.root)
        .update(req.key as string, req.value, req.target === 'workspace' ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
      return null;
    case 'setting':
      // Any user setting (the theme, colour customizations), as a user would change it.
      await vscode.workspace.getConfiguration().update(req.key as string, req.value, vscode.ConfigurationTarget.Global);
      return null;
    default:
      throw new Error(`unknown op ${req.op}`);
  }
}

function startBridge(root: string, corpora: () => Corpus[]): vscode.Disposable {
  // One folder per extension host (code-server keeps a closed window's host alive for a
  // while): the host announces itself in host-<pid>.json with its workspace folders.
  const dir = path.join(root, String(process.pid));
  fs.mkdirSync(dir, { recursive: true });
  const busy = new Set<string>();
  const timer = setInterval(() => {
    let names: string[];
    try {
      names = fs.readdirSync(dir).filter((n) => n.endsWith('.request.json'));
    } catch {
      return;
    }
    for (const name of names) {
      if (busy.has(name)) {
        continue;
      }
      busy.add(name);
      const id = name.slice(0, -'.request.json'.length);
      const file = path.join(dir, name);
      void (async () => {
        let response: unknown;
        try {
          const req = JSON.parse(fs.readFileSync(file, 'utf8')) as Request;
          response = { ok: true, result: await handle(req, corpora) };
        } catch (err) {
          response = { ok: false, error: err instanceof Error ? err.stack ?? err.message : String(err) };
        }
        const tmp = path.join(dir, `${id}.response.tmp`);
        fs.writeFileSync(tmp, JSON.stringify(response));
        fs.renameSync(tmp, path.join(dir, `${id}.response.json`));
        fs.rmSync(file, { force: true });
        busy.delete(name);
      })();
    }
  }, 100);
  const announce = path.join(root, `host-${process.pid}.json`);
  fs.writeFileSync(
    `${announce}.tmp`,
    JSON.stringify({
      pid: process.pid,
      dir,
      folders: (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath),
      workspaceFile: vscode.workspace.workspaceFile?.fsPath ?? null,
    }),
  );
  fs.renameSync(`${announce}.tmp`, announce);
  return {
    dispose: () => {
      clearInterval(timer);
      fs.rmSync(announce, { force: true });
    },
  };
}

/** Starts the bridge once Byline is active (as the extension host activates it: on a
 * folder with byline.toml, or on its commands), so that the test sees the host
 * announced when, and only when, Byline runs. */
export function activate(context: vscode.ExtensionContext): void {
  const root = process.env.BYLINE_E2E_BRIDGE;
  if (!root) {
    return;
  }
  const timer = setInterval(() => {
    const byline = vscode.extensions.getExtension<ExtensionApi>(BYLINE);
    if (byline?.isActive) {
      clearInterval(timer);
      context.subscriptions.push(startBridge(root, () => byline.exports.corpora()));
    }
  }, 100);
  context.subscriptions.push({ dispose: () => clearInterval(timer) });
}
