import { performance } from 'node:perf_hooks';
import type { AddressQuery } from '@intake/core';
import { Gazetteer, geocodeWithGazetteer } from '@intake/normalizer';
import { LAST_NUMBER, cityStreets, crossingPairs, type CityStreet } from './city.js';
import type { Scaling } from './report.js';

/**
 * One size of the gazetteer bench, in a process of its own so the memory a load takes is its own: started by
 * gazetteer.ts with --expose-gc and the city's CSV in BENCH_GAZETTEER, it loads the file as `intake start` does,
 * times each kind of lookup and sends the figures to its parent.
 */
export interface LookupJob {
  file: string;
  size: number;
  types: string[];
}

/** What one size measured: an entry for each of the parent's scalings, by name. */
type Figure = Scaling['sizes'][number];
export type LookupFigures = Record<string, Figure>;

const LOOKUPS = 5000;
const MIB = 1024 * 1024;
const gc = () => (globalThis as { gc?: () => void }).gc!();

const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

const WARM_UP = 2000;
/** a crossing is computed once, then remembered: these many are computed first, the others timed */
const CROSSING_WARM_UP = 100;

/**
 * CPU time per call over all of them (the process's, its collector's threads too), in microseconds, after a warm-up:
 * on a machine shared with other work, wall times say more of the others than of the call. The wall median and p99 go
 * in the notes.
 */
function time(count: number, call: (i: number) => unknown, warmUp: (i: number) => unknown, warmUps: number): Omit<Figure, 'size'> {
  for (let i = 0; i < warmUps; i += 1) warmUp(i);
  const times: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    call(i);
    times.push((performance.now() - start) * 1000);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const ordered = sorted(times);
  const wall = (share: number) => ordered[Math.min(count - 1, Math.floor(count * share))]!.toFixed(1);
  return { value: (cpu.user + cpu.system) / count, notes: `wall median ${wall(0.5)} us, p99 ${wall(0.99)} us` };
}

function load(file: string) {
  gc();
  const before = process.memoryUsage();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const gazetteer = Gazetteer.fromFile(file);
  const wallS = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  gc();
  const after = process.memoryUsage();
  const held = (usage: NodeJS.MemoryUsage) => usage.heapUsed + usage.external;
  return {
    gazetteer,
    seconds: { value: (cpu.user + cpu.system) / 1e6, notes: `wall ${wallS.toFixed(2)} s` },
    memory: {
      value: (peakRss - before.rss) / MIB,
      notes: `held after GC ${((held(after) - held(before)) / MIB).toFixed(0)} MiB (heap and typed arrays), RSS after GC +${((after.rss - before.rss) / MIB).toFixed(0)} MiB`,
    },
  };
}

const query = (fields: Partial<AddressQuery> & Pick<AddressQuery, 'kind' | 'street'>): AddressQuery => ({
  raw: '',
  number: null,
  unit: null,
  cross_street: null,
  ...fields,
});

/** A lot's number on a street, never the last, so the one two above it lies between two lots on its side. */
const someNumber = () => String(Math.floor(Math.random() * ((LAST_NUMBER - 2) / 2)) * 2 + 1 + (Math.random() < 0.5 ? 1 : 0));

function measure(job: LookupJob): LookupFigures {
  const { gazetteer, seconds, memory } = load(job.file);
  const streets = cityStreets(job.size, job.types);
  const sample: CityStreet[] = Array.from({ length: LOOKUPS }, () => pick(streets));
  const numbers = sample.map(someNumber);
  // each pair once: a crossing asked again is remembered, so only first askings cost what a new corner costs
  const pairs = crossingPairs(streets)
    .sort(() => Math.random() - 0.5)
    .slice(0, LOOKUPS + CROSSING_WARM_UP);
  const warmUpPairs = pairs.splice(0, CROSSING_WARM_UP);
  const geocode = (fields: Parameters<typeof query>[0]) => geocodeWithGazetteer(gazetteer, query(fields));
  const found = (kind: string, answer: ReturnType<typeof geocode>, precision: string) => {
    if (answer?.precision !== precision) throw new Error(`${kind}: ${JSON.stringify(answer)} is not a ${precision}`);
  };
  const figures: LookupFigures = {
    'gazetteer: load from file': { size: job.size, ...seconds },
    'gazetteer: memory of a load': { size: job.size, ...memory },
  };
  const timed = (name: string, count: number, call: (i: number) => unknown, warmUp = call, warmUps = WARM_UP) => {
    figures[name] = { size: job.size, ...time(count, call, warmUp, warmUps) };
  };
  timed('gazetteer: exact address', LOOKUPS, (i) =>
    found('exact', geocode({ kind: 'address', number: numbers[i]!, street: sample[i]!.name.toLowerCase() }), 'address'),
  );
  timed('gazetteer: interpolated address', LOOKUPS, (i) =>
    found('interpolated', geocode({ kind: 'address', number: String(Number(numbers[i]) + 2), street: sample[i]!.name }), 'address'),
  );
  // the name's third letter doubled: a slip the fuzzy match must still find
  timed('gazetteer: misspelt street', LOOKUPS, (i) =>
    found(
      'misspelt',
      geocode({ kind: 'address', number: numbers[i]!, street: sample[i]!.name.replace(/^(\w\w)(\w)/, '$1$2$2') }),
      'address',
    ),
  );
  timed('gazetteer: block', LOOKUPS, (i) => found('block', geocode({ kind: 'street', number: '100', street: sample[i]!.name }), 'street'));
  const crossing = (pair: [CityStreet, CityStreet]) =>
    found('intersection', geocode({ kind: 'intersection', street: pair[0].name, cross_street: pair[1].name }), 'intersection');
  timed(
    'gazetteer: intersection, first asked',
    pairs.length,
    (i) => crossing(pairs[i]!),
    (i) => crossing(warmUpPairs[i]!),
    warmUpPairs.length,
  );
  // "211 Be": a number and the first letters of a street, as the form asks while the citizen types
  timed('gazetteer: form suggestions', LOOKUPS, (i) => gazetteer.suggest(`${numbers[i]} ${sample[i]!.name.slice(0, 2)}`, 8));
  return figures;
}

const job = JSON.parse(process.env.BENCH_GAZETTEER!) as LookupJob;
process.send!(measure(job), () => process.exit(0));
