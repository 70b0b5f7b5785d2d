import { readFile } from 'node:fs/promises';
import { buildLeieIndex, normalizeName, parseLeieCsv, screenSubject } from '@rovn/core';
import { listedNpisOf, makeBenchWorkers } from '../leieWorld';
const bytes = await readFile('/tmp/leie/UPDATED.csv');
const workers = makeBenchWorkers(100000, listedNpisOf(bytes.toString('utf8'), 2000));
const index = buildLeieIndex(parseLeieCsv(bytes));
const options = { listDate: '2026-11-10', today: '2026-12-03' };
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  for (const w of workers) normalizeName(w);
  console.log('normalize', (performance.now() - t).toFixed(0));
  t = performance.now();
  for (const w of workers) screenSubject(w, index, options);
  console.log('screen', (performance.now() - t).toFixed(0));
}
