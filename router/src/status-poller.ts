import type { Destination, LoadedConfig, Logger, Receipt, StatusListener, RedisClient } from '@intake/core';

/** External ids asked about in one call: keeps `?service_request_id=a,b,c` well inside URL limits. */
const BATCH = 50;
const DEFAULT_INTERVAL_MS = 60_000;

export interface StatusPollerDeps {
  config: LoadedConfig;
  log: Logger;
  /** a connection that waits out outages (the workers') */
  redis: RedisClient;
  /** where each status a CRM reports goes */
  onStatus: StatusListener;
}

/** A delivered request whose CRM status is followed: its Intake id and when following began. */
interface Followed {
  id: string;
  since: number;
}

export type Pollable = Destination & Required<Pick<Destination, 'pollStatus'>>;

export const pollable = (destination: Destination): destination is Pollable => typeof destination.pollStatus === 'function';

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/**
 * Asks the destinations that can be asked (`pollStatus`, e.g. Open311) what became of the requests they took, with
 * the same destination objects that deliver, and hands each report to `onStatus`. The requests followed live in
 * Redis, one hash per destination (external id -> request), so any worker process can poll; a lock lets one of them
 * do it per round.
 */
export class StatusPoller {
  private readonly timers: NodeJS.Timeout[] = [];
  /** rounds under way in this process, by destination: a slow CRM gets no second round on top, and stop waits */
  private readonly rounds = new Map<string, Promise<void>>();
  private readonly destinations = new Map<string, Pollable>();

  constructor(private readonly deps: StatusPollerDeps) {}

  private key(destination: string) {
    return `${this.deps.config.redis.prefix}:status-poll:${destination}`;
  }

  /** Polls the destination every `pollIntervalMs` from now on. */
  watch(name: string, destination: Pollable): void {
    if (this.destinations.has(name)) return;
    this.destinations.set(name, destination);
    const interval = destination.pollIntervalMs ?? DEFAULT_INTERVAL_MS;
    const timer = setInterval(() => {
      if (this.rounds.has(name)) return;
      const round = this.pollRound(name, destination, interval)
        .catch((error: Error) => this.deps.log.warn({ destination: name, err: error.message }, 'status poll failed'))
        .finally(() => this.rounds.delete(name));
      this.rounds.set(name, round);
    }, interval);
    timer.unref();
    this.timers.push(timer);
  }

  /** Called for every delivery: follows the request when its destination can be asked and gave an id. */
  async follow(requestId: string, destination: string, receipt: Receipt): Promise<void> {
    if (!this.destinations.has(destination) || !receipt.external_id) return;
    const followed: Followed = { id: requestId, since: Date.now() };
    await this.deps.redis.hset(this.key(destination), receipt.external_id, JSON.stringify(followed));
  }

  /** One round over a destination's followed requests, unless another process holds this round's lock. */
  private async pollRound(name: string, destination: Pollable, intervalMs: number): Promise<void> {
    const locked = await this.deps.redis.set(`${this.key(name)}:lock`, '1', 'PX', Math.max(1, Math.floor(intervalMs * 0.9)), 'NX');
    if (locked === null) return;
    let cursor = '0';
    do {
      const [next, flat] = await this.deps.redis.hscan(this.key(name), cursor, 'COUNT', BATCH);
      cursor = next;
      const entries: [string, Followed][] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) entries.push([flat[i]!, JSON.parse(flat[i + 1]!) as Followed]);
      for (const batch of chunks(entries, BATCH)) await this.pollBatch(name, destination, new Map(batch));
    } while (cursor !== '0');
  }

  /** Requests closed by the CRM, or no longer stored (past retention), stop being followed. */
  private async pollBatch(name: string, destination: Pollable, followed: Map<string, Followed>): Promise<void> {
    const expiredBefore = Date.now() - this.deps.config.redis.retention_days * 86_400_000;
    const finished = [...followed].filter(([, entry]) => entry.since < expiredBefore).map(([externalId]) => externalId);
    const asked = [...followed.keys()].filter((externalId) => !finished.includes(externalId));
    for (const report of await destination.pollStatus(asked)) {
      const entry = followed.get(report.external_id);
      if (entry === undefined) continue;
      const { stored } = await this.deps.onStatus(entry.id, report);
      if (!stored || report.closed) finished.push(report.external_id);
    }
    if (finished.length > 0) await this.deps.redis.hdel(this.key(name), ...finished);
  }

  /** Stops polling and waits for rounds under way; the destinations are the router's to close. */
  async close(): Promise<void> {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    await Promise.all(this.rounds.values());
  }
}
