// End-to-end test of the Byline extension in real VS Code (code-server 4.100.3) driven
// through headless Chromium with playwright-core. Run by tests/e2e/vscode/run.sh.
//
// What the page shows is checked in the DOM (Problems panel rows, hover widget, the
// colours of the rendered tokens in Dark and Light Modern and their pixels in screenshots,
// the edited line); what VS Code holds is read through
// the test bridge (BYLINE_E2E_BRIDGE; bridge/, installed next to the extension): diagnostics,
// semantic tokens, text.
//
//   node test.mjs --url URL --corpus DIR --bridge DIR --shots DIR [--artifacts DIR]

import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, finishChecks, tally } from '../checks.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require(process.env.PLAYWRIGHT_CORE || 'playwright-core');

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const { url, corpus, shots } = args;
const bridgeRoot = args.bridge;
let bridge = null; // this window's extension host's folder, from its host-<pid>.json
const artifacts = args.artifacts || shots;
const ARTICLE = '2025-06-25-hague-nato-summit-wi-rutte.txt';
const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1);


const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls fn() until it returns a truthy value or the time runs out; returns the last value. */
async function waitFor(fn, timeoutMs, intervalMs = 200) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await fn();
    } catch (e) {
      last = undefined;
    }
    if (last || Date.now() > end) {
      return last;
    }
    await sleep(intervalMs);
  }
}

/** The test-bridge folder of the extension host whose workspace folders are `folders`. */
function hostFor(folders) {
  if (!fs.existsSync(bridgeRoot)) {
    return null;
  }
  for (const name of fs.readdirSync(bridgeRoot)) {
    if (/^host-\d+\.json$/.test(name)) {
      try {
        const host = JSON.parse(fs.readFileSync(path.join(bridgeRoot, name), 'utf8'));
        if (JSON.stringify(host.folders) === JSON.stringify(folders)) {
          return host.dir;
        }
      } catch {}
    }
  }
  return null;
}

let reqId = 0;
/** Asks the extension host (through the test bridge) for what VS Code holds. */
async function ask(op, params = {}, timeoutMs = 15000) {
  const id = `${process.pid}-${++reqId}`;
  const reqFile = path.join(bridge, `${id}.request.json`);
  const resFile = path.join(bridge, `${id}.response.json`);
  fs.writeFileSync(`${reqFile}.tmp`, JSON.stringify({ op, ...params }));
  fs.renameSync(`${reqFile}.tmp`, reqFile);
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (fs.existsSync(resFile)) {
      const res = JSON.parse(fs.readFileSync(resFile, 'utf8'));
      fs.rmSync(resFile, { force: true });
      if (!res.ok) {
        throw new Error(`bridge ${op}: ${res.error}`);
      }
      return res.result;
    }
    await sleep(50);
  }
  fs.rmSync(reqFile, { force: true });
  throw new Error(`bridge ${op}: no answer in ${timeoutMs} ms`);
}

const articleUri = (name) => 'file://' + path.join(corpus, name).split('/').map(encodeURIComponent).join('/').replace(/%2F/g, '/');
const articlePath = (name) => path.join(corpus, name);

let browser;
let page;
async function finish() {
  try {
    if (page && tally.failed > 0) {
      await page.screenshot({ path: path.join(artifacts, 'vscode-failure.png') });
    }
  } catch {}
  try {
    await browser?.close();
  } catch {}
  finishChecks('vscode', artifacts, secs());
}

/** The text of the rendered lines of the active editor. */
async function editorLines() {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.editor-instance .view-line, .monaco-editor .view-line')).map((l) => l.textContent.replace(/\u00a0/g, ' ')),
  );
}

/** Colour of the rendered token spans containing `text` in the active editor. */
async function tokenColours(text) {
  return page.evaluate((text) => {
    const out = [];
    for (const span of document.querySelectorAll('.monaco-editor .view-line span span')) {
      const t = span.textContent.replace(/\u00a0/g, ' ');
      if (t.includes(text)) {
        out.push({ text: t, color: getComputedStyle(span).color, fontStyle: getComputedStyle(span).fontStyle, cls: span.className });
      }
    }
    return out;
  }, text);
}

