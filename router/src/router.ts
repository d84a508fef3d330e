import { randomUUID } from 'node:crypto';
import {
  ConfigError,
  QUEUE,
  WORKER_RECOVERY_OPTIONS,
  badRequest,
  createWorkerRedis,
  deliveryQueueName,
  metrics,
  notFound,
  openQueue,
  type DeadLetterJob,
  type DeliveryJob,
  type DeliveryState,
  type Destination,
  type DestinationPlugin,
  type LoadedConfig,
  type Logger,
  type PluginOptions,
  type RequestStore,
  type SmtpSettings,
  type StatusListener,
  type StoredRequest,
  openWorker,
} from '@intake/core';
import type { JobsOptions, Queue, Worker } from 'bullmq';
import { deliveryProcessor, deliveryState, deliveryStateKey, setDeliveryState, type DeliveredHook } from './delivery.js';
import { destinationPlugins } from './destinations/index.js';
import type { QueueSettings } from './destinations/options.js';
import { createRules, type Decision, type Rules } from './rules.js';
import { StatusPoller, pollable } from './status-poller.js';

export interface RouterDeps {
  config: LoadedConfig;
  store: RequestStore;
  log: Logger;
  onDelivered?: DeliveredHook;
  /** where the statuses of destinations that can be asked (Open311) go; without it no CRM is asked */
  onStatus?: StatusListener;
  /** the town's SMTP server, from a channel that sends mail, for the destinations that mail without one of their own */
  outgoingMail?: SmtpSettings;
}

/** A delivery that gave up, as an operator lists it; `entry_id` is what replay() takes. */
export interface DeadLetterEntry extends DeadLetterJob {
  entry_id: string;
}

/** A request as the route stage leaves it, before it is written: what `dispatch` then queues. */
export interface Routed {
  request: StoredRequest;
  /** the destinations' delivery states to start, 'queued' (the store keeps any a destination has already) */
  deliveries: DeliveryState[];
  decision: Decision;
  /** false when the request was routed before (a repeat) */
  first: boolean;
}

export interface IntakeRouter {
  rules: Rules;
  /**
   * The route stage: decide, save record.routing and state 'routed', queue one delivery per destination. Repeats are
   * no-ops. `read` is the request as the store just wrote or read it: routed without reading it again.
   */
  route(id: string, read?: StoredRequest): Promise<Decision>;
  /** route() in two halves, for a request about to be written anyway: the decision on it, then, once written, its deliveries queued. */
  decide(request: StoredRequest): Routed;
  dispatch(routed: Routed): Promise<void>;
  /**
   * Sends an update (the timeline event at `update`) to every destination the request was routed to, as
   * `service_request.updated` or the CRM's own update call; never a new work order. Repeats are no-ops. Returns
   * the destinations; none when the request was not routed yet (its record will carry the update's photos).
   */
  deliverUpdate(id: string, update: number): Promise<string[]>;
  /** One BullMQ worker per configured destination, with its rate limit. */
  startDeliveryWorkers(): void;
  deadLetters(limit?: number): Promise<DeadLetterEntry[]>;
  /** The entries an operator means by an entry id or a request id (all of that request's entries). */
  findDeadLetters(entryOrRequestId: string): Promise<DeadLetterEntry[]>;
  /** Queues a dead letter to its destination again (a new job) and removes it from the dead-letter queue. */
  replay(entryId: string): Promise<void>;
  /** Replays every dead letter of one destination, or of all; returns how many. */
  replayAll(destination?: string): Promise<number>;
  /** Drops dead letters for good: one entry, or every entry of a destination (or of all). Returns how many. */
  purge(target: { entry_id: string } | { destination?: string }): Promise<number>;
  /** Sends a request (or, named `<destination>@update-<n>`, an update) to one destination again, even one that took it already (the same idempotency key). */
  resend(id: string, destination: string): Promise<void>;
  /** Job counts (waiting, active, delayed, failed) per delivery queue and for the dead-letter queue. */
  queueDepths(): Promise<Record<string, Record<string, number>>>;
  close(): Promise<void>;
}

