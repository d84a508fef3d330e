import { createHmac } from 'node:crypto';
import { startLoopbackServer, type LoopbackServer } from './loopback.js';

/** The app and bot user the stand-in posts as. */
export const SLACK_BOT = { user_id: 'U0INTAKEBOT', bot_id: 'B0INTAKEBOT', app_id: 'A0INTAKEAPP', team_id: 'T0TOWN' };

export interface SlackCall {
  method: string;
  /** the bearer token the client sent */
  token: string | null;
  /** the arguments, JSON-valued ones (view, blocks, metadata) decoded */
  args: SlackArgs;
}

/** A Web API call's arguments, the ones the tests read named; anything else Slack takes passes as sent. */
export interface SlackArgs {
  [name: string]: unknown;
  channel?: string;
  ts?: string;
  thread_ts?: string;
  text?: string;
  user?: string;
  trigger_id?: string;
  view?: SlackView;
  metadata?: SlackPost['metadata'];
}

/** A modal sent to views.open, as far as the tests read it. */
export interface SlackView {
  [key: string]: unknown;
  id?: string;
  callback_id?: string;
  private_metadata?: string;
  blocks: SlackBlock[];
}

export interface SlackBlock {
  [key: string]: unknown;
  type: string;
  block_id?: string;
  optional?: boolean;
  element?: {
    [key: string]: unknown;
    type: string;
    action_id?: string;
    initial_value?: string;
    option_groups?: { label: { text: string }; options: { value: string }[] }[];
  };
}

/** The block of a view with that block_id; throws when the view has none, so a test reads what it expects. */
export function blockOf(view: SlackView, blockId: string): SlackBlock {
  const found = view.blocks.find((block) => block.block_id === blockId);
  if (found === undefined) throw new Error(`the view has no block "${blockId}" (it has: ${view.blocks.map((b) => b.block_id).join(', ')})`);
  return found;
}

