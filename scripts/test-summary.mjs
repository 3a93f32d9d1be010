#!/usr/bin/env node
// Prints one line that totals every JUnit report under reports/ (unit tests from vitest,
// browser tests from Playwright), so a test run ends with a summary that needs no scrolling.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = new URL('../reports/', import.meta.url).pathname;
const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
const parts = [];
for (const file of readdirSync(dir).filter((name) => name.endsWith('.xml')).sort()) {
  const root = /<testsuites\b[^>]*>/.exec(readFileSync(join(dir, file), 'utf8'))?.[0] ?? '';
  const count = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(root)?.[1] ?? 0);
  const report = { tests: count('tests'), failures: count('failures'), errors: count('errors'), skipped: count('skipped') };
  for (const key of Object.keys(totals)) totals[key] += report[key];
  parts.push(`${file}: ${report.tests}`);
}
const failed = totals.failures + totals.errors;
const passed = totals.tests - failed - totals.skipped;
console.log(`\n${totals.tests} tests in all (${parts.join(', ')})`);
// CI reads a closing line of exactly this shape ("N passed, N failed[, N skipped]", one
// "Word:" before it and nothing after), so the breakdown goes on the line above.
console.log(`Tests: ${passed} passed, ${failed} failed, ${totals.skipped} skipped`);
process.exitCode = failed > 0 || totals.tests === 0 ? 1 : 0;