interface ConfiguredDestination {
  name: string;
  plugin: DestinationPlugin;
  options: PluginOptions;
  settings: QueueSettings;
  queue: Queue<DeliveryJob>;
}

const DELIVERY_JOB = 'deliver';
const DAY_SECONDS = 86_400;
const DEAD_LETTER_PAGE = 500;
/** the metric label when no rule matched */
const DEFAULT_RULE_LABEL = '(default)';

// BullMQ refuses ':' in custom job ids; '@' cannot occur in a destination name.
const deliveryJobId = (id: string, destination: string, update?: number) =>
  update === undefined ? `${id}@${destination}` : `${id}@${destination}@update-${update}`;
const replayJobId = (id: string, destination: string, update?: number) =>
  `${deliveryJobId(id, destination, update)}@replay-${randomUUID()}`;

/**
 * A destination's plugin and its options, which the config loader has parsed with the plugin's own schema (every
 * destination's options extend the queue settings, defaults filled in): they are taken as they are, not parsed again.
 */
function pluginOf(name: string, options: PluginOptions): { plugin: DestinationPlugin; options: PluginOptions; settings: QueueSettings } {
  const plugin = destinationPlugins.find((candidate) => candidate.type === options.type);
  if (plugin === undefined) {
    const known = destinationPlugins.map((p) => p.type).join(', ');
    throw new ConfigError([`router.destinations.${name}.type: unknown type "${options.type}" (known: ${known})`]);
  }
  return { plugin, options, settings: options as PluginOptions & QueueSettings };
}

