/**
 * A gateway process that dies by SIGKILL right after the queue write of one SMS, before anything else:
 * `accept-and-die.ts <redis url> <prefix> <MessageSid>`.
 */
import { QUEUE, RequestStore, createFastFailRedis, createLogger, openQueue, type IntakeJob } from '@intake/core';
import { createAccept } from '../../src/accept.js';
import { Conversations } from '@intake/citizen';
import { channels } from '../../src/plugins.js';
import { demoConfig } from '../harness.js';
import { smsFrom } from './messages.js';

const [url, prefix, sid] = process.argv.slice(2) as [string, string, string];
const config = demoConfig((raw) => {
  raw.redis = { url, prefix };
});
const redis = createFastFailRedis(config.redis);
const queue = openQueue<IntakeJob>(QUEUE.intake, redis, prefix, createLogger({ level: 'silent' }));
const add = queue.add.bind(queue);
queue.add = (async (...args: Parameters<typeof add>) => {
  await add(...args);
  process.kill(process.pid, 'SIGKILL');
  return new Promise(() => undefined);
}) as typeof queue.add;
const accept = createAccept({
  intakeQueue: queue,
  store: new RequestStore(redis, prefix),
  conversations: new Conversations(redis, config, channels),
});
redis.once('ready', () => void accept(smsFrom(sid)));