// Byline's default colours in VS Code's default themes, as editors/vscode/package.json
// gives them, and the themes' editor backgrounds.
function paletteOf(theme) {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../../editors/vscode/package.json', import.meta.url), 'utf8'));
  const custom = pkg.contributes.configurationDefaults['editor.tokenColorCustomizations'];
  const key = Object.keys(custom).find((k) => k.includes(`[${theme}]`));
  const out = {};
  for (const r of custom[key]?.textMateRules ?? []) {
    out[r.scope.replace(/^byline\./, '')] = r.settings.foreground;
  }
  return out;
}
const PALETTE = {
  dark: paletteOf('Default Dark Modern'),
  light: paletteOf('Default Light Modern'),
  darkBackground: '#1F1F1F',
  lightBackground: '#FFFFFF',
};
const TOKEN_TEXT = { person: 'Mark Rutte', organization: 'NATO', location: 'Netherlands', role: 'Secretary General' };
const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const rgb = (h) => `rgb(${hex(h).join(', ')})`;
function luminance([r, g, b]) {
  const lin = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
const contrast = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

let scratch; // a blank page to decode screenshots in (the workbench's CSP is not ours to loosen)
/** The pixels of a screenshot of the first rendered token containing `text` (not on the
 *  cursor's line: the caret would be in the picture): its background (the most common
 *  colour) and its ink (the pixel farthest from it). */
async function inkOf(text) {
  const box = await page.evaluate((text) => {
    const carets = Array.from(document.querySelectorAll('.monaco-editor .cursor')).map((c) => c.getBoundingClientRect());
    for (const span of document.querySelectorAll('.monaco-editor .view-line span span')) {
      const r = span.getBoundingClientRect();
      const onCaretLine = carets.some((c) => c.height > 0 && c.top < r.bottom && r.top < c.bottom);
      if (!onCaretLine && span.textContent.replace(/\u00a0/g, ' ').includes(text)) {
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
    }
    return null;
  }, text);
  if (!box || box.width < 2) {
    return null;
  }
  const png = (await page.screenshot({ clip: box })).toString('base64');
  scratch ??= await browser.newPage();
  return scratch.evaluate(async (png) => {
    const img = new Image();
    img.src = `data:image/png;base64,${png}`;
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.width, img.height];
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const freq = new Map();
    for (let i = 0; i < d.length; i += 4) {
      const k = `${d[i]},${d[i + 1]},${d[i + 2]}`;
      freq.set(k, (freq.get(k) || 0) + 1);
    }
    const bg = [...freq.entries()].sort((a, b) => b[1] - a[1])[0][0].split(',').map(Number);
    let ink = bg;
    let far = -1;
    for (let i = 0; i < d.length; i += 4) {
      const dist = Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]);
      if (dist > far) {
        far = dist;
        ink = [d[i], d[i + 1], d[i + 2]];
      }
    }
    return { bg, ink };
  }, png);
}

/** Samples the pixels of a person, an organisation, a place and a role on the page: the
 *  ink is the theme's default colour, with a contrast of at least 4.5 against the
 *  background as drawn. */
async function inkCheck(theme, palette, background) {
  const seen = {};
  for (const [k, text] of Object.entries(TOKEN_TEXT)) {
    seen[k] = await inkOf(text);
  }
  const near = (a, b) => a && a.every((v, i) => Math.abs(v - b[i]) <= 8);
  const ok = Object.entries(seen).every(([k, s]) => s && near(s.bg, hex(background)) && near(s.ink, hex(palette[k])) && contrast(s.ink, s.bg) >= 4.5);
  const ratios = Object.fromEntries(Object.entries(seen).map(([k, s]) => [k, s && { ink: s.ink, bg: s.bg, contrast: +contrast(s.ink, s.bg).toFixed(2) }]));
  check(`${theme}: the screenshot's pixels of a person, organisation, place and role are the default colours, contrast >= 4.5 (${Object.entries(ratios).map(([k, r]) => `${k} ${r?.contrast}`).join(', ')})`, ok, ratios);
}

