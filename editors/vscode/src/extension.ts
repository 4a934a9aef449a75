// Byline for VS Code: starts `byline lsp` for every workspace folder with a byline.toml
// (or any folder the user starts it in) and adds the commands and the status bar item.

import * as vscode from 'vscode';
import { Corpus, resolveServerPath } from './corpus';
import { exportAnnotations } from './exportAnnotations';
import { openKnowledgeBase } from './knowledgeBase';
import { affectsServerSettings } from './settings';
import { StatusItem } from './status';

const CONFIG_FILE = 'byline.toml';

/** Corpora by root URI. */
const corpora = new Map<string, Corpus>();
/** Server commands registered as VS Code commands (once, shared by every client). */
const serverCommands = new Set<string>();
let statusItem: StatusItem;
let extensionContext: vscode.ExtensionContext;

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  extensionContext = context;
  statusItem = new StatusItem(() => Array.from(corpora.values()), activeCorpus);
  context.subscriptions.push(statusItem);

  context.subscriptions.push(
    vscode.commands.registerCommand('byline.start', (uri?: vscode.Uri) => startCommand(uri)),
    vscode.commands.registerCommand('byline.restart', () => restartAll()),
    vscode.commands.registerCommand('byline.showOutput', async () => (await pickCorpus('Show the log of'))?.output.show()),
    vscode.commands.registerCommand('byline.exportAnnotations', async () => {
      const corpus = await pickCorpus('Export the annotations of');
      if (corpus) {
        await exportAnnotations(corpus);
      }
    }),
    vscode.commands.registerCommand('byline.openKnowledgeBase', async () => {
      const root = (await pickCorpus('Open the knowledge base of'))?.root ?? (await pickFolder('Open the knowledge base of'));
      if (root) {
        await openKnowledgeBase(root);
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(async (e) => {
      for (const folder of e.removed) {
        for (const corpus of Array.from(corpora.values())) {
          if (corpus.root.toString() === folder.uri.toString()) {
            await stopCorpus(corpus);
          }
        }
      }
      for (const folder of e.added) {
        await startIfConfigured(folder);
      }
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      for (const corpus of Array.from(corpora.values())) {
        if (e.affectsConfiguration('byline.path', corpus.root)) {
          await restartCorpus(corpus);
        } else if (affectsServerSettings(e, corpus.root)) {
          corpus.sendSettings();
        }
      }
    }),
    vscode.window.onDidChangeActiveTextEditor(() => statusItem.update()),
    { dispose: () => void Promise.all(Array.from(corpora.values()).map((c) => stopCorpus(c))) },
  );
  // byline.fixAllInCorpus is both ours (the palette command) and the server's
  // (code actions "Fix all … in the corpus" run it with arguments).
  registerServerCommand(context, 'byline.fixAllInCorpus');

  // A byline.toml created at the root of a workspace folder starts Byline there.
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`, false, true, true);
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate(async (uri) => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (folder && vscode.Uri.joinPath(folder.uri, CONFIG_FILE).toString() === uri.toString()) {
        await startIfConfigured(folder);
      }
    }),
  );

  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    await startIfConfigured(folder);
  }

  return { corpora: () => Array.from(corpora.values()) };
}

export async function deactivate(): Promise<void> {
  await Promise.all(Array.from(corpora.values()).map((c) => stopCorpus(c)));
}

/** What the extension exports to other extensions (and to the end-to-end tests' bridge,
 * tests/e2e/vscode/bridge, a separate extension). */
export interface ExtensionApi {
  corpora(): Corpus[];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function startIfConfigured(folder: vscode.WorkspaceFolder): Promise<void> {
  if (await exists(vscode.Uri.joinPath(folder.uri, CONFIG_FILE))) {
    await startCorpus(folder.uri, folder.name);
  }
}

/** "Byline: Start in this folder": the folder clicked in the explorer, else the active file's. */
async function startCommand(uri?: vscode.Uri): Promise<void> {
  let root: vscode.Uri | undefined;
  if (uri instanceof vscode.Uri) {
    const stat = await vscode.workspace.fs.stat(uri).then(
      (s) => s,
      () => undefined,
    );
    root = stat && stat.type & vscode.FileType.Directory ? uri : vscode.Uri.joinPath(uri, '..');
  } else {
    root = await pickFolder('Start Byline in');
  }
  if (!root) {
    return;
  }
  const covering = Array.from(corpora.values()).find((c) => c.contains(root!));
  if (covering && covering.state !== 'failed' && covering.state !== 'stopped') {
    void vscode.window.showInformationMessage(`Byline is already running for ${covering.root.fsPath}.`);
    return;
  }
  if (covering) {
    await stopCorpus(covering);
  }
  const folder = vscode.workspace.getWorkspaceFolder(root);
  const name = folder && folder.uri.toString() === root.toString() ? folder.name : vscode.workspace.asRelativePath(root, true);
  await startCorpus(root, name);
}

async function pickFolder(purpose: string): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = active && vscode.workspace.getWorkspaceFolder(active);
  if (folder) {
    return folder.uri;
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) {
    return folders[0].uri;
  }
  if (folders.length > 1) {
    return (await vscode.window.showWorkspaceFolderPick({ placeHolder: `${purpose} which folder?` }))?.uri;
  }
  const picked = await vscode.window.showOpenDialog({ canSelectFiles: false, canSelectFolders: true, openLabel: 'Start Byline here' });
  return picked?.[0];
}

/** The corpus of the active editor, else the only one. */
function activeCorpus(): Corpus | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const all = Array.from(corpora.values());
  if (uri) {
    // The innermost root that contains the document.
    const hits = all.filter((c) => c.contains(uri)).sort((a, b) => b.root.fsPath.length - a.root.fsPath.length);
    if (hits.length > 0) {
      return hits[0];
    }
  }
  return all.length === 1 ? all[0] : undefined;
}

async function pickCorpus(purpose: string): Promise<Corpus | undefined> {
  const corpus = activeCorpus();
  if (corpus) {
    return corpus;
  }
  const all = Array.from(corpora.values());
  if (all.length === 0) {
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    all.map((c) => ({ label: c.name || c.root.fsPath, description: c.root.fsPath, corpus: c })),
    { placeHolder: `${purpose} which corpus?` },
  );
  return picked?.corpus;
}

/** The corpus a server command is for: the one containing a URI among its arguments, else the active one. */
async function corpusForArguments(args: unknown[]): Promise<Corpus | undefined> {
  const uris: vscode.Uri[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 3 || v === null || v === undefined) {
      return;
    }
    if (typeof v === 'string' && /^file:/.test(v)) {
      uris.push(vscode.Uri.parse(v));
    } else if (v instanceof vscode.Uri) {
      uris.push(v);
    } else if (Array.isArray(v)) {
      v.forEach((x) => visit(x, depth + 1));
    } else if (typeof v === 'object') {
      Object.values(v as object).forEach((x) => visit(x, depth + 1));
    }
  };
  visit(args, 0);
  for (const uri of uris) {
    const hit = Array.from(corpora.values()).find((c) => c.contains(uri));
    if (hit) {
      return hit;
    }
  }
  return pickCorpus('Run the command in');
}

function registerServerCommand(context: vscode.ExtensionContext, command: string): void {
  if (serverCommands.has(command)) {
    return;
  }
  serverCommands.add(command);
  context.subscriptions.push(
    vscode.commands.registerCommand(command, async (...args: unknown[]) => {
      const corpus = await corpusForArguments(args);
      if (!corpus) {
        void vscode.window.showWarningMessage('Byline is not running here: run “Byline: Start in this folder” first.');
        return undefined;
      }
      try {
        return await corpus.executeCommand(command, args);
      } catch (err) {
        void vscode.window.showErrorMessage(`Byline: ${command} failed: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      }
    }),
  );
}

