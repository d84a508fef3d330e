import path from 'node:path';
import { resolveConfigPath } from '@intake/core';
import { readOpenAddresses, type AddressRow } from '@intake/normalizer';
import { measureAgainstEarlier, measureEndToEnd, measureRoutes, type PipelineSettings } from './pipeline.js';
import {
  printComparison,
  printFigure,
  printScaling,
  printSummary,
  writeResults,
  type Comparison,
  type Figure,
  type Results,
  type Scaling,
} from './report.js';
import { measureGazetteer } from './gazetteer.js';
import { measureDedupe, measureNormalizer, type Town } from './scale.js';
import { startCrm, startTwilio } from './stand-ins.js';
import { benchConfig, corpusTexts } from './town.js';

/**
 * `pnpm bench`: Intake against floors measured in the same run on the same machine, in alternating rounds — the intake
 * routes against a bare express route adding one BullMQ job, the pipeline end to end against three bare BullMQ hops —
 * then the normalizer alone, and dedupe and gazetteer costs at a big city's scale. Ratios are the figures that matter.
 */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2000);
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const SECTIONS = new Set((process.env.BENCH_ONLY ?? 'routes,pipeline,normalizer,dedupe,gazetteer').split(','));
const RESULTS_FILE = path.resolve(process.env.BENCH_RESULTS ?? '.intake/bench.json');

function townOf(settings: PipelineSettings): Town {
  const config = benchConfig(settings.env);
  const gazetteer = config.geocoding.providers.find((provider) => provider.type === 'gazetteer') as { file: string } | undefined;
  if (gazetteer === undefined) throw new Error('the bench needs a gazetteer in the configuration');
  const rows: AddressRow[] = [];
  readOpenAddresses(resolveConfigPath(config, gazetteer.file), (row) => rows.push(row));
  const center = {
    lat: rows.reduce((sum, row) => sum + row.lat, 0) / rows.length,
    long: rows.reduce((sum, row) => sum + row.long, 0) / rows.length,
  };
  return { config, center, texts: settings.texts, rows };
}

async function main() {
  const [crm, twilio] = await Promise.all([startCrm(), startTwilio()]);
  const settings: PipelineSettings = {
    // another checkout, built: this build is measured end to end against it too
    env: {
      redisUrl: REDIS_URL,
      prefix: `bench-${process.pid}`,
      sinkUrl: crm.url,
      twilioUrl: twilio.url,
      against: process.env.BENCH_AGAINST,
    },
    crm,
    texts: corpusTexts(),
    rounds: ROUNDS,
    seconds: SECONDS,
    messages: MESSAGES,
  };
  const results: Results = { comparisons: [], scalings: [], figures: [] };
  console.log(
    `pnpm bench: ${ROUNDS} rounds alternating with the floor, ${SECONDS} s a timed round, each server in its own process, ${settings.texts.length} corpus messages in turn`,
  );
  try {
    const compared = (found: Comparison[]) => {
      results.comparisons.push(...found);
      found.forEach(printComparison);
    };
    const measured = (found: Figure[]) => {
      results.figures.push(...found);
      found.forEach(printFigure);
    };
    const scaled = (found: Scaling[]) => {
      results.scalings.push(...found);
      found.forEach(printScaling);
    };
    if (SECTIONS.has('routes')) compared(await measureRoutes(settings));
    if (SECTIONS.has('pipeline')) compared(await measureEndToEnd(settings));
    if (settings.env.against !== undefined) compared([await measureAgainstEarlier(settings)]);
    const town = townOf(settings);
    if (SECTIONS.has('normalizer')) measured(await measureNormalizer(town));
    if (SECTIONS.has('dedupe')) scaled([await measureDedupe(town, SIZES)]);
    if (SECTIONS.has('gazetteer')) scaled(await measureGazetteer(town, SIZES));
  } finally {
    crm.close();
    twilio.close();
  }
  printSummary(results);
  writeResults(RESULTS_FILE, results);
  console.log(`\nwritten to ${RESULTS_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
