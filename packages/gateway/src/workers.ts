import {
  InboundMessage,
  PIPELINE_JOB_OPTIONS,
  QUEUE,
  WORKER_RECOVERY_OPTIONS,
  createWorkerRedis,
  openQueue,
  type Connector,
  type IntakeJob,
  type MediaIntake,
  type LoadedConfig,
  type Logger,
  type RequestStore,
  type RouteJob,
  type StoredRequest,
  type ChannelRegistry,
  openWorker,
} from '@intake/core';
import type { Normalized, Normalizer } from '@intake/normalizer';
import type { IntakeRouter, Routed } from '@intake/router';
import type { Job } from 'bullmq';
import { acknowledgementTexts, addFollowUp, type Conversations, type RecentReports, type Replies } from '@intake/citizen';
import { importChannelMedia } from './channel-media.js';

/** What the intake stage does with a new request, decided before its first write (see planFor). */
type Plan = { kind: 'as-is' } | { kind: 'ask-where' } | { kind: 'route'; routed: Routed };

export interface PipelineDeps {
  config: LoadedConfig;
  log: Logger;
  store: RequestStore;
  normalizer: Normalizer;
  router: IntakeRouter;
  conversations: Conversations;
  replies: Replies;
  /** each reply address's latest report: what "STATUS" and follow-ups are about */
  recentReports: RecentReports;
  channels: ChannelRegistry;
  connectors: Connector[];
  media: MediaIntake;
}

/**
 * The pipeline stages as BullMQ workers: intake -> normalizer and router -> delivery queues, whose workers the
 * gateway starts where it runs the deliveries. A request that waits for the citizen's answer is routed from the
 * route queue, where it waits delayed.
 */
export function startPipelineWorkers(deps: PipelineDeps) {
  const { config, log, normalizer, router, replies } = deps;
  const connection = createWorkerRedis(config.redis);
  const prefix = config.redis.prefix;
  const routeQueue = openQueue<RouteJob>(QUEUE.route, connection, prefix, log);

  /** Routes now, or after `delay` ms (a repeat adds nothing: the job id is the request's). */
  const scheduleRoute = (id: string, delay = 0) => routeQueue.add(QUEUE.route, { id }, { ...PIPELINE_JOB_OPTIONS, jobId: id, delay });

  /** An answer that completes a waiting request promotes its delayed routing. */
  async function routeNow(id: string) {
    const waiting = await routeQueue.getJob(id);
    if (waiting !== undefined && (await waiting.isDelayed())) await waiting.promote();
    else await scheduleRoute(id);
  }

  /**
   * What a new request is to be before its first write: held for the citizen's answer when it has no usable place and
   * we can ask, else routed (a question is about no place of its own: it is passed on as it is, never held to ask
   * where). A message in a conversation is settled after its write, by afterNormalizing.
   */
  function planFor(message: InboundMessage, { request, needs_location: needsLocation }: Normalized): Plan {
    if (message.continues !== null) return { kind: 'as-is' };
    const asksWhere = needsLocation && request.record.intent !== 'question';
    if (
      asksWhere &&
      replies.canAnswer(request.reply_to?.channel) &&
      request.reply_to !== null &&
      request.record.event === 'service_request.created'
    )
      return { kind: 'ask-where' };
    // routed in this job and in the request's first write: a hop through the route queue cost a third of the
    // pipeline's queue work, and a second write a third of the store's; a retried job routes again, a no-op once done
    return { kind: 'route', routed: router.decide(request) };
  }

  const settled = (plan: Plan, request: StoredRequest) => {
    if (plan.kind === 'route') return { request: plan.routed.request, deliveries: plan.routed.deliveries };
    return { request: plan.kind === 'ask-where' ? { ...request, state: 'awaiting_location' as const } : request, deliveries: [] };
  };

  /** What follows the request's write: the answer it completes, the question of where, or its acknowledgement and deliveries. */
  async function afterNormalizing(message: InboundMessage, { request }: Normalized, plan: Plan) {
    const id = request.record.id;
    const answerable = replies.canAnswer(request.reply_to?.channel);
    if (request.reply_to !== null && request.reply_to.channel === message.channel) await replies.confirmRecipient(request.reply_to);
    if (request.reply_to !== null && message.continues === null)
      await deps.recentReports.remember(request.reply_to.to, { id, at: request.record.received_at });
    if (message.continues !== null) {
      // the answer we asked for completes its request; a reply in our thread about a request no longer stored becomes
      // a request that is never answered (no acknowledgement, no status), so an auto-responder and Intake cannot
      // write to each other forever
      if (message.continues === id) {
        await deps.conversations.close(request.reply_to);
        await routeNow(id);
      } else {
        await deps.store.update(id, (stored) => ({ ...stored, reply_to: null }));
        await scheduleRoute(id);
      }
      return;
    }
    if (plan.kind === 'ask-where' && request.reply_to !== null) {
      const windowMs = await deps.conversations.open(request.reply_to, id);
      await replies.enqueue(id, 'question', [{ key: 'reply.question' }]);
      await scheduleRoute(id, windowMs);
      return;
    }
    // a channel whose own answer acknowledged (TwiML) gets no second acknowledgement
    if (answerable && !deps.channels.traits(message.channel).acknowledgesInAnswer) {
      await replies.enqueue(id, 'acknowledgement', acknowledgementTexts(config, request));
    }
    if (plan.kind === 'route') await router.dispatch(plan.routed);
    else await router.route(id, request);
  }

  /** The citizen's words in the conversation of the request they went to; a retried job logs them once. */
  async function logTurn(id: string, message: InboundMessage) {
    const text = [message.subject, message.text].filter(Boolean).join('\n');
    await deps.store.addTurnOnce(id, { at: message.received_at, from: 'citizen', channel: message.channel, kind: message.id, text });
  }

  const normalize = async (job: Job<IntakeJob>) => {
    const message = await importChannelMedia(deps, InboundMessage.parse(job.data));
    // recorded before the job can finish and be removed, in case the accepting process could not
    if (message.external_id !== null) await deps.store.claimExternalId(message.channel, message.external_id, message.id);
    // what adds to a report that was passed on is an update of it, for the CRMs that took it: never a new work order
    const added = await addFollowUp(deps.store, message);
    if (added !== null) {
      await logTurn(added.request.record.id, message);
      await router.deliverUpdate(added.request.record.id, added.index);
      return;
    }
    let plan: Plan = { kind: 'as-is' };
    const normalized = await normalizer.normalize(message, (fresh) => settled((plan = planFor(message, fresh)), fresh.request));
    // side by side, so the turn goes to Redis in the same write as what follows it
    await Promise.all([logTurn(normalized.request.record.id, message), afterNormalizing(message, normalized, plan)]);
  };
  const route = async (job: Job<RouteJob>) => {
    await router.route(job.data.id);
  };

  const workers = [
    openWorker<IntakeJob>(QUEUE.intake, normalize, { connection, prefix, concurrency: 16, ...WORKER_RECOVERY_OPTIONS }, log),
    openWorker<RouteJob>(QUEUE.route, route, { connection, prefix, concurrency: 16, ...WORKER_RECOVERY_OPTIONS }, log),
  ];
  for (const worker of workers) {
    worker.on('failed', (job, error) =>
      log.warn({ queue: worker.name, job: job?.id, attempts: job?.attemptsMade, err: error.message }, 'pipeline job failed'),
    );
  }
  replies.start(connection);

  return {
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await routeQueue.close();
      connection.disconnect();
    },
  };
}