export interface SlackPost {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  bot_id: string;
  app_id: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** Answers one Web API method: the body Slack would send back (`{ ok: false, error }` for a failure). */
export type SlackAnswer = (args: SlackArgs, stand: SlackStandIn) => Record<string, unknown>;

export interface SlackStandIn extends LoopbackServer {
  /** the view of the last views.open call (or of the one at `index`); throws when there was none */
  viewOpened(index?: number): SlackView;
  /** what to give the client as `slackApiUrl` */
  apiUrl: string;
  /** calls of one method (or all), oldest first */
  calls(method?: string): SlackCall[];
  /** messages posted with chat.postMessage, oldest first; conversations.replies answers from these */
  posts: SlackPost[];
  /** replaces or adds the answer to a method, until `reset` */
  answer(method: string, answer: SlackAnswer): void;
  /** back to the stand-in's own answers */
  reset(): void;
}

const decode = (value: string): unknown => {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

function parseArgs(body: string, contentType: string | undefined): SlackArgs {
  if (contentType?.startsWith('application/json')) return JSON.parse(body || '{}') as SlackArgs;
  return Object.fromEntries([...new URLSearchParams(body)].map(([key, value]) => [key, decode(value)])) as SlackArgs;
}

const DEFAULT_ANSWERS: Record<string, SlackAnswer> = {
  'views.open': (args) => ({ ok: true, view: { id: `V${Date.now().toString(36).toUpperCase()}`, ...(args.view as object) } }),
  'users.info': (args) => ({
    ok: true,
    user: { id: args.user, name: 'crew', real_name: 'Field Crew', profile: { real_name: 'Field Crew' } },
  }),
  'chat.postEphemeral': () => ({ ok: true, message_ts: `${Date.now() / 1000}` }),
  'chat.postMessage': (args, stand) => {
    const ts = `${Math.floor(Date.now() / 1000)}.${String(stand.posts.length + 1).padStart(6, '0')}`;
    const post: SlackPost = {
      channel: String(args.channel),
      ts,
      text: String(args.text ?? ''),
      bot_id: SLACK_BOT.bot_id,
      app_id: SLACK_BOT.app_id,
      metadata: args.metadata,
    };
    if (args.thread_ts !== undefined) post.thread_ts = String(args.thread_ts);
    stand.posts.push(post);
    return { ok: true, channel: post.channel, ts, message: post };
  },
  'conversations.replies': (args, stand) => ({
    ok: true,
    messages: stand.posts.filter((post) => post.channel === args.channel && (post.ts === args.ts || post.thread_ts === args.ts)),
    has_more: false,
  }),
};

/**
 * Slack's Web API on loopback: records every call and answers like Slack (HTTP 200, `ok` in the body).
 * Messages it is asked to post are kept, with their metadata, so that thread look-ups see them.
 */
export async function startSlackStandIn(): Promise<SlackStandIn> {
  const answers = new Map<string, SlackAnswer>();
  const calls: SlackCall[] = [];
  const posts: SlackPost[] = [];
  const server = await startLoopbackServer((request) => {
    const method = (request.url.split('?')[0] ?? '').replace(/^\/api\//, '');
    const args = parseArgs(request.body, request.headers['content-type']);
    const token = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1] ?? null;
    calls.push({ method, token, args });
    const answer = answers.get(method) ?? DEFAULT_ANSWERS[method];
    return { status: 200, body: JSON.stringify(answer === undefined ? { ok: false, error: 'unknown_method' } : answer(args, stand)) };
  });
  const stand: SlackStandIn = Object.assign(server, {
    apiUrl: `${server.url}/api/`,
    calls: (method?: string) => calls.filter((call) => method === undefined || call.method === method),
    posts,
    viewOpened: (index = -1) => {
      const view = calls.filter((call) => call.method === 'views.open').at(index)?.args.view;
      if (view === undefined) throw new Error('views.open was not called with a view');
      return view;
    },
    answer: (method: string, answer: SlackAnswer) => void answers.set(method, answer),
    reset: () => answers.clear(),
  });
  return stand;
}

/** The headers Slack signs a request with (v0: HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret). */
export function slackSignature(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const hash = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `v0=${hash}` };
}

/** A request body as Slack sends it: slash commands as a form, interactions as a form's `payload`, events as JSON. */
export type SlackBody = { form: Record<string, string> } | { interaction: Record<string, unknown> } | { event: Record<string, unknown> };

let slackTsSequence = 0;
const nextSlackTs = () => `${Math.floor(Date.now() / 1000)}.${String((slackTsSequence += 1)).padStart(6, '0')}`;

/** A direct message to the bot as Slack's Events API delivers it; `fields` give its user, channel, text or thread. */
export const slackDirectMessage = (fields: Record<string, unknown>): SlackBody => ({
  event: {
    type: 'event_callback',
    team_id: SLACK_BOT.team_id,
    api_app_id: SLACK_BOT.app_id,
    event_id: `Ev${nextSlackTs().replace('.', '')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: SLACK_BOT.team_id, user_id: SLACK_BOT.user_id, is_bot: true }],
    event: { type: 'message', channel_type: 'im', ts: nextSlackTs(), ...fields },
  },
});

function encodeSlackBody(body: SlackBody): { body: string; contentType: string } {
  if ('form' in body) return { body: new URLSearchParams(body.form).toString(), contentType: 'application/x-www-form-urlencoded' };
  if ('interaction' in body)
    return {
      body: new URLSearchParams({ payload: JSON.stringify(body.interaction) }).toString(),
      contentType: 'application/x-www-form-urlencoded',
    };
  return { body: JSON.stringify(body.event), contentType: 'application/json' };
}

/** POSTs to a Slack request URL as Slack does, signed with `secret` (at `timestamp`, to test stale ones). */
export function postAsSlack(url: string, secret: string, body: SlackBody, timestamp?: number): Promise<Response> {
  const encoded = encodeSlackBody(body);
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': encoded.contentType, ...slackSignature(secret, encoded.body, timestamp) },
    body: encoded.body,
  });
}
