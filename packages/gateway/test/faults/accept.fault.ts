import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  QUEUE,
  QueueUnavailableError,
  RequestStore,
  createFastFailRedis,
  createLogger,
  intakeJobId,
  openQueue,
  type IntakeJob,
  type RedisClient,
} from '@intake/core';
import { startRedisServer, uniquePrefix, waitFor, type RedisServer } from '@intake/testkit';
import type { Queue } from 'bullmq';
import { createAccept } from '../../src/accept.js';
import { Conversations } from '@intake/citizen';
import { channels } from '../../src/plugins.js';
import { demoConfig } from '../harness.js';
import { smsFrom } from './messages.js';

const run = promisify(execFile);
const tsx = require.resolve('tsx');

/** The two writes of a message with a channel id (the queue write, then the claim), and a death between them. */
describe('acknowledged means written: Redis or the gateway killed between the two writes', () => {
  let server: RedisServer;
  let redis: RedisClient;
  let queue: Queue<IntakeJob>;
  let store: RequestStore;
  let accept: ReturnType<typeof createAccept>;
  let killRedisAfterTheQueueWrite = false;
  const prefix = uniquePrefix('accept-fault');

  beforeAll(async () => {
    server = await startRedisServer();
    const config = demoConfig((raw) => {
      raw.redis = { url: server.url, prefix };
    });
    redis = createFastFailRedis(config.redis);
    redis.on('error', () => undefined);
    queue = openQueue<IntakeJob>(QUEUE.intake, redis, prefix, createLogger({ level: 'silent' }));
    const add = queue.add.bind(queue);
    queue.add = (async (...args: Parameters<typeof add>) => {
      const job = await add(...args);
      if (killRedisAfterTheQueueWrite) await server.kill();
      return job;
    }) as typeof queue.add;
    store = new RequestStore(redis, prefix);
    accept = createAccept({ intakeQueue: queue, store, conversations: new Conversations(redis, config, channels) });
  });
  afterAll(async () => {
    await queue.close();
    redis.disconnect();
    await server.stop();
  });

  const restartRedis = async () => {
    await server.start();
    await waitFor(() => redis.status === 'ready', 10_000, 'the client to reconnect');
  };
  const jobOf = (sid: string, id = '') => queue.getJob(intakeJobId({ id, channel: 'sms', external_id: sid }));

  it('answers 503 when Redis dies before the queue write, and the retry is a new request that is written', async () => {
    await server.kill();
    await expect(accept(smsFrom('SM-before'))).rejects.toBeInstanceOf(QueueUnavailableError);
    await restartRedis();
    const retry = await accept(smsFrom('SM-before'));
    expect(retry.duplicate).toBe(false);
    expect((await jobOf('SM-before'))?.data.id).toBe(retry.id);
  });

  it('answers the retry with the message written before Redis died, never with a claim of nothing', async () => {
    killRedisAfterTheQueueWrite = true;
    await expect(accept(smsFrom('SM-between'))).rejects.toBeInstanceOf(QueueUnavailableError);
    killRedisAfterTheQueueWrite = false;
    await restartRedis();
    // the AOF kept the job, and no claim was recorded
    const written = await jobOf('SM-between');
    expect(written).toBeDefined();
    expect(await store.externalIdHolder('sms', 'SM-between')).toBeNull();

    const retry = await accept(smsFrom('SM-between'));
    expect(retry).toMatchObject({ id: written!.data.id, duplicate: true, continues: null });
    expect(await store.externalIdHolder('sms', 'SM-between')).toBe(written!.data.id);
    expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 2 });
  });

  it('answers the retry with the message written before the gateway was SIGKILLed', async () => {
    const child = run(
      process.execPath,
      ['--conditions=source', '--import', tsx, path.join(__dirname, 'accept-and-die.ts'), server.url, prefix, 'SM-killed'],
      { timeout: 60_000 },
    );
    await expect(child).rejects.toMatchObject({ signal: 'SIGKILL' });
    const written = await jobOf('SM-killed');
    expect(written).toBeDefined();
    expect(await store.externalIdHolder('sms', 'SM-killed')).toBeNull();

    const retry = await accept(smsFrom('SM-killed'));
    expect(retry).toMatchObject({ id: written!.data.id, duplicate: true, continues: null });
  });
});
