import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cityRows, cityStreets, streetTypes, writeOpenAddresses } from './city.js';
import type { LookupFigures, LookupJob } from './gazetteer-lookups.js';
import type { Scaling } from './report.js';
import type { Town } from './scale.js';

/** What is measured at each size, and the targets of a big city's gazetteer (issue 13). */
const MEASURES: Omit<Scaling, 'sizes'>[] = [
  { name: 'gazetteer: load from file', unit: 's CPU', target: { maxValue: 3 } },
  { name: 'gazetteer: memory of a load', unit: 'MiB peak RSS growth', target: { maxValue: 400 } },
  ...['exact address', 'interpolated address', 'misspelt street', 'block', 'intersection, first asked'].map((kind) => ({
    name: `gazetteer: ${kind}`,
    unit: 'us CPU a call',
    target: { maxValue: 200 },
  })),
  { name: 'gazetteer: form suggestions', unit: 'us CPU a call', target: { maxValue: 1000 } },
];

/**
 * The gazetteer of a synthetic city of 10 thousand to a million address points: each size written as an OpenAddresses
 * CSV, then loaded and looked up in a fresh process (gazetteer-lookups.ts) so its memory is the load's alone.
 */
export async function measureGazetteer(town: Town, sizes: readonly number[]): Promise<Scaling[]> {
  const scalings: Scaling[] = MEASURES.map((measure) => ({ ...measure, sizes: [] }));
  const dir = mkdtempSync(path.join(tmpdir(), 'intake-bench-gazetteer-'));
  try {
    for (const size of sizes) {
      const types = streetTypes(town.rows);
      const file = path.join(dir, `city-${size}.csv`);
      writeOpenAddresses(file, cityRows(town.center, cityStreets(size, types), size));
      const figures = await lookUpInChild({ file, size, types });
      for (const scaling of scalings) scaling.sizes.push(figures[scaling.name]!);
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return scalings;
}

async function lookUpInChild(job: LookupJob): Promise<LookupFigures> {
  const child = fork(path.join(__dirname, 'gazetteer-lookups.js'), [], {
    execArgv: ['--expose-gc'],
    env: { ...process.env, BENCH_GAZETTEER: JSON.stringify(job) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const [figures] = (await Promise.race([
    once(child, 'message'),
    exited.then(([code]) => Promise.reject(new Error(`gazetteer bench exited ${code}`))),
  ])) as [LookupFigures];
  await exited;
  return figures;
}
