import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { QUEUE, RedisSettings, createFastFailRedis, intakeJobId } from '@intake/core';
import { waitFor } from '@intake/testkit';
import { getExpectedTwilioSignature } from 'twilio';
import { TWILIO } from '../twilio.js';

/** How long a sender keeps retrying a report the gateway cannot take (Twilio retries for longer). */
const RETRY_FOR_MS = 60_000;

/** `hang` never answers: the delivery stays in its worker's hands until that worker dies */
export type CrmAnswer = 'ok' | 'error' | 'busy' | 'slow' | 'drop' | 'hang';

/** A webhook CRM on loopback that keeps what it accepted (2xx) and can misbehave on purpose, or be down. */
export interface Crm {
  url: string;
  /** every delivery attempt that reached it */
  received: number;
  accepted: { idempotency_key: string; record: { id: string; source: { external_id: string | null } } }[];
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startCrm(answer: (index: number) => CrmAnswer = () => 'ok'): Promise<Crm> {
  const accepted: Crm['accepted'] = [];
  let index = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    crm.received += 1;
    const how = answer(index++);
    if (how === 'drop') return void req.socket.destroy();
    if (how === 'hang') return;
    if (how === 'slow') await new Promise((resolve) => setTimeout(resolve, 1500));
    if (how === 'error') return void res.writeHead(500).end('{"error":"internal"}');
    if (how === 'busy') return void res.writeHead(429, { 'retry-after': '1' }).end('{"error":"slow down"}');
    accepted.push({ idempotency_key: String(req.headers['idempotency-key']), record: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
    res.writeHead(201, { 'content-type': 'application/json' }).end('{"id":"CRM"}');
  };
  let server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const down = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  const crm: Crm = {
    url: `http://127.0.0.1:${port}`,
    received: 0,
    accepted,
    down,
    async up() {
      server = createServer((req, res) => void handle(req, res));
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    close: down,
  };
  return crm;
}

/** A reconciliation with nothing lost, doubled, misnamed or refused. */
export const NOTHING_WRONG = { lost: [], doubled: [], wrong_keys: [], misnamed: [], refused: [] };

/** Every message the senders were answered 2xx for, by its channel id, with the request id when the answer names one. */
export class Ledger {
  readonly acknowledged = new Map<string, string | null>();
  readonly refused: string[] = [];
  private readonly channels = new Map<string, string>();
  private sent = 0;

  /** With the deployment's Redis, `settled` gives up at once on a report acknowledged but never written. */
  constructor(private readonly redis?: { url: string; prefix: string }) {}

  get count() {
    return this.acknowledged.size;
  }

  /**
   * Sends one report as a web form (Idempotency-Key) or a signed Twilio SMS (MessageSid), retrying as Twilio does
   * while the gateway answers 503 or cannot be reached; any other answer is recorded as refused.
   */
  async send(gatewayUrl: () => string, run: string): Promise<void> {
    const n = this.sent++;
    const key = `${run}-${n}`;
    const phone = `+1403555${String(1000 + (n % 9000)).padStart(4, '0')}`;
    const text = `streetlight ${n} out at ${100 + (n % 300)} Bear Street`;
    const deadline = Date.now() + RETRY_FOR_MS;
    for (;;) {
      if (Date.now() > deadline) return void this.refused.push(`${key}: still unavailable after ${RETRY_FOR_MS} ms`);
      const answer = await (n % 2 === 0 ? postReport(gatewayUrl(), key, text, phone) : postSms(gatewayUrl(), key, text, phone)).catch(
        () => null,
      );
      if (answer === null || answer.status === 503) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      if (answer.status >= 200 && answer.status < 300) {
        this.acknowledged.set(key, n % 2 === 0 ? ((await answer.json()) as { id: string }).id : null);
        this.channels.set(key, n % 2 === 0 ? 'web' : 'sms');
      } else this.refused.push(`${key}: ${answer.status} ${await answer.text()}`);
      return;
    }
  }

  /** Sends `count` reports, `concurrency` at a time; `during` runs once `faultAfter` of them were acknowledged. */
  async load(options: {
    gatewayUrl: () => string;
    run: string;
    count: number;
    concurrency: number;
    faultAfter: number;
    during: () => Promise<void>;
  }): Promise<void> {
    let remaining = options.count;
    let fault: Promise<void> | null = null;
    const lane = async () => {
      while (remaining-- > 0) {
        await this.send(options.gatewayUrl, options.run);
        if (fault === null && this.count >= options.faultAfter) fault = options.during();
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, lane));
    await fault;
  }

  /** What the CRM's ledger says against ours; all empty when nothing acknowledged was lost or doubled. */
  reconcile(crm: Crm) {
    const idsByKey = new Map<string, Set<string>>();
    const wrongKeys: string[] = [];
    for (const { idempotency_key: key, record } of crm.accepted) {
      const external = record.source.external_id ?? '';
      idsByKey.set(external, (idsByKey.get(external) ?? new Set()).add(record.id));
      if (key !== `${record.id}:crm`) wrongKeys.push(`${record.id} came with ${key}`);
    }
    const lost = [...this.acknowledged.keys()].filter((key) => !idsByKey.has(key));
    const doubled = [...idsByKey].filter(([, ids]) => ids.size > 1).map(([key, ids]) => `${key}: ${[...ids].join(', ')}`);
    const misnamed = [...this.acknowledged]
      .filter(([key, id]) => id !== null && idsByKey.has(key) && !idsByKey.get(key)!.has(id))
      .map(([key, id]) => `${key} answered ${id}`);
    return { lost, doubled, wrong_keys: wrongKeys, misnamed, refused: this.refused };
  }

  /**
   * Waits for every acknowledged report to reach the CRM, then returns the reconciliation; early when the outcome is
   * already known to be wrong: a report was refused, or one acknowledged has no intake job (it was never written).
   */
  async settled(crm: Crm, timeoutMs = 60_000) {
    const connection = this.redis && createFastFailRedis(RedisSettings.parse({ url: this.redis.url }), { lazyConnect: true });
    connection?.on('error', () => undefined);
    const written = async (key: string) => {
      const channel = this.channels.get(key);
      if (connection === undefined || channel === undefined) return true;
      const job = `${this.redis!.prefix}:${QUEUE.intake}:${intakeJobId({ id: '', channel, external_id: key })}`;
      // while Redis is away nothing is known yet
      return (await connection.exists(job).catch(() => 1)) === 1;
    };
    const decided = async () => {
      const { lost, refused } = this.reconcile(crm);
      if (lost.length === 0 || refused.length > 0) return true;
      return (await Promise.all(lost.map(written))).includes(false);
    };
    try {
      await waitFor(decided, timeoutMs, 'every acknowledged report at the CRM').catch(() => undefined);
    } finally {
      connection?.disconnect();
    }
    return this.reconcile(crm);
  }
}

const SMS_PATH = '/webhooks/twilio/sms';

function postReport(gatewayUrl: string, key: string, description: string, phone: string) {
  return fetch(`${gatewayUrl}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ description, phone }),
  });
}

function postSms(gatewayUrl: string, sid: string, body: string, from: string) {
  const params = { MessageSid: sid, AccountSid: TWILIO.accountSid, From: from, To: TWILIO.number, Body: body, NumMedia: '0' };
  return fetch(`${gatewayUrl}${SMS_PATH}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': getExpectedTwilioSignature(TWILIO.authToken, `http://127.0.0.1${SMS_PATH}`, params),
    },
    body: new URLSearchParams(params).toString(),
  });
}
