import type { LoadedConfig } from '@intake/core';
import { smsSettings } from './settings.js';

const TWILIO_ORIGIN = 'https://api.twilio.com';
const FETCH_TIMEOUT_MS = 15_000;

/** `/2010-04-01/Accounts/AC…/Messages/MM…/Media/ME…`: a media item of one of the account's own messages. */
const mediaPath = (accountSid: string) =>
  new RegExp(`^/2010-04-01/Accounts/${accountSid}/Messages/(?:MM|SM)[0-9a-fA-F]{32}/Media/ME[0-9a-fA-F]{32}$`);

/**
 * The bytes of an MMS photo, fetched from Twilio with the account's credentials. Only Twilio's own media URLs of
 * this account are fetched (at `api_url`, which tests and proxies point elsewhere); any other URL is not ours: null.
 */
export async function fetchTwilioMedia(config: LoadedConfig, url: string): Promise<{ bytes: Buffer; content_type: string | null } | null> {
  const sms = smsSettings(config);
  if (sms?.account_sid === undefined) return null;
  const api = new URL(sms.api_url);
  let given: URL;
  try {
    given = new URL(url);
  } catch {
    return null;
  }
  const fromTwilio = given.origin === TWILIO_ORIGIN || given.origin === api.origin;
  if (!fromTwilio || given.search !== '' || given.username !== '' || !mediaPath(sms.account_sid).test(given.pathname)) return null;
  const target = new URL(`${api.pathname.replace(/\/+$/, '')}${given.pathname}`, api.origin);
  const response = await fetch(target, {
    headers: { Authorization: `Basic ${Buffer.from(`${sms.account_sid}:${sms.auth_token}`).toString('base64')}` },
    redirect: 'follow',
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`Twilio answered ${response.status} for a media item`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > config.media.max_bytes) throw new Error(`a media item of ${declared} bytes is over media.max_bytes`);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > config.media.max_bytes) throw new Error(`a media item of ${bytes.length} bytes is over media.max_bytes`);
  return { bytes, content_type: response.headers.get('content-type') };
}
