// The status bar item: entity count and indexing state of the active corpus, from the
// server's `byline/status` notification.

import * as vscode from 'vscode';
import type { Corpus } from './corpus';

/** "1 finding", "2 findings", "1 entity", "3 entities". */
export function count(n: number, noun: string): string {
  const plural = n === 1 ? noun : /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;
  return `${n} ${plural}`;
}

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor(
    private readonly all: () => Corpus[],
    private readonly active: () => Corpus | undefined,
  ) {
    this.item = vscode.window.createStatusBarItem('byline.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'Byline';
    this.update();
  }

  update(): void {
    const corpora = this.all();
    if (corpora.length === 0) {
      this.item.hide();
      return;
    }
    const corpus = this.active() ?? corpora[0];
    const label = corpus.name ? ` ${corpus.name}` : '';
    const s = corpus.status;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**Byline**${label ? ` — ${corpus.name}` : ''}\n\n`);
    tooltip.appendText(`${corpus.root.fsPath}\n\n`);
    this.item.backgroundColor = undefined;
    this.item.command = 'workbench.actions.view.problems';
    switch (corpus.state) {
      case 'starting':
        this.item.text = `$(loading~spin) Byline${label}`;
        tooltip.appendMarkdown('Starting the language server…');
        break;
      case 'failed':
      case 'stopped':
        this.item.text = `$(error) Byline${label}`;
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
        tooltip.appendMarkdown(`The language server ${corpus.state === 'failed' ? 'failed to start' : 'stopped'}. Click to see its log; run **Byline: Restart** to try again.`);
        this.item.command = 'byline.showOutput';
        break;
      case 'running':
        if (!s) {
          this.item.text = `$(loading~spin) Byline${label}`;
          tooltip.appendMarkdown('Indexing the corpus…');
        } else if (s.indexing) {
          this.item.text = `$(sync~spin) Byline${label}: indexing ${count(s.documents, 'article')}`;
          tooltip.appendMarkdown(`Indexing… ${count(s.documents, 'article')}, ${count(s.entities, 'entity')} so far.`);
        } else {
          this.item.text = `$(person) ${corpus.name ? `${corpus.name}: ` : ''}${count(s.entities, 'entity')}`;
          const parts = [count(s.documents, 'article'), count(s.entities, 'entity')];
          if (typeof s.findings === 'number') {
            const fixable = typeof s.fixable === 'number' && s.fixable !== s.findings ? ` (${s.fixable} fixable)` : '';
            parts.push(`${count(s.findings, 'finding')}${fixable}`);
          }
          const state = s.quiescent === false ? 'Updating the corpus-wide findings…\n\n' : '';
          tooltip.appendMarkdown(`${parts.join(' · ')}\n\n${state}Click to open the Problems panel.`);
        }
        break;
    }
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `Byline${label}: ${this.item.text.replace(/\$\([^)]*\)\s*/g, '')}` };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
