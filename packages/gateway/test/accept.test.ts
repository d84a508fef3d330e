import {
  QUEUE,
  RateLimits,
  RequestStore,
  createFastFailRedis,
  createLogger,
  intakeJobId,
  openQueue,
  type IntakeJob,
  type RedisClient,
} from '@intake/core';
import { deletePrefix, uniquePrefix } from '@intake/testkit';
import type { Queue } from 'bullmq';
import { createAccept } from '../src/accept.js';
import { Conversations } from '@intake/citizen';
import { channels } from '../src/plugins.js';
import { demoConfig } from './harness.js';

describe('accept: one channel id, one request', () => {
  const config = demoConfig((raw) => {
    raw.redis.prefix = uniquePrefix('accept');
  });
  let redis: RedisClient;
  let queue: Queue<IntakeJob>;
  let store: RequestStore;
  let accept: ReturnType<typeof createAccept>;
  /** the same, with a per-sender limit of two messages */
  let limitedAccept: ReturnType<typeof createAccept>;

  beforeAll(() => {
    redis = createFastFailRedis(config.redis, { enableOfflineQueue: true });
    queue = openQueue<IntakeJob>(QUEUE.intake, redis, config.redis.prefix, createLogger({ level: 'silent' }));
    store = new RequestStore(redis, config.redis.prefix);
    const deps = { intakeQueue: queue, store, conversations: new Conversations(redis, config, channels) };
    accept = createAccept(deps);
    const limits = { per_client: null, key_failures: null, per_sender: { max: 2, per_seconds: 3600 } };
    limitedAccept = createAccept({ ...deps, senderLimit: new RateLimits(redis, config.redis.prefix, limits) });
  });
  afterAll(async () => {
    await queue.close();
    redis.disconnect();
    await deletePrefix(config.redis.prefix);
  });

  const sms = (sid: string) => ({
    channel: 'sms' as const,
    external_id: sid,
    text: 'streetlight out at 211 Bear St',
    sender: { phone: '+14035550123' },
  });

  it('answers twenty concurrent deliveries of one message with one id, and writes one job', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => accept(sms('SM-concurrent'))));
    const ids = new Set(answers.map((a) => a.id));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => !a.duplicate)).toHaveLength(1);
    const jobs = await queue.getJobs(['waiting'], 0, -1);
    expect(jobs.filter((job) => job.data.external_id === 'SM-concurrent').map((job) => job.data.id)).toEqual([...ids]);
  });

  it('answers a retry with the written message when the claim was never recorded (a crash between the two writes)', async () => {
    const first = await accept(sms('SM-unclaimed'));
    // what a process killed after the queue write leaves: the job, and no claim
    await redis.del(...(await redis.keys(`${config.redis.prefix}:seen:*`)));
    expect(await store.externalIdHolder('sms', 'SM-unclaimed')).toBeNull();

    const retry = await accept(sms('SM-unclaimed'));
    expect(retry).toEqual({
      id: first.id,
      reference: first.reference,
      tracking_path: first.tracking_path,
      duplicate: true,
      continues: null,
    });
    expect(await store.externalIdHolder('sms', 'SM-unclaimed')).toBe(first.id);
  });

  it('never answers a claim as a duplicate unless its job was written', async () => {
    const answer = await accept(sms('SM-written'));
    const job = await queue.getJob(intakeJobId({ id: answer.id, channel: 'sms', external_id: 'SM-written' }));
    expect(job?.data.id).toBe(answer.id);
  });

  it('gives messages without a channel id a job each', async () => {
    const [a, b] = await Promise.all([
      accept({ channel: 'web', text: 'graffiti at 305 Banff Ave' }),
      accept({ channel: 'web', text: 'graffiti at 305 Banff Ave' }),
    ]);
    expect(a.id).not.toBe(b.id);
    expect((await queue.getJob(a.id))?.data.id).toBe(a.id);
    expect((await queue.getJob(b.id))?.data.id).toBe(b.id);
  });

  it('never counts a retry against the sender, and keeps no reference for what it refuses', async () => {
    const limited = (sid: string) => limitedAccept({ ...sms(sid), sender: { phone: '+14035550199' } });
    const references = async () => (await redis.keys(`${config.redis.prefix}:reference:*`)).length;
    const before = await references();
    const first = await limited('SM-limit-1');
    // retries are counted as they come and given back once they are known to be retries
    for (const retry of await Promise.all([1, 2, 3].map(() => limited('SM-limit-1')))) expect(retry.id).toBe(first.id);
    await limited('SM-limit-2');
    expect(await references()).toBe(before + 2);

    await expect(limited('SM-limit-3')).rejects.toMatchObject({ status: 429, code: 'rate_limited' });
    expect(await references()).toBe(before + 2);
    // a retry of a message taken is answered even while its sender is over the limit
    expect((await limited('SM-limit-2')).duplicate).toBe(true);
  });
});
