// The checks of a browser end-to-end test (vscode/test.mjs, report/test.mjs): each one
// printed as PASS/FAIL with what was seen, counted, and written at the end to
// NAME-results.json, which run.sh reads for the totals.

import * as fs from 'node:fs';
import * as path from 'node:path';

export const tally = { passed: 0, failed: 0, results: [] };

/** Records one check; `detail` (what was seen) is printed when it fails. */
export function check(name, ok, detail) {
  ok = !!ok;
  ok ? tally.passed++ : tally.failed++;
  tally.results.push({ name, ok, detail: ok ? undefined : detail });
  const d = !ok && detail !== undefined ? `\n     ${String(typeof detail === 'string' ? detail : JSON.stringify(detail, null, 1)).slice(0, 2000).replace(/\n/g, '\n     ')}` : '';
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${d}`);
}

/** Writes DIR/NAME-results.json, prints the totals and ends the process (status 1 on a failure). */
export function finishChecks(name, dir, seconds) {
  fs.writeFileSync(path.join(dir, `${name}-results.json`), JSON.stringify(tally, null, 1));
  console.log(`${name} checks took ${seconds} s`);
  console.log(`${name}: ${tally.passed} passed, ${tally.failed} failed`);
  process.exit(tally.failed === 0 ? 0 : 1);
}
