import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { deletePrefix } from '@intake/testkit';
import autocannon from 'autocannon';

/**
 * `pnpm bench`: intake throughput against a floor measured in the same run on the same machine —
 * a bare express route that adds one BullMQ job per request. The ratio is the figure that matters.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 32;
const BODY = JSON.stringify({ description: 'big pothole outside 211 Bear St, almost lost a tire', phone: '403 555 0123' });
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function measure(url: string): Promise<number> {
  const result = await autocannon({ url, method: 'POST', connections: CONNECTIONS, duration: SECONDS, headers: { 'content-type': 'application/json' }, body: BODY });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result.requests.average;
}

async function main() {
  const prefix = `bench-${process.pid}`;
  const servers = spawn(process.execPath, [path.join(__dirname, 'server.js')], { env: { ...process.env, BENCH_PREFIX: prefix }, stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: servers.stdout! }), 'line')) as [string];
  const urls = JSON.parse(line) as { floor: string; intake: string };
  const rows: { round: number; floor: number; intake: number }[] = [];
  try {
    await measure(urls.floor);
    await measure(urls.intake);
    for (let round = 1; round <= ROUNDS; round += 1) rows.push({ round, floor: await measure(urls.floor), intake: await measure(urls.intake) });
  } finally {
    servers.kill();
    await Promise.all([deletePrefix(`${prefix}-gw`, REDIS_URL), deletePrefix(`${prefix}-bare`, REDIS_URL)]);
  }
  console.log(`intake throughput, ${CONNECTIONS} connections, ${SECONDS} s a run, alternating with the floor (servers in their own process)`);
  console.log('round  floor req/s  intake req/s  ratio');
  for (const { round, floor, intake } of rows) console.log(`${String(round).padStart(5)}  ${floor.toFixed(0).padStart(11)}  ${intake.toFixed(0).padStart(12)}  ${(intake / floor).toFixed(2)}`);
  const ratio = rows.reduce((sum, r) => sum + r.intake, 0) / rows.reduce((sum, r) => sum + r.floor, 0);
  console.log(`overall ratio intake/floor: ${ratio.toFixed(2)} (target >= 0.70)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
