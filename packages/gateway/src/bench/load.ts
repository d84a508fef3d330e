import { randomBytes, randomInt } from 'node:crypto';
import { Agent, request } from 'node:http';
import autocannon from 'autocannon';
import { BENCH_SECRETS, signTwilio } from './town.js';

export type Channel = 'web' | 'sms';

interface Post {
  path: string;
  headers: Record<string, string>;
  body: string;
}

const SMS_PATH = '/webhooks/twilio/sms';

/** A new message each call, from the corpus in turn: a web report, or an SMS as Twilio signs it (a new sender and MessageSid each). */
export function messageSource(channel: Channel, texts: readonly string[]): () => Post {
  let next = 0;
  return (): Post => {
    const text = texts[next++ % texts.length]!;
    if (channel === 'web')
      return { path: '/api/v1/reports', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ description: text }) };
    const params = {
      MessageSid: `SM${randomBytes(16).toString('hex')}`,
      AccountSid: BENCH_SECRETS.twilioSid,
      From: `+1403555${String(randomInt(10_000)).padStart(4, '0')}`,
      To: '+15005550006',
      Body: text,
      NumMedia: '0',
    };
    return {
      path: SMS_PATH,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signTwilio(SMS_PATH, params) },
      body: new URLSearchParams(params).toString(),
    };
  };
}

const CONNECTIONS = 32;

/** Posts as fast as the server answers, for `seconds` or until `amount` requests; fails on any non-2xx answer. */
export async function hammer(
  baseUrl: string,
  next: () => Post,
  limit: { seconds: number } | { amount: number },
): Promise<{ perSecond: number; total: number }> {
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    ...('seconds' in limit ? { duration: limit.seconds } : { amount: limit.amount }),
    requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, ...next() }) }],
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${baseUrl}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { perSecond: result.requests.average, total: result.requests.total };
}

/** Posts `rate` requests a second for `seconds`, and gives each accepted id with the moment it was posted. */
export async function paced(baseUrl: string, next: () => Post, rate: number, seconds: number): Promise<Map<string, number>> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const posted = new Map<string, number>();
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const answers: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    answers.push(postOne(baseUrl, next(), agent).then((id) => void posted.set(id, due)));
  }
  await Promise.all(answers);
  agent.destroy();
  return posted;
}

function postOne(baseUrl: string, post: Post, agent: Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${post.path}`, { method: 'POST', agent, headers: post.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        res.statusCode === 202
          ? resolve((JSON.parse(text) as { id: string }).id)
          : reject(new Error(`${post.path}: ${res.statusCode} ${text}`)),
      );
    });
    req.on('error', reject);
    req.end(post.body);
  });
}
