// Reads the JSON reports of Vitest and Playwright and the build/check steps, prints one line
// "N passed, N failed" (CI reads it) and exits non-zero when anything failed or nothing ran.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
const failures = [];

const steps = existsSync('.test-results/steps.txt') ? readFileSync('.test-results/steps.txt', 'utf8') : '';
for (const line of steps.split('\n').filter(Boolean)) {
  const [result, ...name] = line.split(' ');
  if (result === 'pass') passed++;
  else {
    failed++;
    failures.push(`step: ${name.join(' ')}`);
  }
}

const vitestFile = '.test-results/vitest.json';
if (existsSync(vitestFile)) {
  const v = JSON.parse(readFileSync(vitestFile, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += (v.numFailedTests ?? 0) + (v.numFailedTestSuites ?? 0);
  for (const file of v.testResults ?? []) {
    for (const t of file.assertionResults ?? [])
      if (t.status === 'failed') failures.push(`vitest: ${t.fullName}`);
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0)
      failures.push(`vitest file: ${file.name}`);
  }
} else {
  failed++;
  failures.push('vitest: no report');
}

const pwFile = '.test-results/playwright.json';
if (existsSync(pwFile)) {
  const p = JSON.parse(readFileSync(pwFile, 'utf8'));
  const s = p.stats ?? {};
  passed += s.expected ?? 0;
  failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
  if ((p.errors ?? []).length > 0) {
    failed++;
    failures.push(`playwright: ${p.errors[0].message?.split('\n')[0]}`);
  }
} else {
  failed++;
  failures.push('playwright: no report');
}

if (failures.length) console.log(`\nFailures:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
