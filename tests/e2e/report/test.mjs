// End-to-end test of `byline report` in a real browser: the HTML page written for a
// corpus, opened from disk in headless Chromium (playwright-core). Run by
// tests/e2e/report/run.sh, which hands it the page and the JSON of `byline check` and
// `byline entities` on the same folder.
//
//   node test.mjs --page FILE.html --check CHECK.json --entities ENTITIES.json --shots DIR [--artifacts DIR]
//
// Checks: the page loads with no console message of level error or warning, no page
// error and no request other than the page itself (all of it is inline); every number
// the page marks with data-count equals what the commands print; the per-article
// finding counts equal the JSON's; the sections are there and rendered; links to
// articles are relative file links with a line. Screenshot: report.png in DIR.

import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { check, finishChecks } from '../checks.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require(process.env.PLAYWRIGHT_CORE || 'playwright-core');

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const artifacts = args.artifacts || args.shots;
const t0 = Date.now();

const findings = JSON.parse(fs.readFileSync(args.check, 'utf8'));
const entities = JSON.parse(fs.readFileSync(args.entities, 'utf8'));
const pageUrl = pathToFileURL(path.resolve(args.page)).href;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const console_ = [];
  const requests = [];
  const failedRequests = [];
  page.on('console', (m) => console_.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => console_.push({ type: 'pageerror', text: String(e) }));
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => failedRequests.push({ url: r.url(), error: r.failure()?.errorText }));
  const response = await page.goto(pageUrl, { waitUntil: 'load', timeout: 15000 });
  check('the report loads from disk', response === null || response.ok(), response?.status());
  await page.waitForTimeout(200);

  const problems = console_.filter((m) => ['error', 'warning', 'pageerror'].includes(m.type));
  check('no console errors or warnings (a CSP violation would be one)', problems.length === 0, problems);
  check('no failed requests', failedRequests.length === 0, failedRequests);
  const others = requests.filter((u) => u !== pageUrl && !u.startsWith('data:'));
  check('nothing is loaded but the page itself (no network, no external files)', others.length === 0, others);
  const scripts = await page.evaluate(() => document.scripts.length);
  check('the page has no script', scripts === 0, scripts);

  // The numbers the page shows, by their data-count names.
  const shown = await page.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll('[data-count]')) {
      const name = el.getAttribute('data-count');
      if (name !== 'article.findings') {
        out[name] = el.textContent.trim();
      }
    }
    return out;
  });
  const num = (name) => (/^\d+$/.test(shown[name] ?? '') ? Number(shown[name]) : NaN);
  check('the page shows the number of findings of `byline check --format json`', num('findings') === findings.length, { page: shown.findings, check: findings.length });
  for (const sev of ['error', 'warning', 'information', 'hint']) {
    const want = findings.filter((f) => f.severity === sev).length;
    check(`findings with severity ${sev}: the page's equals check's (${want})`, num(`findings.${sev}`) === want, { page: shown[`findings.${sev}`], check: want });
  }
  for (const code of ['inconsistent-spelling', 'possible-variant', 'house-style', 'possible-typo']) {
    const want = findings.filter((f) => f.code === code).length;
    check(`findings of ${code}: the page's equals check's (${want})`, num(`findings.${code}`) === want, { page: shown[`findings.${code}`], check: want });
  }
  check('the page shows the number of entities of `byline entities --format json`', num('entities') === entities.length, { page: shown.entities, entities: entities.length });
  for (const kind of ['PERSON', 'ORG', 'LOC']) {
    const of = entities.filter((e) => e.kind === kind);
    const mentions = of.reduce((n, e) => n + e.mentions, 0);
    check(`${kind}: entities and mentions equal entities' (${of.length}, ${mentions})`,
      num(`entities.${kind}`) === of.length && num(`mentions.${kind}`) === mentions,
      { page: [shown[`entities.${kind}`], shown[`mentions.${kind}`]], entities: [of.length, mentions] });
  }
  const documents = num('documents');
  check('the page shows the number of articles', documents > 0 && documents >= new Set(findings.map((f) => f.path)).size, shown.documents);

  // Per article: the table's counts against the JSON's, for every row shown.
  const rows = await page.evaluate(() =>
    Array.from(document.querySelectorAll('tr[data-article]')).map((tr) => ({
      path: tr.getAttribute('data-article'),
      n: Number(tr.querySelector('[data-count="article.findings"]').textContent),
    })),
  );
  const perPath = {};
  for (const f of findings) {
    perPath[f.path] = (perPath[f.path] || 0) + 1;
  }
  const wrong = rows.filter((r) => perPath[r.path] !== r.n);
  check('every article row has its number of findings in check', rows.length > 0 && wrong.length === 0, { wrong, rows: rows.slice(0, 5) });
  const sorted = rows.every((r, i) => i === 0 || rows[i - 1].n >= r.n);
  const best = Math.max(...Object.values(perPath));
  check('articles are listed most findings first, starting with the article with most', sorted && rows[0]?.n === best, { rows: rows.slice(0, 3), best });

  // The sections, rendered.
  const layout = await page.evaluate(() => {
    const box = (sel) => {
      const el = document.querySelector(sel);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { w: Math.round(r.width), h: Math.round(r.height) };
    };
    const links = Array.from(document.querySelectorAll('a.place')).map((a) => ({ href: a.getAttribute('href'), text: a.textContent }));
    return {
      sections: Array.from(document.querySelectorAll('main > section')).map((s) => s.id),
      bars: box('svg.bars'),
      matrix: box('svg.matrix'),
      groups: document.querySelectorAll('tr.group').length,
      people: document.querySelectorAll('details.person').length,
      openTimelines: document.querySelectorAll('details.person[open] ol.timeline li').length,
      changed: document.querySelectorAll('ol.timeline li.changed').length,
      links: links.slice(0, 400),
    };
  });
  check('the five sections are there', ['summary', 'spellings', 'people', 'together', 'articles'].every((s) => layout.sections.includes(s)), layout.sections);
  check('the kind chart and the co-occurrence matrix are drawn', layout.bars?.w > 100 && layout.bars?.h > 40 && layout.matrix?.w > 100 && layout.matrix?.h > 100, { bars: layout.bars, matrix: layout.matrix });
  check('spelling groups, people and open timelines are listed', layout.groups > 0 && layout.people > 0 && layout.openTimelines > 0, layout);
  const badLinks = layout.links.filter((l) => !/^[^:]+:\d+$/.test(l.text) && !/\.txt$/.test(l.text) || /^[a-z]+:\/\//i.test(l.href) || !/#L\d+$/.test(l.href));
  check('links to articles read path:line and point at a relative file with #L<line>', layout.links.length > 0 && badLinks.length === 0, badLinks.slice(0, 5));
  const wi = layout.links.find((l) => l.text.startsWith('2025-06-25-hague-nato-summit-wi-rutte.txt:'));
  if (wi) {
    const target = path.resolve(path.dirname(args.page), decodeURIComponent(wi.href.replace(/#L\d+$/, '')));
    check('a link to an article leads to the file', fs.existsSync(target), { href: wi.href, target });
  } else {
    check('a link to an article leads to the file', false, 'no link to the Hague article');
  }

  // The top of the page: the summary and the first spelling groups.
  await page.screenshot({ path: path.join(args.shots, 'report.png'), clip: { x: 0, y: 0, width: 1280, height: 1400 }, fullPage: true });
  await page.screenshot({ path: path.join(artifacts, 'report-full.png'), fullPage: true });
} catch (e) {
  check('the report test ran to the end', false, String(e && e.stack || e));
} finally {
  await browser.close();
}
finishChecks('report', artifacts, ((Date.now() - t0) / 1000).toFixed(1));
