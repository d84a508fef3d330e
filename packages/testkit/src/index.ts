import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Reply = { status: number; body?: string | Buffer; headers?: Record<string, string> };
export type Responder = (request: ReceivedRequest, index: number) => Reply | Promise<Reply>;

export interface LoopbackServer {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A real HTTP server on 127.0.0.1 that records every request and answers with `respond`. */
export async function startLoopbackServer(respond: Responder = () => ({ status: 200, body: '{}' })): Promise<LoopbackServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const received = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: await readBody(req) };
      requests.push(received);
      const reply = await respond(received, requests.length - 1);
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(reply.body ?? '');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A key prefix no other test file uses, so suites can share one Redis. */
export const uniquePrefix = (name = 'test') => `${name}-${randomUUID().slice(0, 8)}`;

/** Deletes every key under the prefix (BullMQ's and Intake's own). */
export async function deletePrefix(prefix: string, url = REDIS_URL): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Polls `probe` until it returns something other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | Promise<T>, timeoutMs = 10_000, what = 'condition'): Promise<Exclude<T, undefined | false>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as Exclude<T, undefined | false>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export { startDovecot, type Dovecot, type StoredMail } from './dovecot.js';
export { startSmtpSink, type SmtpRefusal, type SmtpSink, type SmtpSinkOptions } from './smtp.js';
export { SLACK_BOT, postAsSlack, slackSignature, startSlackStandIn, type SlackAnswer, type SlackBody, type SlackCall, type SlackPost, type SlackStandIn } from './slack.js';
export { startConnectorApp, type ConnectorApp, type ConnectorAppOptions, type Enqueue, type TestRedis } from './connector-app.js';
export { OPEN311_CONFORMANCE, open311Fixture, open311Schema } from './conformance.js';
export { freePort, waitForPort } from './ports.js';
export { startRedisServer, type RedisServer } from './redis-server.js';
