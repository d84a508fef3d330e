import { IntakeError, badRequest, metrics, unauthorized, withTimeout, type ConnectorContext, type Logger } from '@intake/core';
import { App, ExpressReceiver, verifySlackRequest, type ReceiverProcessEventErrorHandlerArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import express, { type Request, type RequestHandler, type Router } from 'express';
import { slackLogger, webClientOptions, type SlackSettings } from './client.js';
import { firstImageLink, formReport, messageReport, SlackMessageEvent, type SlackPerson } from './messages.js';
import {
  readOrigin,
  readSubmission,
  reportForm,
  REPORT_VIEW,
  searchServices,
  SERVICE_ACTION,
  type FormOrigin,
  type FormPrefill,
} from './modal.js';
import { REPLY_EVENT_TYPE } from './responder.js';
import { plainText } from './text.js';

export const SLACK_ROUTE = '/slack/events';
/** The callback id to give the message shortcut in the Slack app's settings. */
export const REPORT_SHORTCUT = 'report_to_311';

const PERSON_LOOKUP_MS = 1500;
const NOBODY: SlackPerson = { name: null, email: null };

const FORM_UNAVAILABLE = 'Sorry, the report form could not be opened just now. Please try again in a minute.';
const QUEUE_BUSY = 'Your report could not be taken just now. Please press Send again in a minute.';
const NOTHING_TO_REPORT = 'Tell me what the problem is and where, or use the /311 command or the "Report to 311" message shortcut.';

/**
 * Slack's signature (v0 HMAC of `v0:timestamp:body`, at most five minutes old) checked with bolt's own verifier
 * before bolt sees the request, so that a refusal is the contract's JSON error and is counted. The raw body is
 * handed on as `rawBody`, which bolt's receiver reads instead of the (consumed) stream.
 */
function verifiedBody(signingSecret: string, limit: string): RequestHandler[] {
  const verify: RequestHandler = (req: Request & { rawBody?: Buffer }, _res, next) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    try {
      verifySlackRequest({
        signingSecret,
        body: body.toString('utf8'),
        headers: {
          'x-slack-signature': req.get('x-slack-signature') ?? '',
          'x-slack-request-timestamp': Number(req.get('x-slack-request-timestamp')),
        },
      });
    } catch (error) {
      metrics.rejected.inc({ channel: 'slack', reason: 'bad_signature' });
      next(unauthorized(`the Slack signature does not match this request (${(error as Error).message.replace(/^.*?: /, '')})`));
      return;
    }
    if (!parsesAsBoltParses(body.toString('utf8'), req.get('content-type'))) {
      next(badRequest('the body is not valid JSON, nor a form whose payload is', 'invalid_body'));
      return;
    }
    req.rawBody = body;
    next();
  };
  return [express.raw({ type: () => true, limit }), verify];
}

/** bolt's own rule (a form, whose `payload` when present is JSON, or else JSON); bolt answers a failure with an empty 400. */
function parsesAsBoltParses(body: string, contentType: string | undefined): boolean {
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const payload = new URLSearchParams(body).get('payload');
      if (payload !== null) JSON.parse(payload);
    } else JSON.parse(body);
    return true;
  } catch {
    return false;
  }
}

const rootCause = (error: unknown): unknown => (error as { original?: unknown }).original ?? error;

/** A listener's failure as the contract's JSON error; a queue outage is a 503 with Retry-After, which Slack retries for events. */
function answerFailure(log: Logger) {
  return async ({ error, response }: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> => {
    if (response.headersSent) return false;
    const cause = rootCause(error);
    const known = cause instanceof IntakeError ? cause : null;
    if (known === null) log.error({ err: (cause as Error).message }, 'Slack request failed');
    const status = known?.status ?? 500;
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...known?.headers });
    response.end(
      JSON.stringify({ error: { code: known?.code ?? 'internal', message: known?.message ?? 'something went wrong on our side' } }),
    );
    return true;
  };
}

/** Name and email for the record; Slack not answering in time costs only the name. */
async function lookUpPerson(client: WebClient, user: string, log: Logger): Promise<SlackPerson> {
  try {
    const { user: found } = await withTimeout(client.users.info({ user }), PERSON_LOOKUP_MS, 'users.info');
    return { name: found?.profile?.real_name || found?.real_name || found?.name || null, email: found?.profile?.email ?? null };
  } catch (error) {
    log.debug({ user, err: (error as Error).message }, 'no name for the Slack user');
    return NOBODY;
  }
}

/** The request our reply in this thread was about (its metadata names it), when the message answers one of our replies. */
async function requestOfThread(
  client: WebClient,
  event: SlackMessageEvent,
  appId: string | undefined,
  log: Logger,
): Promise<string | null> {
  if (event.thread_ts === undefined || event.thread_ts === event.ts || appId === undefined) return null;
  try {
    const { messages = [] } = await client.conversations.replies({
      channel: event.channel,
      ts: event.thread_ts,
      include_all_metadata: true,
      limit: 200,
    });
    const ours = messages.filter((message) => message.app_id === appId && message.metadata?.event_type === REPLY_EVENT_TYPE);
    const payload = ours.at(-1)?.metadata?.event_payload as { request_id?: unknown } | undefined;
    return typeof payload?.request_id === 'string' ? payload.request_id : null;
  } catch (error) {
    log.warn(
      { channel: event.channel, err: (error as Error).message },
      'could not read the Slack thread: the message is taken as a new report',
    );
    return null;
  }
}

