import { startLoopbackServer, type LoopbackServer } from '@intake/testkit';

/** A message Vonage's SMS API took: the fields as sent. */
interface SentSms {
  to: string;
  from: string;
  text: string;
}

export interface VonageSmsApi extends LoopbackServer {
  sent: SentSms[];
}

/** The API key and secret of a call: Basic auth, as @vonage/sms signs in, or `api_key`/`api_secret` in the body. */
function credentialsOf(authorization: string | undefined, body: Record<string, string>): [string, string] | null {
  const basic = /^Basic (.+)$/.exec(authorization ?? '')?.[1];
  if (basic !== undefined) {
    const [key, ...secret] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    return [key ?? '', secret.join(':')];
  }
  return body.api_key === undefined ? null : [body.api_key, body.api_secret ?? ''];
}

const answer = (messages: Record<string, string>[]) => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ 'message-count': String(messages.length), messages }),
});

/**
 * Vonage's SMS API (`POST /sms/json`) on loopback, answering as Vonage does: HTTP 200 whatever happened, the outcome
 * in each message's `status` ("0" sent, "4" bad credentials, "2" a parameter missing) with `error-text`.
 */
export async function startVonageSmsApi(account: { apiKey: string; apiSecret: string }): Promise<VonageSmsApi> {
  const sent: SentSms[] = [];
  let count = 0;
  const server = await startLoopbackServer((request) => {
    if (request.method !== 'POST' || request.url.split('?')[0] !== '/sms/json') return { status: 404, body: '' };
    const body = (
      String(request.headers['content-type']).startsWith('application/json')
        ? JSON.parse(request.body || '{}')
        : Object.fromEntries(new URLSearchParams(request.body))
    ) as Record<string, string>;
    const credentials = credentialsOf(request.headers.authorization as string | undefined, body);
    if (credentials === null || credentials[0] !== account.apiKey || credentials[1] !== account.apiSecret)
      return answer([{ status: '4', 'error-text': 'Bad Credentials' }]);
    const missing = ['from', 'to', 'text'].find((field) => !body[field]);
    if (missing !== undefined) return answer([{ status: '2', 'error-text': `Missing ${missing}` }]);
    sent.push({ to: body.to!, from: body.from!, text: body.text! });
    return answer([
      { to: body.to!, 'message-id': `0A00000${++count}`, status: '0', 'remaining-balance': '3.14', 'message-price': '0.0333' },
    ]);
  });
  return Object.assign(server, { sent });
}
