// Runs the whole vitest suite, then repeats its result as one plain line
// ("tests: N passed, N failed, N skipped") that any CI reader understands.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const report = join(mkdtempSync(join(tmpdir(), 'rovn-vitest-')), 'report.json');
const run = spawnSync(
  'vitest',
  [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ],
  { stdio: 'inherit', shell: false },
);

let summary = 'tests: 0 passed, 0 failed';
try {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = result.numPendingTests + result.numTodoTests;
  summary = `tests: ${result.numPassedTests} passed, ${result.numFailedTests} failed, ${skipped} skipped`;
} catch {
  summary = 'tests: 0 passed, 1 failed';
}
console.log(summary);
process.exit(run.status ?? 1);
