#!/usr/bin/env node
// `npm test`: type-check, lint, unit + dom tests, production build, then end-to-end tests
// in real Chromium. Fails early, with the package to install, when no Chromium is found.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function chromiumPath() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : null;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) if (existsSync(p)) return p;
  return null;
}

if (!chromiumPath()) {
  console.error(
    'Không tìm thấy Chromium. Cài gói Debian "chromium" (apt-get install -y chromium) hoặc đặt CHROME_PATH.\n' +
      'Chromium not found: install the Debian package "chromium" (apt-get install -y chromium) or set CHROME_PATH.',
  );
  process.exit(1);
}

const started = Date.now();
const out = mkdtempSync(join(tmpdir(), 'kiem-dem-test-'));
const run = (label, cmd, args) => {
  console.log(`\n── ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status === 0;
};
const counts = (file) => {
  try {
    const j = JSON.parse(readFileSync(file, 'utf8'));
    // Vitest counts a describe block holding a failed test as a failed suite too: count
    // suites only when no test failed (a file that crashed before its tests ran).
    const tests = j.numFailedTests ?? 0;
    return { passed: j.numPassedTests ?? 0, failed: tests > 0 ? tests : (j.numFailedTestSuites ?? 0) };
  } catch {
    return { passed: 0, failed: 0 };
  }
};

let ok = run('typecheck', 'npx', ['tsc', '--noEmit']);
ok = run('lint (Biome)', 'npx', ['biome', 'lint', '.']) && ok;
ok = run('unit + dom tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(out, 'unit.json')}`]) && ok;
const built = run('build (production)', 'npx', ['wxt', 'build']);
ok = built && ok;
process.env.KIEM_DEM_PREBUILT = '1';
// Firefox build must pass Mozilla's linter with no errors (warnings come from react-dom/zod internals).
const lint = () => {
  console.log('\n── Firefox build + web-ext lint');
  if (spawnSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) return false;
  const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--output', 'json'], { encoding: 'utf8' });
  try {
    const report = JSON.parse(r.stdout);
    console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings`);
    for (const m of report.errors) console.log(`  error ${m.code} ${m.file ?? ''}: ${m.message}`);
    return report.summary.errors === 0;
  } catch {
    console.log(r.stdout, r.stderr);
    return false;
  }
};
ok = lint() && ok;
if (built) ok = run('end-to-end tests (Chromium)', 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${join(out, 'e2e.json')}`]) && ok;

const u = counts(join(out, 'unit.json'));
const e = counts(join(out, 'e2e.json'));
// A step that failed without a failing test (type errors, a crashed suite) still counts once.
const failed = Math.max(u.failed + e.failed, ok ? 0 : 1);
console.log(`\nunit+dom: ${u.passed} passed; e2e: ${e.passed} passed; took ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`tests: ${u.passed + e.passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
