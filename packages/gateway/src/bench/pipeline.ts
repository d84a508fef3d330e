import { startServer, type ServerKind, type ServerProcess } from './children.js';
import { hammer, messageSource, paced, type Channel } from './load.js';
import type { Comparison } from './report.js';
import type { Crm } from './stand-ins.js';
import type { BenchEnv } from './town.js';

export interface PipelineSettings {
  env: BenchEnv;
  crm: Crm;
  texts: readonly string[];
  rounds: number;
  seconds: number;
  /** messages per end-to-end throughput round */
  messages: number;
}

const NO_PROGRESS_MS = 30_000;

/** CPU time the servers used per message, summed over the measured rounds (the warm-up left out). */
class CpuTally {
  private readonly totals = new Map<ServerKind, { ms: number; messages: number }>();

  /** Runs `work`, which handles `messages(result)` messages on `server`, and adds the CPU it cost unless it was a warm-up. */
  async around<T>(server: ServerProcess, warmup: boolean, work: () => Promise<T>, messages: (result: T) => number): Promise<T> {
    const before = await server.cpuMs();
    const result = await work();
    const used = (await server.cpuMs()) - before;
    if (!warmup) {
      const total = this.totals.get(server.kind) ?? { ms: 0, messages: 0 };
      this.totals.set(server.kind, { ms: total.ms + used, messages: total.messages + messages(result) });
    }
    return result;
  }

  perMessage(kind: ServerKind): string {
    const total = this.totals.get(kind);
    return total === undefined ? '?' : (total.ms / total.messages).toFixed(2);
  }
}