async function runCommand(title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10000 });
  await page.keyboard.type(title);
  await page.waitForFunction(
    (title) => Array.from(document.querySelectorAll('.quick-input-list .monaco-list-row')).some((r) => r.textContent.includes(title.replace(/^>\s*/, ''))),
    title,
    { timeout: 10000 },
  );
  await page.keyboard.press('Enter');
}

async function openFile(name) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10000 });
  await page.locator('.quick-input-widget input').fill(name);
  await page.waitForFunction(
    (name) => Array.from(document.querySelectorAll('.quick-input-list .monaco-list-row')).some((r) => r.textContent.includes(name)),
    name,
    { timeout: 15000 },
  );
  // Enter opens the focused (first) row: wait until it is the file, else click the file's row.
  const focused = await waitFor(
    () => page.evaluate((name) => document.querySelector('.quick-input-list .monaco-list-row.focused')?.textContent.includes(name), name),
    3000,
    100,
  );
  if (focused) {
    await page.keyboard.press('Enter');
  } else {
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click();
  }
  await page.waitForFunction(
    (name) => document.querySelector('.tabs-container .tab.active')?.textContent.includes(name),
    name,
    { timeout: 15000 },
  );
}

/** Moves the cursor to a 1-based line and column with "Go to Line/Column". */
async function gotoLineCol(line, col) {
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 10000 });
  await page.keyboard.type(`${line}:${col}`);
  await page.keyboard.press('Enter');
  await sleep(300);
}

function findInFile(name, needle) {
  const lines = fs.readFileSync(articlePath(name), 'utf8').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i].indexOf(needle);
    if (c >= 0) {
      return { line: i, character: c };
    }
  }
  return undefined;
}