interface EventBody {
  api_app_id?: string;
  authorizations?: { user_id?: string }[];
}

/** The Slack app: the form (slash command, message shortcut), its submissions, and mentions and direct messages. */
function listen(app: App, ctx: ConnectorContext, log: Logger): void {
  const { services } = ctx.config;

  async function openForm(client: WebClient, triggerId: string, prefill: FormPrefill, origin: FormOrigin): Promise<boolean> {
    try {
      await client.views.open({ trigger_id: triggerId, view: reportForm(services, prefill, origin) });
      return true;
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'could not open the Slack report form');
      return false;
    }
  }

  // every slash command pointed at us opens the form, whatever the workspace named it (/311, /report, ...)
  app.command(/.*/, async ({ command, ack, client }) => {
    const opened = await openForm(client, command.trigger_id, { description: plainText(command.text) }, { channel: command.channel_id });
    await ack(opened ? undefined : { response_type: 'ephemeral', text: FORM_UNAVAILABLE });
  });

  app.shortcut({ callback_id: REPORT_SHORTCUT, type: 'message_action' }, async ({ shortcut, ack, client, respond }) => {
    await ack();
    const { message } = shortcut;
    const prefill = { description: plainText(message.text ?? ''), photo: firstImageLink(message.files) };
    const origin = { channel: shortcut.channel.id, message_ts: message.ts, message_author: message.user };
    if (!(await openForm(client, shortcut.trigger_id, prefill, origin)))
      await respond({ response_type: 'ephemeral', text: FORM_UNAVAILABLE });
  });

  app.options<'block_suggestion'>({ action_id: SERVICE_ACTION, type: 'block_suggestion' }, async ({ options, ack }) => {
    await ack({ options: searchServices(services, options.value) });
  });

  app.view(REPORT_VIEW, async ({ ack, body, view, client }) => {
    const submission = readSubmission(view.state.values, services);
    if (!submission.ok) {
      await ack({ response_action: 'errors', errors: submission.errors });
      return;
    }
    const person = await lookUpPerson(client, body.user.id, log);
    try {
      const accepted = await ctx.accept(formReport(submission.fields, readOrigin(view.private_metadata), view.id, body.user.id, person));
      log.info({ channel: 'slack', id: accepted.id, duplicate: accepted.duplicate }, 'Slack report form accepted');
      await ack();
    } catch (error) {
      if (!(error instanceof IntakeError)) throw error;
      // the form stays open with what was typed, so sending again is one click
      await ack({ response_action: 'errors', errors: { description: error.status === 503 ? QUEUE_BUSY : error.message } });
    }
  });

  async function takeMessage(raw: unknown, body: EventBody, client: WebClient) {
    const parsed = SlackMessageEvent.safeParse(raw);
    // edits, joins, bots (ourselves included) and the like are not reports
    if (!parsed.success || parsed.data.bot_id !== undefined || (parsed.data.subtype !== undefined && parsed.data.subtype !== 'file_share'))
      return;
    const event = parsed.data;
    if (event.type === 'message' && event.channel_type !== 'im') return;
    const botUserId = body.authorizations?.[0]?.user_id ?? null;
    if (plainText(event.text, botUserId) === '' && event.files.length === 0) {
      await client.chat.postEphemeral({ channel: event.channel, user: event.user, text: NOTHING_TO_REPORT }).catch(() => undefined);
      return;
    }
    const continues = await requestOfThread(client, event, body.api_app_id, log);
    const person = await lookUpPerson(client, event.user, log);
    const accepted = await ctx.accept(messageReport(event, person, botUserId, continues));
    log.info({ channel: 'slack', id: accepted.id, duplicate: accepted.duplicate, continues: accepted.continues }, 'Slack message accepted');
  }

  app.event('app_mention', async ({ event, body, client }) => takeMessage(event, body, client));
  app.event('message', async ({ event, body, client }) => takeMessage(event, body, client));
}

/** Mounts `POST /slack/events` on the router: signature first, then bolt's receiver, which answers once the listener is done. */
export function mountSlackApp(router: Router, ctx: ConnectorContext, slack: SlackSettings): App {
  const log = ctx.log.child({ channel: 'slack' });
  const logger = slackLogger(log);
  router.post(SLACK_ROUTE, ...verifiedBody(slack.signing_secret, ctx.config.server.body_limit));
  const receiver = new ExpressReceiver({
    signingSecret: slack.signing_secret,
    endpoints: SLACK_ROUTE,
    router,
    // the answer waits for the listener, so a 2xx means the report is in Redis
    processBeforeResponse: true,
    logger,
    processEventErrorHandler: answerFailure(log),
  });
  const app = new App({
    receiver,
    // one workspace, one bot token: nothing to look up per request
    authorize: async () => ({ botToken: slack.bot_token }),
    clientOptions: webClientOptions(slack, log),
    logger,
    // bot messages are skipped by the listeners; the conversation store would keep state in memory
    ignoreSelf: false,
    convoStore: false,
  });
  app.error(async (error) => {
    throw error;
  });
  listen(app, ctx, log);
  return app;
}
