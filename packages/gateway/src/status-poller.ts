import type { Destination, LoadedConfig, Logger, Receipt } from '@intake/core';
import { destinationPlugins } from '@intake/router';
import type { Redis } from 'ioredis';
import type { RequestStatuses } from '@intake/citizen';

/** External ids asked about in one call: keeps `?service_request_id=a,b,c` well inside URL limits. */
const BATCH = 50;
const DEFAULT_INTERVAL_MS = 60_000;

export interface StatusPollerDeps {
  config: LoadedConfig;
  log: Logger;
  statuses: RequestStatuses;
  /** a connection that waits out outages (the workers') */
  redis: Redis;
}

/** A delivered request whose CRM status is followed: its Intake id and when following began. */
interface Followed {
  id: string;
  since: number;
}

type Pollable = Destination & Required<Pick<Destination, 'pollStatus'>>;

const pollable = (destination: Destination): destination is Pollable => typeof destination.pollStatus === 'function';

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** The configured destinations that can be asked for status (Open311), created apart from the delivery workers'. */
function pollableDestinations(config: LoadedConfig, log: Logger): Map<string, Pollable> {
  const found = new Map<string, Pollable>();
  for (const [name, options] of Object.entries(config.router.destinations)) {
    const plugin = destinationPlugins.find((candidate) => candidate.type === options.type);
    const destination = plugin?.create(plugin.options.parse(options), { config, log: log.child({ destination: name, stage: 'status-poller' }) });
    if (destination !== undefined && pollable(destination)) found.set(name, destination);
    else destination?.close?.().catch(() => undefined);
  }
  return found;
}

/**
 * Asks CRMs that can be asked (a destination with `pollStatus`) what became of the requests they took, and passes
 * each change to the citizen as the status route does. The requests followed live in Redis, one hash per
 * destination (external id -> request), so any worker process can poll; a lock lets one of them do it per round.
 */
export class StatusPoller {
  private readonly timers: NodeJS.Timeout[] = [];
  /** rounds under way in this process, by destination: a slow CRM gets no second round on top, and stop waits */
  private readonly rounds = new Map<string, Promise<void>>();
  private readonly destinations: Map<string, Pollable>;

  constructor(private readonly deps: StatusPollerDeps) {
    this.destinations = pollableDestinations(deps.config, deps.log);
  }

  private key(destination: string) {
    return `${this.deps.config.redis.prefix}:status-poll:${destination}`;
  }

  /** Called for every delivery: follows the request when its destination can be asked and gave an id. */
  async follow(requestId: string, destination: string, receipt: Receipt): Promise<void> {
    if (!this.destinations.has(destination) || !receipt.external_id) return;
    const followed: Followed = { id: requestId, since: Date.now() };
    await this.deps.redis.hset(this.key(destination), receipt.external_id, JSON.stringify(followed));
  }

  start(): void {
    if (this.timers.length > 0) return;
    for (const [name, destination] of this.destinations) {
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
      const recorded = await this.deps.statuses.record(entry.id, { status: report.status, note: report.notes }).catch((error: Error) => {
        // a word the town has not mapped: nothing to record, and the operator is the one who can fix it
        this.deps.log.warn({ destination: name, err: error.message }, 'status not recorded');
        return undefined;
      });
      if (recorded === null || report.closed) finished.push(report.external_id);
    }
    if (finished.length > 0) await this.deps.redis.hdel(this.key(name), ...finished);
  }

  async close(): Promise<void> {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    await Promise.all(this.rounds.values());
    await Promise.all([...this.destinations.values()].map((destination) => destination.close?.()));
  }
}