try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width: 1500, height: 900 }, deviceScaleFactor: 1 });
  page = await context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 30000 });
  console.log(`workbench up after ${secs()} s`);

  // 1. The extension activates (workspaceContains:**/byline.toml) and starts the server.
  const ready = await waitFor(() => (bridge = hostFor([corpus])), 30000);
  check('the extension activates on a folder with byline.toml', ready, 'no test bridge after 30 s: the extension did not activate');
  if (!ready) {
    await finish();
  }
  const state = await waitFor(async () => {
    const s = await ask('state');
    return s.corpora.length > 0 && s.corpora[0].state !== 'starting' ? s : undefined;
  }, 30000);
  check('the language server is running for the corpus folder', state?.corpora?.[0]?.state === 'running' && state.corpora[0].root === corpus, state);

  // 2. Open the article; diagnostics arrive; the Problems panel lists the findings.
  await openFile(ARTICLE);
  const diagsOf = async () => (await ask('diagnostics')).find((e) => e.path === articlePath(ARTICLE))?.diagnostics ?? [];
  const diags = await waitFor(async () => {
    const d = await diagsOf();
    return d.some((x) => x.source === 'byline') ? d : undefined;
  }, 20000);
  const lee = diags?.find((d) => d.message.includes('Lee Jaemyung'));
  const wi = diags?.find((d) => d.message.includes('Seongrak Wi'));
  check('VS Code holds byline diagnostics for the article', diags?.length > 0, diags);
  check('“Lee Jaemyung” is flagged inconsistent-spelling (warning) naming “Lee Jae-myung”',
    lee && lee.code === 'inconsistent-spelling' && lee.severity === 'Warning' && lee.message.includes('Lee Jae-myung'), diags);
  check('“Seongrak Wi” is flagged naming “Wi Sung-lac”', wi && wi.message.includes('Wi Sung-lac'), diags);

  await page.keyboard.press('Control+Shift+M');
  // The panel lists every article's findings in a virtualised list: filter it to
  // the two names (the panel's own filter box) before reading the rows.
  const rowsMatching = async (needle) => {
    const input = await page.$('.markers-panel-container .viewpane-filter input, .viewpane-filter-container input');
    if (input) {
      await input.click({ clickCount: 3 });
      await page.keyboard.type(needle);
    }
    return waitFor(async () => {
      const texts = await page.evaluate(() => Array.from(document.querySelectorAll('.markers-panel .monaco-list-row')).map((r) => r.textContent));
      return texts.some((t) => t.includes(needle)) ? texts : undefined;
    }, 15000);
  };
  const leeRows = await rowsMatching('Lee Jaemyung');
  const wiRows = await rowsMatching('Seongrak Wi');
  const rows = leeRows && wiRows ? [...leeRows, ...wiRows] : undefined;
  const clear = await page.$('.markers-panel-container .viewpane-filter input, .viewpane-filter-container input');
  if (clear) {
    await clear.click({ clickCount: 3 });
    await page.keyboard.press('Backspace');
  }
  check('the Problems panel lists the spelling findings (Lee Jaemyung, Seongrak Wi)', rows, await page.evaluate(() => document.querySelector('.markers-panel')?.textContent?.slice(0, 500) ?? 'no problems panel'));
  const squiggles = await page.evaluate(() => document.querySelectorAll('.monaco-editor .squiggly-warning').length);
  check('warning squiggles are drawn in the editor', squiggles > 0, `squiggly-warning: ${squiggles}`);

  // 2b. Settings: byline.checks.inconsistentSpelling = "error" (sent to the server in
  //     workspace/didChangeConfiguration) turns the finding into an error, then back.
  //     (run.sh took that key out of the copy's byline.toml, which wins over settings.)
  const severityOf = async (found) => (await diagsOf()).find((d) => d.message.includes(`“${found}”`))?.severity;
  await ask('configuration', { key: 'checks.inconsistentSpelling', value: 'error' });
  const asError = await waitFor(async () => (await severityOf('Seongrak Wi')) === 'Error', 10000);
  check('settings: byline.checks.inconsistentSpelling = "error" makes the finding an error', asError, await severityOf('Seongrak Wi'));
  await ask('configuration', { key: 'checks.inconsistentSpelling', value: undefined });
  const back = await waitFor(async () => (await severityOf('Seongrak Wi')) === 'Warning', 10000);
  check('settings: removing the setting brings the default "warning" back', back, await severityOf('Seongrak Wi'));
  // Every article's findings follow (workspace/diagnostic/refresh, then VS Code pulls again).
  const errorsLeft = async () => (await ask('diagnostics')).flatMap((e) => e.diagnostics.filter((d) => d.source === 'byline' && d.severity === 'Error').map((d) => `${path.basename(e.path)}: ${d.message.slice(0, 60)}`));
  const allBack = await waitFor(async () => (await errorsLeft()).length === 0, 15000);
  check('settings: the other articles’ findings are warnings again too', allBack, (await errorsLeft()).slice(0, 10));

  // 3. Semantic colouring: token types in VS Code, colours on the page.
  const sem = await waitFor(async () => {
    const s = await ask('semanticTokens', { uri: articleUri(ARTICLE) });
    return s.tokens.length > 0 ? s : undefined;
  }, 15000);
  const legendOk = sem && ['person', 'organization', 'location', 'role'].every((t) => sem.legend.types.includes(t))
    && ['unknown', 'variant'].every((m) => sem.legend.modifiers.includes(m));
  check('the semantic token legend has person/organization/location/role and unknown/variant', legendOk, sem?.legend);
  const rutte = sem?.tokens.find((t) => t.text === 'Mark Rutte');
  check('“Mark Rutte” is a person token', rutte?.type === 'person', sem?.tokens.slice(0, 30));
  const seongrak = sem?.tokens.find((t) => t.text === 'Seongrak Wi');
  check('“Seongrak Wi” is a person token with the variant modifier', seongrak?.type === 'person' && seongrak.modifiers.includes('variant'), seongrak);
  const typesSeen = new Set(sem?.tokens.map((t) => t.type));
  check('the article has tokens of all four types', ['person', 'organization', 'location', 'role'].every((t) => typesSeen.has(t)), [...typesSeen]);

  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+1'); // back to the editor, the Problems panel stays open
  await page.keyboard.press('Control+Home');
  const plain = await page.evaluate(() => {
    const ed = document.querySelector('.monaco-editor .view-lines');
    return ed ? getComputedStyle(ed).color : null;
  });
  const colours = await waitFor(async () => {
    const all = {
      person: await tokenColours('Mark Rutte'),
      organization: await tokenColours('NATO'),
      location: await tokenColours('Netherlands'),
      role: await tokenColours('Secretary General'),
    };
    return Object.values(all).every((v) => v.length > 0 && v[0].color !== plain) ? all : undefined;
  }, 15000);
  check('entities are coloured in the editor (person, organization, location, role differ from plain text)', colours, { plain, colours: {
    person: await tokenColours('Mark Rutte'), organization: await tokenColours('NATO'), location: await tokenColours('Netherlands'), role: await tokenColours('Secretary General') } });
  if (colours) {
    // The extension's defaults for the default themes (package.json configurationDefaults,
    // checked for contrast by tests/vscode_colours.rs).
    const want = PALETTE.dark;
    const got = Object.fromEntries(Object.keys(want).map((k) => [k, colours[k][0].color]));
    check('Default Dark Modern: the four types have Byline\'s default colours', Object.keys(want).every((k) => got[k] === rgb(want[k])), { got, want });
    const distinct = new Set(Object.values(got));
    check('the four entity types get four different colours', distinct.size === 4, colours);
  }
  await page.mouse.move(5, 450);
  await sleep(300);
  await inkCheck('Default Dark Modern', PALETTE.dark, PALETTE.darkBackground);
  await page.screenshot({ path: path.join(shots, 'vscode-highlights.png') });

  // 3b. The light theme gets its own defaults; a user's rule still wins over them.
  await ask('setting', { key: 'workbench.colorTheme', value: 'Default Light Modern' });
  // Switching themes re-renders the editor; on a busy machine that takes a while.
  const light = await waitFor(async () => {
    for (const [k, text] of Object.entries(TOKEN_TEXT)) {
      if ((await tokenColours(text))[0]?.color !== rgb(PALETTE.light[k])) return undefined;
    }
    return true;
  }, 30000);
  const lightGot = {};
  for (const [k, text] of Object.entries(TOKEN_TEXT)) {
    lightGot[k] = (await tokenColours(text))[0]?.color;
  }
  check('Default Light Modern: the four types have Byline\'s light defaults', light && Object.keys(PALETTE.light).every((k) => lightGot[k] === rgb(PALETTE.light[k])), { lightGot, want: PALETTE.light });
  await inkCheck('Default Light Modern', PALETTE.light, PALETTE.lightBackground);
  await page.screenshot({ path: path.join(artifacts, 'vscode-highlights-light.png') });
  await ask('setting', { key: 'editor.semanticTokenColorCustomizations', value: { rules: { person: '#ff00ff' } } });
  const overridden = await waitFor(async () => (await tokenColours('Mark Rutte'))[0]?.color === 'rgb(255, 0, 255)', 10000);
  check('a user\'s editor.semanticTokenColorCustomizations rule for person wins over the defaults', overridden, await tokenColours('Mark Rutte'));
  await ask('setting', { key: 'editor.semanticTokenColorCustomizations', value: undefined });
  await ask('setting', { key: 'workbench.colorTheme', value: 'Default Dark Modern' });
  const backToDark = await waitFor(async () => (await tokenColours('Mark Rutte'))[0]?.color === rgb(PALETTE.dark.person), 10000);
  check('back in Default Dark Modern without the user rule, person has the default colour again', backToDark, await tokenColours('Mark Rutte'));

  // 4. Hover on a person shows who it is: role and affiliation. In VS Code's hover
  //    provider for a variant spelling (Seongrak Wi -> Wi Sung-lac), and on the page with
  //    the mouse over “Mark Rutte” (no diagnostic there, so the hover is the entity's alone).
  const wiAt = findInFile(ARTICLE, 'Seongrak Wi');
  const wiHover = (await ask('hover', { uri: articleUri(ARTICLE), line: wiAt.line, character: wiAt.character + 3 })).join('\n');
  check('the hover of “Seongrak Wi” names Wi Sung-lac', wiHover.includes('Wi Sung-lac'), wiHover);
  check('the hover of “Seongrak Wi” has the role and affiliation (National Security Adviser, South Korea)',
    wiHover.includes('National Security Adviser') && wiHover.includes('South Korea'), wiHover);

  await page.keyboard.press('Control+J'); // hide the panel: room for the hover
  await sleep(300);
  const hoverText = await (async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const box = await page.evaluate(() => {
        for (const span of document.querySelectorAll('.monaco-editor .view-line span span')) {
          if (span.textContent.replace(/\u00a0/g, ' ').includes('Mark Rutte')) {
            const r = span.getBoundingClientRect();
            return { x: r.x, y: r.y, w: r.width, h: r.height };
          }
        }
        return null;
      });
      if (!box) {
        return null;
      }
      await page.mouse.move(box.x + box.w / 2 - 10, box.y + box.h / 2);
      await sleep(100);
      await page.mouse.move(box.x + box.w / 2, box.y + box.h / 2);
      const text = await waitFor(
        () => page.evaluate(() => {
          const h = document.querySelector('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover .hover-contents');
          return h && h.textContent.includes('Mark Rutte') ? h.textContent : undefined;
        }),
        5000,
      );
      if (text) {
        await sleep(600); // the hover fades in
        return text;
      }
    }
    return null;
  })();
  check('hovering “Mark Rutte” with the mouse shows the hover', hoverText?.includes('Mark Rutte'), hoverText ?? 'no hover widget with “Mark Rutte”');
  check('the hover shows his role and affiliation (Secretary General, NATO)',
    hoverText?.includes('Secretary General') && hoverText.includes('NATO'), hoverText);
  const bold = await page.evaluate(() => Array.from(document.querySelectorAll('.monaco-hover strong, .monaco-hover b')).map((b) => b.textContent));
  check('the hover renders markdown (the name in bold)', bold.includes('Mark Rutte'), bold);
  await page.screenshot({ path: path.join(shots, 'vscode-hover.png') });
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 450);

  // 4b. Rename and references go across the corpus (what F2 and Shift+F12 would do).
  const renamed = await ask('rename', { uri: articleUri(ARTICLE), line: wiAt.line, character: wiAt.character + 3, newName: 'Wi Sung-rak' });
  const renamedFiles = renamed.map((e) => path.basename(e.path)).sort();
  check('rename of “Seongrak Wi” edits every article that spells Wi Sung-lac (4 files)',
    ['2025-06-04-lee-jae-myung-inauguration.txt', '2025-06-25-hague-nato-summit-wi-rutte.txt', '2025-07-31-korea-us-tariff-deal.txt', 'analysis-seoul-new-diplomatic-team.txt']
      .every((f) => renamedFiles.includes(f)), renamedFiles);
  const rutteAt = findInFile(ARTICLE, 'Mark Rutte');
  const refs = await ask('references', { uri: articleUri(ARTICLE), line: rutteAt.line, character: rutteAt.character + 2 });
  const refFiles = new Set(refs.map((r) => path.basename(r.path)));
  check('references of “Mark Rutte” span the corpus (3 articles)', refFiles.size >= 3, [...refFiles]);

  // 5. A quick fix applies: cursor on “Lee Jaemyung”, Ctrl+. and pick “Replace with “Lee Jae-myung””.
  const at = findInFile(ARTICLE, 'Lee Jaemyung');
  await gotoLineCol(at.line + 1, at.character + 3);
  await page.keyboard.press('Control+.');
  const actions = await waitFor(
    () => page.evaluate(() => {
      const items = Array.from(document.querySelectorAll('.action-widget .monaco-list-row, .context-view .action-list .monaco-list-row'));
      return items.length > 0 ? items.map((i) => i.textContent) : undefined;
    }),
    10000,
  );
  const wanted = 'Replace with “Lee Jae-myung”';
  check('the quick fix menu offers “Replace with “Lee Jae-myung””', actions?.some((a) => a.includes(wanted)), actions ?? 'no code action menu');
  if (actions?.some((a) => a.includes(wanted))) {
    // Pick it with the keyboard, as a user would: move the focus to it, then Enter.
    for (let i = 0; i < 12; i++) {
      const focused = await page.evaluate(() => document.querySelector('.action-widget .monaco-list-row.focused')?.textContent ?? '');
      if (focused.includes(wanted)) {
        break;
      }
      await page.keyboard.press('ArrowDown');
      await sleep(80);
    }
    await page.keyboard.press('Enter');
  } else {
    await page.keyboard.press('Escape');
  }
  const fixed = await waitFor(async () => {
    const t = await ask('text', { uri: articleUri(ARTICLE) });
    const line = t.text.split(/\r?\n/)[at.line];
    return line.includes('Lee Jae-myung') && !line.includes('Lee Jaemyung') ? t : undefined;
  }, 10000);
  check('the quick fix replaces “Lee Jaemyung” in the document', fixed, (await ask('text', { uri: articleUri(ARTICLE) })).text.split(/\r?\n/)[at.line]);
  const shown = await waitFor(async () => (await editorLines()).some((l) => l.includes('President Lee Jae-myung, who skipped')), 5000);
  check('the editor shows the fixed line', shown, await editorLines());
  const cleared = await waitFor(async () => !(await diagsOf()).some((d) => d.message.includes('Lee Jaemyung')), 10000);
  check('the fixed mention is no longer flagged', cleared, await diagsOf());

  // 6. The status bar item shows the entity count.
  const statusText = await waitFor(
    () => page.evaluate(() => Array.from(document.querySelectorAll('.statusbar-item')).map((s) => s.textContent).find((t) => /\d+ entities/.test(t))),
    10000,
  );
  check('the status bar shows the entity count (byline/status)', statusText, await page.evaluate(() => Array.from(document.querySelectorAll('.statusbar-item')).map((s) => s.textContent)));

  // 7. "Byline: Fix all spellings in the corpus" (workspace/executeCommand, then the
  //    server's workspace/applyEdit) changes another article.
  const other = '2024-05-01-australia-korea-2plus2-melbourne.txt';
  await runCommand('>Byline: Fix all spellings in the corpus');
  const corpusFixed = await waitFor(async () => {
    const t = await ask('text', { uri: articleUri(other) });
    return t.open && !/\bdefence\b/.test(t.text.replace(/"[^"]*"|“[^”]*”/g, '')) ? t : undefined;
  }, 15000);
  check('“Fix all spellings in the corpus” edits other articles (defence → defense)', corpusFixed, (await ask('text', { uri: articleUri(other) }).catch((e) => ({ text: String(e) }))).text.slice(0, 300));

  // 8. Export annotations through the configured binary (JSONL with code-point offsets).
  const out = path.join(artifacts, 'export.jsonl');
  fs.rmSync(out, { force: true });
  await ask('export', { format: 'jsonl', out }, 30000).catch((e) => console.log(String(e)));
  let exported = null;
  try {
    exported = fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  } catch {}
  check('“Export annotations” writes JSONL with spans', exported?.length === 14 && exported.every((d) => Array.isArray(d.spans)), exported ? `${exported.length} lines` : 'no export file');

  // 9. "Byline: Open the knowledge base" opens entities.toml.
  await runCommand('>Byline: Open the knowledge base');
  const kb = await waitFor(() => page.evaluate(() => document.querySelector('.tabs-container .tab.active')?.textContent.includes('entities.toml')), 10000);
  check('“Open the knowledge base” opens entities.toml', kb, await page.evaluate(() => document.querySelector('.tabs-container .tab.active')?.textContent));

  // 10. Multi-root: one server per folder with byline.toml, each with its folder as root;
  //     none for a folder without; “Byline: Start in this folder” adds one there.
  if (args.multi) {
    const folders = ['newsroom-a', 'newsroom-b', 'notes'].map((f) => path.join(args.multi, f));
    const base = new URL(url);
    const workspaceUrl = `${base.origin}/?workspace=${encodeURIComponent(path.join(args.multi, 'byline.code-workspace'))}`;
    // A window of its own (fresh browser storage); the workbench sometimes comes up with
    // the workspace's folders missing: load it again then.
    await page.context().close();
    const context2 = await browser.newContext({ viewport: { width: 1500, height: 900 }, deviceScaleFactor: 1 });
    page = await context2.newPage();
    let host = null;
    for (let attempt = 0; attempt < 3 && !host; attempt++) {
      await page.goto(workspaceUrl, { waitUntil: 'domcontentloaded', timeout: 30000 });
      await page.waitForSelector('.monaco-workbench', { timeout: 30000 });
      host = await waitFor(() => hostFor(folders), 15000);
      if (!host) {
        console.log(`  (the workspace window came up without its folders; loading it again)`);
      }
    }
    bridge = host;
    check('multi-root: the extension activates in the workspace', host, 'no extension host announced the three folders');
    if (host) {
      const two = await waitFor(async () => {
        const s = await ask('state');
        return s.corpora.length === 2 && s.corpora.every((c) => c.state === 'running') ? s : undefined;
      }, 30000);
      const roots = two?.corpora.map((c) => c.root).sort();
      check('multi-root: one running server for each folder with byline.toml (newsroom-a, newsroom-b), none for notes',
        JSON.stringify(roots) === JSON.stringify([folders[0], folders[1]]), await ask('state'));
      const bHague = path.join(folders[1], 'b-hague.txt');
      await ask('text', { uri: bHague });
      await page.keyboard.press('Escape');
      await openFile('b-hague.txt');
      const bDiags = await waitFor(async () => {
        const e = (await ask('diagnostics')).find((x) => x.path === bHague);
        return e?.diagnostics.some((d) => d.message.includes('Lee Jaemyung')) ? e.diagnostics : undefined;
      }, 20000);
      check('multi-root: newsroom-b’s article gets its own findings (Lee Jaemyung)', bDiags, (await ask('diagnostics')).map((e) => e.path));
      const related = (bDiags ?? []).every((d) => !d.message.includes('newsroom-a'));
      check('multi-root: newsroom-b’s findings do not come from newsroom-a', related, bDiags);
      const rutteAt = (() => {
        const lines = fs.readFileSync(bHague, 'utf8').split(/\r?\n/);
        const i = lines.findIndex((l) => l.includes('Mark Rutte'));
        return { line: i, character: lines[i].indexOf('Mark Rutte') + 2 };
      })();
      const h = (await ask('hover', { uri: bHague, ...rutteAt })).join('\n');
      check('multi-root: hover in newsroom-b (Mark Rutte · Secretary General)', h.includes('Mark Rutte') && h.includes('Secretary General'), h);

      await openFile('c-melbourne.txt');
      await runCommand('>Byline: Start in this folder');
      const three = await waitFor(async () => {
        const s = await ask('state');
        return s.corpora.length === 3 && s.corpora.every((c) => c.state === 'running') ? s : undefined;
      }, 30000);
      check('“Byline: Start in this folder” starts a server for notes (no byline.toml)', three?.corpora.some((c) => c.root === folders[2]), await ask('state'));
      const cDiags = await waitFor(async () => {
        const e = (await ask('diagnostics')).find((x) => x.path === path.join(folders[2], 'c-hague.txt'));
        return e?.diagnostics.some((d) => d.message.includes('“defense”')) ? e.diagnostics : undefined;
      }, 20000);
      check('…and its articles get findings with the default configuration (“defense” against the majority “defence”)', cDiags,
        (await ask('diagnostics')).filter((x) => x.path.startsWith(folders[2])));
      await page.screenshot({ path: path.join(artifacts, 'vscode-multi-root.png') });
    }
  }
} catch (err) {
  check('the test ran to the end', false, err?.stack ?? String(err));
}
await finish();
