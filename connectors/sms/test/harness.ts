import { randomUUID } from 'node:crypto';
import { parseConfig, type Accepted, type ConfigInput, type Connector, type InboundMessageInput, type LoadedConfig } from '@intake/core';
import { startConnectorApp as startApp, type ConnectorApp as StartedApp } from '@intake/testkit';
import { getExpectedTwilioSignature } from 'twilio';

export const AUTH_TOKEN = 'sms-test-auth-token';
export const PUBLIC_URL = 'https://intake.springfield.example/gateway';

/** A town that is not Banff: nothing in the connector may depend on the demo data. */
export const testConfig = (channels: ConfigInput['channels'] = { sms: { auth_token: AUTH_TOKEN } }): LoadedConfig =>
  parseConfig(
    {
      jurisdiction: { id: 'springfield.example', name: 'City of Springfield', country: 'US' },
      server: { public_url: PUBLIC_URL, body_limit: '16kb' },
      channels,
      services: [{ code: 'POTHOLE', name: 'Pothole' }],
      router: { destinations: {} },
    },
    { base_dir: __dirname, source: 'test' },
  );

export interface ConnectorApp extends StartedApp {
  /** every message the connector handed to accept, in order */
  accepted: InboundMessageInput[];
  /** what accept answers next; by default a fresh id that continues nothing */
  answer: (message: InboundMessageInput) => Accepted;
}

/**
 * A connector mounted on a real express server (port 0) with a ConnectorContext stand-in that records what it accepts;
 * opt-outs are the real ones, on Redis under a unique prefix.
 */
export async function startConnectorApp(mount: Connector['mount'], config: LoadedConfig = testConfig()): Promise<ConnectorApp> {
  const recorder: Pick<ConnectorApp, 'accepted' | 'answer'> = {
    accepted: [],
    answer: () => ({
      id: `01JTEST${randomUUID().replace(/-/g, '').slice(0, 19).toUpperCase()}`,
      reference: 'T3ST42',
      tracking_path: null,
      duplicate: false,
      continues: null,
    }),
  };
  const app = await startApp({
    connector: { mount },
    config,
    async accept(message) {
      recorder.accepted.push(message);
      return recorder.answer(message);
    },
  });
  return Object.assign(recorder, app);
}

/** POSTs a form as Twilio does: signed with the auth token over the public URL of the path. */
export function postSigned(
  url: string,
  path: string,
  params: Record<string, string>,
  options: { authToken?: string; publicUrl?: string } = {},
) {
  const signature = getExpectedTwilioSignature(options.authToken ?? AUTH_TOKEN, `${options.publicUrl ?? PUBLIC_URL}${path}`, params);
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
}
