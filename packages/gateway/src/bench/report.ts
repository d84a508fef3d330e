import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Intake against its floor, measured in alternating rounds of one run. */
export interface Comparison {
  name: string;
  unit: string;
  /** `min`: the ratio intake/floor must reach it; `max`: it must stay under it */
  target: { min: number } | { max: number };
  rounds: { floor: number; intake: number }[];
  /** figures beside the rounds (CPU per message, ...), for reading, not judged */
  notes?: string;
}

/** A cost measured at growing sizes: the figure at the largest size, and its growth from the smallest. */
export interface Scaling {
  name: string;
  unit: string;
  sizes: { size: number; value: number; notes?: string }[];
  target?: { maxValue: number; maxGrowth?: number };
}

/** A figure with nothing to compare it with in the same process (the normalizer alone). */
export interface Figure {
  name: string;
  unit: string;
  value: number;
  notes?: string;
}

export interface Results {
  comparisons: Comparison[];
  scalings: Scaling[];
  figures: Figure[];
}

const ratioOf = (c: Comparison) => c.rounds.reduce((sum, r) => sum + r.intake, 0) / c.rounds.reduce((sum, r) => sum + r.floor, 0);
const meets = (c: Comparison) => ('min' in c.target ? ratioOf(c) >= c.target.min : ratioOf(c) < c.target.max);
const growthOf = (s: Scaling) => s.sizes.at(-1)!.value / s.sizes[0]!.value;
const scalingMeets = (s: Scaling) =>
  s.target === undefined || (s.sizes.at(-1)!.value < s.target.maxValue && growthOf(s) < (s.target.maxGrowth ?? Infinity));

const growthTarget = (s: Scaling) => (s.target?.maxGrowth === undefined ? '' : `, growth < ${s.target.maxGrowth}x`);
const figure = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toPrecision(2));
const targetText = (c: Comparison) => ('min' in c.target ? `>= ${c.target.min}` : `< ${c.target.max}`);
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

export function printComparison(c: Comparison): void {
  console.log(`\n${c.name} (${c.unit})${c.notes ? `: ${c.notes}` : ''}`);
  console.log('  round       floor      intake   ratio');
  c.rounds.forEach((r, i) =>
    console.log(
      `  ${String(i + 1).padStart(5)}  ${figure(r.floor).padStart(10)}  ${figure(r.intake).padStart(10)}  ${(r.intake / r.floor).toFixed(2).padStart(6)}`,
    ),
  );
  console.log(`  ratio ${ratioOf(c).toFixed(2)} (target ${targetText(c)}: ${verdict(meets(c))})`);
}

export function printScaling(s: Scaling): void {
  const target = s.target ? ` (target < ${s.target.maxValue} ${s.unit} at the largest${growthTarget(s)}: ${verdict(scalingMeets(s))})` : '';
  console.log(`\n${s.name} (${s.unit})`);
  for (const { size, value, notes } of s.sizes)
    console.log(`  ${size.toLocaleString('en').padStart(10)}  ${figure(value).padStart(10)}${notes ? `  ${notes}` : ''}`);
  console.log(`  growth ${growthOf(s).toFixed(2)}x${target}`);
}

export function printFigure(f: Figure): void {
  console.log(`\n${f.name}: ${figure(f.value)} ${f.unit}${f.notes ? ` (${f.notes})` : ''}`);
}

/** The summary table, as the README shows it: the notes carry the CPU figures, which load moves less than rates. */
export function printSummary({ comparisons, scalings, figures }: Results): void {
  console.log('\n| measure | floor | intake | ratio | target | notes |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const c of comparisons) {
    const mean = (pick: (r: Comparison['rounds'][number]) => number) =>
      figure(c.rounds.reduce((sum, r) => sum + pick(r), 0) / c.rounds.length);
    console.log(
      `| ${c.name} (${c.unit}) | ${mean((r) => r.floor)} | ${mean((r) => r.intake)} | ${ratioOf(c).toFixed(2)} | ${targetText(c)} ${verdict(meets(c))} | ${c.notes ?? ''} |`,
    );
  }
  for (const s of scalings) {
    const values = s.sizes.map(({ size, value }) => `${figure(value)} at ${size.toLocaleString('en')}`).join(', ');
    const target = s.target ? `< ${s.target.maxValue}${growthTarget(s)} ${verdict(scalingMeets(s))}` : '';
    const notes = s.sizes
      .map(({ size, notes: at }) => (at ? `${size.toLocaleString('en')}: ${at}` : ''))
      .filter(Boolean)
      .join('; ');
    console.log(`| ${s.name} (${s.unit}) | | ${values} | growth ${growthOf(s).toFixed(2)}x | ${target} | ${notes} |`);
  }
  for (const f of figures) console.log(`| ${f.name} (${f.unit}) | | ${figure(f.value)} | | | ${f.notes ?? ''} |`);
}

export function writeResults(file: string, { comparisons, scalings, figures }: Results): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const results = {
    at: new Date().toISOString(),
    comparisons: comparisons.map((c) => ({ ...c, ratio: ratioOf(c), met: meets(c) })),
    scalings: scalings.map((s) => ({ ...s, growth: growthOf(s), met: scalingMeets(s) })),
    figures,
  };
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
