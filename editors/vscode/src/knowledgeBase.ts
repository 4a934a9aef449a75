// "Byline: Open the knowledge base": opens the corpus's entities.toml, creating it with a
// commented template if it does not exist yet.

import * as vscode from 'vscode';
import { explicitValue } from './settings';

export const TEMPLATE = `# Byline knowledge base: the people, organisations and places of this corpus.
# Byline works without it (names are discovered in the articles); entries here fix
# the canonical spelling, the kind, the accepted and discouraged spellings, and the
# role and affiliation shown on hover.
#
# [[entity]]
# name = "Lee Jae-myung"            # canonical (preferred) spelling
# kind = "person"                   # person | organization | place
# aliases = ["Lee Jae Myung"]       # accepted spellings: no finding
# variants = ["Lee Jaemyung"]       # discouraged spellings: flagged and fixed to \`name\`
# role = "President"
# affiliation = "South Korea"
# notes = "Took office June 4, 2025."
#
# [[entity.history]]                # earlier roles, dated (YYYY-MM-DD)
# role = "Leader of the Democratic Party"
# affiliation = "Democratic Party of Korea"
# from = "2022-08-28"
# to = "2025-04-09"
#
# [[entity]]
# name = "NATO"
# kind = "organization"
# aliases = ["North Atlantic Treaty Organization"]
`;

/** The knowledge-base files of byline.toml's `[corpus] knowledge-base`, when written on one line. */
function fromConfigFile(text: string): string[] | undefined {
  let inCorpus = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const table = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (table) {
      inCorpus = table[1] === 'corpus';
      continue;
    }
    const m = /^(?:corpus\.)?knowledge-base\s*=\s*(.*)$/.exec(line);
    if (m && (inCorpus || line.startsWith('corpus.'))) {
      const files = Array.from(m[1].matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)).map((x) => x[1] ?? x[2]);
      return files.length > 0 ? files : undefined;
    }
  }
  return undefined;
}

/** The first knowledge-base file of the corpus at `root`: the setting, byline.toml, or entities.toml. */
export async function knowledgeBaseUri(root: vscode.Uri): Promise<vscode.Uri> {
  let files = explicitValue<string[]>('corpus.knowledgeBase', root);
  if (!files || files.length === 0) {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, 'byline.toml'));
      files = fromConfigFile(new TextDecoder().decode(bytes));
    } catch {
      files = undefined;
    }
  }
  const first = files?.[0] ?? 'entities.toml';
  return first.startsWith('/') ? vscode.Uri.file(first) : vscode.Uri.joinPath(root, first);
}

export async function openKnowledgeBase(root: vscode.Uri): Promise<void> {
  const uri = await knowledgeBaseUri(root);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(TEMPLATE));
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
}
