// One Byline corpus: a folder with its own `byline lsp` process and language client.

import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';
import { serverSettings } from './settings';

/** Params of the server's `byline/status` notification. */
export interface Status {
  documents: number;
  entities: number;
  /** Every finding of the corpus: the count `byline check` reports. */
  findings?: number | null;
  /** Of those, the ones "Fix all … in the corpus" and `byline fix` correct. */
  fixable?: number | null;
  indexing: boolean;
  /** No background work is pending: diagnostics are final until the next change. */
  quiescent?: boolean;
}

export type CorpusState = 'starting' | 'running' | 'stopped' | 'failed';

/** Resolves `byline.path` for a corpus: an absolute path, a path relative to the root, or a name on PATH. */
export function resolveServerPath(root: vscode.Uri): string | undefined {
  const configured = (vscode.workspace.getConfiguration('byline', root).get<string>('path') || 'byline').trim();
  const expanded = configured.startsWith('~/') ? path.join(process.env.HOME ?? '', configured.slice(2)) : configured;
  const isExecutable = (p: string) => {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (path.isAbsolute(expanded)) {
    return isExecutable(expanded) ? expanded : undefined;
  }
  if (expanded.includes('/') || expanded.includes(path.sep)) {
    const p = path.resolve(root.fsPath, expanded);
    return isExecutable(p) ? p : undefined;
  }
  const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE').split(';') : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const ext of exts) {
      const p = path.join(dir, expanded + ext);
      if (dir && isExecutable(p)) {
        return p;
      }
    }
  }
  return undefined;
}

/** The workspace folder to announce for a root: the real one if the root is a workspace folder. */
function rootFolder(root: vscode.Uri, name: string): vscode.WorkspaceFolder {
  const wf = vscode.workspace.getWorkspaceFolder(root);
  if (wf && wf.uri.toString() === root.toString()) {
    return wf;
  }
  return { uri: root, name: name || path.basename(root.fsPath), index: wf?.index ?? 0 };
}

export class Corpus implements vscode.Disposable {
  readonly client: LanguageClient;
  readonly output: vscode.OutputChannel;
  status: Status | undefined;
  state: CorpusState = 'starting';
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly root: vscode.Uri,
    readonly name: string,
    readonly serverPath: string,
    output: vscode.OutputChannel,
    private readonly onChange: (c: Corpus) => void,
  ) {
    this.output = output;
    const serverOptions: ServerOptions = {
      command: serverPath,
      args: ['lsp'],
      options: { cwd: root.fsPath, env: process.env },
    };
    // Articles of this corpus: plain text (any extension) and *.txt whatever language
    // the user gave them, under this root only (one client per root in multi-root
    // workspaces); plus the corpus's configuration files, whose errors the server
    // reports as diagnostics in them.
    const under = (glob: string) => new vscode.RelativePattern(root, glob) as unknown as string;
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'plaintext', pattern: under('**/*') },
        { scheme: 'file', pattern: under('**/*.txt') },
        { scheme: 'file', pattern: under('{byline.toml,entities.toml}') },
      ],
      workspaceFolder: rootFolder(root, name),
      initializationOptions: serverSettings(root),
      outputChannel: output,
      traceOutputChannel: output,
      markdown: { isTrusted: false, supportHtml: false },
      diagnosticCollectionName: 'byline',
      middleware: {
        workspace: {
          // Answer `workspace/configuration` for the "byline" section with the same
          // sparse object as initializationOptions (byline.toml stays in force for
          // everything the user did not set).
          configuration: async (params, token, next) => {
            const answers = await next(params, token);
            if (!Array.isArray(answers)) {
              return answers;
            }
            return params.items.map((item, i) => {
              if (item.section === 'byline') {
                return serverSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : root);
              }
              return answers[i];
            });
          },
        },
      },
    };
    this.client = new LanguageClient('byline', name === '' ? 'Byline' : `Byline (${name})`, serverOptions, clientOptions);
    this.client.onDidChangeState((e) => {
      if (e.newState === State.Running) {
        this.state = 'running';
      } else if (e.newState === State.Starting) {
        this.state = 'starting';
      } else if (e.newState === State.Stopped) {
        this.state = this.state === 'starting' ? 'failed' : 'stopped';
      }
      this.onChange(this);
    });
    this.disposables.push(
      this.client.onNotification('byline/status', (params: Status) => {
        this.status = params;
        this.onChange(this);
      }),
    );
  }

  async start(): Promise<void> {
    this.state = 'starting';
    this.onChange(this);
    try {
      await this.client.start();
      this.state = 'running';
    } catch (err) {
      this.state = 'failed';
      this.output.appendLine(`Byline failed to start: ${err instanceof Error ? err.message : String(err)}`);
      throw err;
    } finally {
      this.onChange(this);
    }
  }

  /** Whether a document or folder belongs under this corpus's root. */
  contains(uri: vscode.Uri): boolean {
    if (uri.scheme !== this.root.scheme) {
      return false;
    }
    const rel = path.relative(this.root.fsPath, uri.fsPath);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  }

  /** Tells the server about changed settings. */
  sendSettings(): void {
    if (this.client.isRunning()) {
      void this.client.sendNotification(DidChangeConfigurationNotification.type, {
        settings: { byline: serverSettings(this.root) },
      });
    }
  }

  /** Runs one of the server's commands (workspace/executeCommand). */
  async executeCommand(command: string, args: unknown[]): Promise<unknown> {
    if (!this.client.isRunning()) {
      throw new Error(`the Byline server for ${this.name || this.root.fsPath} is not running`);
    }
    return this.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  async stop(): Promise<void> {
    try {
      if (this.client.needsStop()) {
        await this.client.stop(5000);
      }
    } catch (err) {
      this.output.appendLine(`Byline did not stop cleanly: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.state = 'stopped';
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    void this.client.dispose(5000).catch(() => undefined);
  }
}