/** Starts the servers, runs `round` once per server as a warm-up, then `rounds` times alternating, and stops them. */
async function alternate(
  kinds: readonly ServerKind[],
  settings: PipelineSettings,
  round: (server: ServerProcess, warmup: boolean) => Promise<number>,
): Promise<number[][]> {
  const servers = await Promise.all(kinds.map((kind) => startServer(kind, settings.env)));
  try {
    for (const server of servers) await round(server, true);
    const figures: number[][] = [];
    for (let i = 0; i < settings.rounds; i += 1) {
      const row: number[] = [];
      for (const server of servers) row.push(await round(server, false));
      figures.push(row);
    }
    return figures;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

/** Each intake route (web JSON, signed Twilio SMS) against the bare route, HTTP only and with the workers in the process. */
export async function measureRoutes(settings: PipelineSettings): Promise<Comparison[]> {
  const comparisons: Comparison[] = [];
  for (const channel of ['web', 'sms'] as Channel[]) {
    const next = messageSource(channel, settings.texts);
    const cpu = new CpuTally();
    const figures = await alternate(['route-floor', 'intake-http', 'intake'], settings, async (server, warmup) => {
      // with the workers in the process, what the messages cost is counted until they are delivered
      const posted = await cpu.around(
        server,
        warmup,
        async () => {
          const result = await hammer(server.url, next, { seconds: settings.seconds });
          await server.drained();
          return result;
        },
        (result) => result.total,
      );
      return posted.perSecond;
    });
    const name = channel === 'web' ? 'web report route' : 'Twilio SMS route';
    const notes = (kind: ServerKind) =>
      `server CPU per request ${cpu.perMessage('route-floor')} ms floor, ${cpu.perMessage(kind)} ms intake${kind === 'intake' ? ' (through delivery)' : ''}`;
    comparisons.push({
      name: `${name}, --http-only`,
      unit: 'requests/s',
      target: { min: 0.8 },
      rounds: figures.map(([floor, intake]) => ({ floor: floor!, intake: intake! })),
      notes: notes('intake-http'),
    });
    comparisons.push({
      name: `${name}, workers in the process`,
      unit: 'requests/s',
      target: { min: 0.6 },
      rounds: figures.map(([floor, , intake]) => ({ floor: floor!, intake: intake! })),
      notes: notes('intake'),
    });
  }
  return comparisons;
}

/** Resolves once every id has reached the CRM; fails when nothing arrives for a long while. */
async function untilDelivered(crm: Crm, ids: () => Iterable<string>, count: number): Promise<void> {
  let lastProgress = Date.now();
  let seen = -1;
  for (;;) {
    const arrived = [...ids()].filter((id) => crm.arrivals.has(id)).length;
    if (arrived >= count) return;
    if (arrived > seen) [seen, lastProgress] = [arrived, Date.now()];
    if (Date.now() - lastProgress > NO_PROGRESS_MS) throw new Error(`${count - arrived} of ${count} messages never reached the CRM`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A burst of `settings.messages` from `next` until all reached the CRM, as messages a second, its CPU added to `cpu`. */
function burstRound(settings: PipelineSettings, next: ReturnType<typeof messageSource>, cpu: CpuTally) {
  const { crm } = settings;
  return async (server: ServerProcess, warmup: boolean) => {
    const before = new Set(crm.arrivals.keys());
    const fresh = () => [...crm.arrivals.keys()].filter((id) => !before.has(id));
    const start = performance.now();
    await cpu.around(
      server,
      warmup,
      async () => {
        await hammer(server.url, next, { amount: settings.messages });
        await untilDelivered(crm, fresh, settings.messages);
      },
      () => settings.messages,
    );
    const last = Math.max(...fresh().map((id) => crm.arrivals.get(id)!));
    await server.drained();
    return (settings.messages * 1000) / (last - start);
  };
}

/**
 * End to end, from POST to the signed record at the CRM, against the bare three-hop pipeline: throughput for a burst of
 * messages, then latency at a steady rate of half the floor's throughput.
 */
export async function measureEndToEnd(settings: PipelineSettings): Promise<Comparison[]> {
  const { crm } = settings;
  const next = messageSource('web', settings.texts);
  const cpu = new CpuTally();
  const throughput = await alternate(['pipeline-floor', 'intake'], settings, burstRound(settings, next, cpu));
  const floorRate = throughput.reduce((sum, [floor]) => sum + floor!, 0) / throughput.length;
  const rate = Math.max(1, Math.round(floorRate / 2));
  const steady = async (server: ServerProcess) => {
    const posted = await paced(server.url, next, rate, settings.seconds);
    await untilDelivered(crm, () => posted.keys(), posted.size);
    const latencies = [...posted].map(([id, at]) => crm.arrivals.get(id)! - at).sort((a, b) => a - b);
    await server.drained();
    return latencies[Math.floor(latencies.length * 0.99)]!;
  };
  const p99 = await alternate(['pipeline-floor', 'intake'], settings, steady);
  return [
    {
      name: 'end to end, POST to signed webhook',
      unit: 'messages/s',
      target: { min: 0.65 },
      rounds: throughput.map(([floor, intake]) => ({ floor: floor!, intake: intake! })),
      notes: `${settings.messages} messages a round; server CPU per message ${cpu.perMessage('pipeline-floor')} ms floor, ${cpu.perMessage('intake')} ms intake`,
    },
    {
      name: `end to end p99 at ${rate} messages/s`,
      unit: 'ms, POST to delivery',
      target: { max: 3 },
      rounds: p99.map(([floor, intake]) => ({ floor: floor!, intake: intake! })),
    },
  ];
}

/**
 * This build end to end against another checkout's (BENCH_AGAINST, built), in alternating rounds: what one change
 * gains, on a machine whose rounds vary more from run to run than a change moves them. Its "floor" is the earlier build.
 */
export async function measureAgainstEarlier(settings: PipelineSettings): Promise<Comparison> {
  const cpu = new CpuTally();
  const throughput = await alternate(
    ['intake-earlier', 'intake'],
    settings,
    burstRound(settings, messageSource('web', settings.texts), cpu),
  );
  return {
    name: `end to end, this build against ${settings.env.against}`,
    unit: 'messages/s',
    target: { min: 1 },
    rounds: throughput.map(([before, now]) => ({ floor: before!, intake: now! })),
    notes: `${settings.messages} messages a round; server CPU per message ${cpu.perMessage('intake-earlier')} ms before, ${cpu.perMessage('intake')} ms now`,
  };
}