export function createRouter({ config, store, log: parentLog, onDelivered, onStatus, outgoingMail }: RouterDeps): IntakeRouter {
  const log = parentLog.child({ stage: 'router' });
  const rules = createRules(config);
  const connection = createWorkerRedis(config.redis);
  connection.on('error', (error: Error) => log.warn({ err: error.message }, 'redis connection error'));
  const queueOptions = { connection, prefix: config.redis.prefix };

  const destinations = new Map<string, ConfiguredDestination>(
    Object.entries(config.router.destinations).map(([name, raw]) => [
      name,
      { name, ...pluginOf(name, raw), queue: openQueue<DeliveryJob>(deliveryQueueName(name), connection, config.redis.prefix, log) },
    ]),
  );
  const deadLetterQueue = openQueue<DeadLetterJob>(QUEUE.deadLetter, connection, config.redis.prefix, log);
  const workers: Worker<DeliveryJob>[] = [];
  const created: Destination[] = [];
  const statusPoller = onStatus === undefined ? null : new StatusPoller({ config, log, redis: connection, onStatus });
  const delivered: DeliveredHook = async (id, destination, receipt, request) => {
    await onDelivered?.(id, destination, receipt, request);
    await statusPoller?.follow(id, destination, receipt);
  };

  const jobOptions: JobsOptions = {
    attempts: config.delivery.attempts,
    backoff: { type: 'exponential', delay: config.delivery.backoff_ms },
    // A kept job makes a repeated route() a no-op; after a day the stored 'delivered' state still stops a repeat.
    removeOnComplete: { age: DAY_SECONDS },
    removeOnFail: { age: 7 * DAY_SECONDS },
  };

  const destinationNamed = (name: string) => {
    const destination = destinations.get(name);
    if (destination === undefined) throw badRequest(`destination "${name}" is not configured`);
    return destination;
  };

  async function enqueue(id: string, destination: string, jobId: string, update?: number) {
    const job = update === undefined ? { id, destination } : { id, destination, update };
    await destinationNamed(destination).queue.add(DELIVERY_JOB, job, { ...jobOptions, jobId });
  }

  async function deliverUpdate(id: string, update: number): Promise<string[]> {
    const known = new Set((await store.deliveries(id)).map((state) => state.destination));
    const taken = [...known].filter((name) => destinations.has(name));
    for (const destination of taken) {
      const stateKey = deliveryStateKey(destination, update);
      // a repeat must not reset an update's delivery that is under way or done
      if (!known.has(stateKey)) await setDeliveryState(store, id, stateKey, { status: 'queued', attempts: 0 });
      await enqueue(id, destination, deliveryJobId(id, destination, update), update);
    }
    if (taken.length > 0) log.info({ id, update, deliver_to: taken }, 'update routed');
    return taken;
  }

  function decide(request: StoredRequest): Routed {
    const decision = rules.decide(request.record);
    return {
      request: {
        ...request,
        state: 'routed',
        record: { ...request.record, routing: { rule: decision.rule, priority: decision.priority } },
      },
      // only destinations without a state start as 'queued': a repeat must not reset a delivery under way or done
      deliveries: decision.deliver_to.map((destination) => deliveryState(destination, { status: 'queued', attempts: 0 })),
      decision,
      first: request.state !== 'routed',
    };
  }

  async function dispatch({ request, decision, first }: Routed): Promise<void> {
    const { id } = request.record;
    if (first) metrics.routed.inc({ rule: decision.rule ?? DEFAULT_RULE_LABEL });
    await Promise.all(decision.deliver_to.map((destination) => enqueue(id, destination, deliveryJobId(id, destination))));
    if (decision.deliver_to.length === 0) log.warn({ id, rule: decision.rule }, 'routed to no destination');
    else log.info({ id, rule: decision.rule, priority: decision.priority, deliver_to: decision.deliver_to }, 'routed');
  }

  async function route(id: string, read?: StoredRequest): Promise<Decision> {
    // decided inside the update, on the record as stored: one read, and one write that also starts the deliveries
    let routed: Routed | undefined;
    const updated = await store.update(
      id,
      (current) => (routed = decide(current)).request,
      () => routed?.deliveries ?? [],
      read,
    );
    if (updated === null || routed === undefined) throw notFound(`request ${id} not found`);
    await dispatch(routed);
    return routed.decision;
  }

  function startDeliveryWorkers() {
    if (workers.length > 0) return;
    for (const { name, plugin, options, settings } of destinations.values()) {
      const destination = plugin.create(options, { config, log: log.child({ destination: name }), outgoingMail });
      created.push(destination);
      // the destination that delivers is the one asked for status: its CRM client exists once
      if (statusPoller !== null && pollable(destination)) statusPoller.watch(name, destination);
      const rateLimit = settings.rate_limit ?? config.delivery.rate_limit;
      const worker = openWorker<DeliveryJob>(
        deliveryQueueName(name),
        deliveryProcessor(
          { name, destination, team: settings.team ?? null },
          { store, log, deadLetters: deadLetterQueue, onDelivered: delivered },
        ),
        {
          ...queueOptions,
          ...WORKER_RECOVERY_OPTIONS,
          concurrency: settings.concurrency,
          limiter: rateLimit && { max: rateLimit.max, duration: rateLimit.per_seconds * 1000 },
        },
        log,
      );
      workers.push(worker);
    }
  }

  async function deadLetters(limit = 100): Promise<DeadLetterEntry[]> {
    const jobs = await deadLetterQueue.getJobs(['waiting'], 0, limit - 1, true);
    return jobs.filter((job) => job?.id !== undefined).map((job) => ({ entry_id: job.id as string, ...job.data }));
  }

  /** Every entry, a page at a time: replay-all and purge-all must not stop at the first hundred. */
  async function allDeadLetters(destination?: string): Promise<DeadLetterEntry[]> {
    const all: DeadLetterEntry[] = [];
    for (let start = 0; ; start += DEAD_LETTER_PAGE) {
      const jobs = await deadLetterQueue.getJobs(['waiting'], start, start + DEAD_LETTER_PAGE - 1, true);
      all.push(...jobs.filter((job) => job?.id !== undefined).map((job) => ({ entry_id: job.id as string, ...job.data })));
      if (jobs.length < DEAD_LETTER_PAGE) break;
    }
    return destination === undefined ? all : all.filter((entry) => entry.destination === destination);
  }

  async function findDeadLetters(entryOrRequestId: string): Promise<DeadLetterEntry[]> {
    const entry = await deadLetterQueue.getJob(entryOrRequestId);
    if (entry?.id !== undefined) return [{ entry_id: entry.id, ...entry.data }];
    return (await allDeadLetters()).filter((candidate) => candidate.id === entryOrRequestId);
  }

  async function replayAll(destination?: string): Promise<number> {
    if (destination !== undefined) destinationNamed(destination);
    const entries = await allDeadLetters(destination);
    for (const entry of entries) await replay(entry.entry_id);
    return entries.length;
  }

  async function purge(target: { entry_id: string } | { destination?: string }): Promise<number> {
    if ('entry_id' in target) {
      const entry = await deadLetterQueue.getJob(target.entry_id);
      if (entry === undefined) throw notFound(`no dead letter ${target.entry_id}`);
      await entry.remove();
      return 1;
    }
    const entries = await allDeadLetters(target.destination);
    await Promise.all(entries.map((entry) => deadLetterQueue.remove(entry.entry_id)));
    log.info({ destination: target.destination ?? '(all)', purged: entries.length }, 'dead letters purged');
    return entries.length;
  }

  async function resend(id: string, destinationOrUpdate: string): Promise<void> {
    // an update's delivery row is named `<destination>@update-<n>`, as deliveryStateKey writes it
    const [, destination = destinationOrUpdate, index] = /^(.+)@update-(\d+)$/.exec(destinationOrUpdate) ?? [];
    const update = index === undefined ? undefined : Number(index);
    destinationNamed(destination);
    if ((await store.get(id)) === null) throw notFound(`request ${id} not found`);
    await setDeliveryState(store, id, deliveryStateKey(destination, update), { status: 'queued', attempts: 0 });
    await enqueue(id, destination, replayJobId(id, destination, update), update);
    log.info({ id, destination, update }, 'resent by an operator');
  }

  async function replay(entryId: string): Promise<void> {
    const entry = await deadLetterQueue.getJob(entryId);
    if (entry === undefined) throw notFound(`no dead letter ${entryId}`);
    const { id, destination, update } = entry.data;
    destinationNamed(destination);
    const stateKey = deliveryStateKey(destination, update);
    const current = (await store.deliveries(id)).find((state) => state.destination === stateKey);
    if (current?.status !== 'delivered') await setDeliveryState(store, id, stateKey, { status: 'queued', attempts: 0 });
    // Queue the new job before removing the entry: a crash in between leaves a duplicate entry, never a lost one.
    await enqueue(id, destination, replayJobId(id, destination, update), update);
    await entry.remove();
    log.info({ id, destination, entry: entryId }, 'dead letter replayed');
  }

  async function queueDepths(): Promise<Record<string, Record<string, number>>> {
    const queues = [...[...destinations.values()].map((destination) => destination.queue), deadLetterQueue];
    const counts = await Promise.all(
      queues.map(async (queue) => [queue.name, await queue.getJobCounts('waiting', 'active', 'delayed', 'failed')] as const),
    );
    return Object.fromEntries(counts);
  }

  async function close() {
    await Promise.all(workers.map((worker) => worker.close()));
    await statusPoller?.close();
    await Promise.all([...[...destinations.values()].map((destination) => destination.queue.close()), deadLetterQueue.close()]);
    await Promise.all(created.map((destination) => destination.close?.()));
    await connection.quit();
  }

  return {
    rules,
    route,
    decide,
    dispatch,
    deliverUpdate,
    startDeliveryWorkers,
    deadLetters,
    findDeadLetters,
    replay,
    replayAll,
    purge,
    resend,
    queueDepths,
    close,
  };
}
