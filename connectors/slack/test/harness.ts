import { QueueUnavailableError, parseConfig, type ConfigInput, type InboundMessageInput, type LoadedConfig } from '@intake/core';
import {
  SLACK_BOT,
  postAsSlack as signedPost,
  startConnectorApp,
  type ConnectorApp as StartedApp,
  type SlackBody,
  type SlackStandIn,
} from '@intake/testkit';
import { slackConnector, SLACK_ROUTE } from '../src/index.js';

export const SIGNING_SECRET = 'slack-test-signing-secret';
export const BOT_TOKEN = 'xoxb-test-bot-token';
const APP_ID = SLACK_BOT.app_id;

/** A town that is not Banff: nothing in the connector may depend on the demo data. */
export function testConfig(slackApi: SlackStandIn, services: ConfigInput['services'] = DEFAULT_SERVICES): LoadedConfig {
  return parseConfig(
    {
      jurisdiction: { id: 'springfield.example', name: 'City of Springfield', country: 'US' },
      server: { body_limit: '64kb' },
      channels: { slack: { signing_secret: SIGNING_SECRET, bot_token: BOT_TOKEN, api_url: slackApi.apiUrl } },
      services,
      router: { destinations: {} },
    },
    { base_dir: __dirname, source: 'test' },
  );
}

const DEFAULT_SERVICES: ConfigInput['services'] = [
  { code: 'POTHOLE', name: 'Pothole', group: 'Streets', keywords: ['pothole'] },
  { code: 'STREETLIGHT', name: 'Streetlight out', group: 'Streets' },
  { code: 'GRAFFITI', name: 'Graffiti', group: 'Parks' },
  { code: 'OTHER', name: 'Something else' },
];

export interface ConnectorApp extends StartedApp {
  /** every message the connector handed to accept, in order */
  accepted: InboundMessageInput[];
  /** while true, accept fails as the gateway's does when Redis is down */
  queueDown: boolean;
}

/** The Slack connector on a real express server (port 0), with an accept that records and numbers what it takes. */
export async function startConnector(config: LoadedConfig): Promise<ConnectorApp> {
  const byExternalId = new Map<string, string>();
  const state: Pick<ConnectorApp, 'accepted' | 'queueDown'> = { accepted: [], queueDown: false };
  const app = await startConnectorApp({
    connector: slackConnector,
    config,
    async accept(message) {
      if (state.queueDown) throw new QueueUnavailableError(new Error('redis is down'));
      const earlier = message.external_id ? byExternalId.get(message.external_id) : undefined;
      if (earlier !== undefined)
        return { id: earlier, reference: `R${earlier.slice(-5)}`, tracking_path: null, duplicate: true, continues: null };
      const id = `REQ${String(state.accepted.length + 1).padStart(23, '0')}`;
      if (message.external_id) byExternalId.set(message.external_id, id);
      state.accepted.push(message);
      return { id, reference: `R${id.slice(-5)}`, tracking_path: null, duplicate: false, continues: message.continues ?? null };
    },
  });
  return Object.assign(state, app);
}

/** POSTs to `/slack/events` signed with the signing secret (or another secret, or another time, to be refused). */
export const postAsSlack = (baseUrl: string, body: SlackBody, signing: { secret?: string; timestamp?: number } = {}) =>
  signedPost(`${baseUrl}${SLACK_ROUTE}`, signing.secret ?? SIGNING_SECRET, body, signing.timestamp);

let counter = 0;
/** A Slack-style timestamp id that no other message in the run has. */
export const nextTs = () => `${Math.floor(Date.now() / 1000)}.${String((counter += 1)).padStart(6, '0')}`;

export const slashCommand = (slackApi: SlackStandIn, text: string, extra: Record<string, string> = {}): SlackBody => ({
  form: {
    token: 'legacy',
    team_id: SLACK_BOT.team_id,
    api_app_id: APP_ID,
    channel_id: 'C0CREWS',
    user_id: 'U0CREW1',
    user_name: 'crew1',
    command: '/311',
    text,
    response_url: `${slackApi.url}/respond/command`,
    trigger_id: `trigger-${nextTs()}`,
    ...extra,
  },
});

export const messageEvent = (event: Record<string, unknown>): SlackBody => ({
  event: {
    token: 'legacy',
    team_id: SLACK_BOT.team_id,
    api_app_id: APP_ID,
    type: 'event_callback',
    event_id: `Ev${nextTs().replace('.', '')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: SLACK_BOT.team_id, user_id: SLACK_BOT.user_id, is_bot: true }],
    event: { ts: nextTs(), event_ts: nextTs(), ...event },
  },
});

/** What the form's fields hold when submitted, in view.state.values form. */
export function formValues(fields: { description?: string; service?: string | null; address?: string; photo?: string }) {
  return {
    description: { value: { type: 'plain_text_input', value: fields.description ?? null } },
    service: {
      service: {
        type: 'static_select',
        selected_option: fields.service ? { text: { type: 'plain_text', text: fields.service }, value: fields.service } : null,
      },
    },
    address: { value: { type: 'plain_text_input', value: fields.address ?? null } },
    photo: { value: { type: 'url_text_input', value: fields.photo ?? null } },
  };
}

export const viewSubmission = (view: { id: string; private_metadata?: string; values: unknown }, user = 'U0CREW1'): SlackBody => ({
  interaction: {
    type: 'view_submission',
    team: { id: SLACK_BOT.team_id, domain: 'springfield' },
    user: { id: user, username: 'crew1', name: 'crew1', team_id: SLACK_BOT.team_id },
    api_app_id: APP_ID,
    token: 'legacy',
    trigger_id: `trigger-${nextTs()}`,
    view: {
      id: view.id,
      team_id: SLACK_BOT.team_id,
      type: 'modal',
      callback_id: 'intake_report',
      private_metadata: view.private_metadata ?? '',
      state: { values: view.values },
      hash: 'h1',
    },
    response_urls: [],
  },
});