async function startCorpus(root: vscode.Uri, name: string): Promise<void> {
  const key = root.toString();
  const existing = corpora.get(key);
  if (existing && (existing.state === 'running' || existing.state === 'starting')) {
    return;
  }
  if (existing) {
    corpora.delete(key);
    existing.dispose();
  }
  const serverPath = resolveServerPath(root);
  if (!serverPath) {
    const configured = vscode.workspace.getConfiguration('byline', root).get<string>('path') || 'byline';
    // Not awaited: activation must not wait for the user to dismiss a notification.
    void vscode.window
      .showErrorMessage(
        `Byline: cannot find the \`${configured}\` binary. Install Byline (cargo install --path .) or set “byline.path”.`,
        'Open Settings',
      )
      .then((choice) => {
        if (choice === 'Open Settings') {
          void vscode.commands.executeCommand('workbench.action.openSettings', 'byline.path');
        }
      });
    return;
  }
  const multi = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 || corpora.size > 0;
  const output = vscode.window.createOutputChannel(multi ? `Byline (${name})` : 'Byline');
  const corpus = new Corpus(root, multi ? name : '', serverPath, output, () => statusItem.update());
  corpora.set(key, corpus);
  // One VS Code command per server command, routed to the right client: the stock
  // client registers them per client, which fails from the second workspace folder on.
  const feature = (corpus.client as unknown as { getFeature(m: string): { register(data: unknown): void; unregister(id: string): void; clear(): void } | undefined }).getFeature('workspace/executeCommand');
  if (feature) {
    feature.register = (data: unknown) => {
      const commands = (data as { registerOptions?: { commands?: string[] } }).registerOptions?.commands ?? [];
      commands.forEach((c) => registerServerCommand(extensionContext, c));
    };
    feature.unregister = () => undefined;
    feature.clear = () => undefined;
  }
  await vscode.commands.executeCommand('setContext', 'byline.running', true);
  try {
    await corpus.start();
  } catch (err) {
    void vscode.window
      .showErrorMessage(`Byline could not start for ${root.fsPath}: ${err instanceof Error ? err.message : String(err)}`, 'Show Log')
      .then((choice) => {
        if (choice === 'Show Log') {
          output.show();
        }
      });
  }
}

async function stopCorpus(corpus: Corpus): Promise<void> {
  corpora.delete(corpus.root.toString());
  await corpus.stop();
  corpus.output.dispose();
  corpus.dispose();
  statusItem.update();
  if (corpora.size === 0) {
    await vscode.commands.executeCommand('setContext', 'byline.running', false);
  }
}

async function restartCorpus(corpus: Corpus): Promise<void> {
  const { root, name } = corpus;
  await stopCorpus(corpus);
  await startCorpus(root, name || (vscode.workspace.getWorkspaceFolder(root)?.name ?? ''));
}

async function restartAll(): Promise<void> {
  const all = Array.from(corpora.values());
  if (all.length === 0) {
    await startCommand();
    return;
  }
  for (const corpus of all) {
    await restartCorpus(corpus);
  }
}
