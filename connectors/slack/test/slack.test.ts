import { createLogger, textsFor, type InboundMessageInput } from '@intake/core';
import { SLACK_BOT, blockOf, slackSignature, startSlackStandIn, type SlackStandIn } from '@intake/testkit';
import { REPLY_EVENT_TYPE, createSlackResponder } from '../src/index.js';
import {
  BOT_TOKEN,
  SIGNING_SECRET,
  formValues,
  messageEvent,
  nextTs,
  postAsSlack,
  slashCommand,
  startConnector,
  testConfig,
  viewSubmission,
  type ConnectorApp,
} from './harness.js';

const log = createLogger({ level: 'silent' });

describe('the Slack connector', () => {
  let slackApi: SlackStandIn;
  let connector: ConnectorApp;

  beforeAll(async () => {
    slackApi = await startSlackStandIn();
    connector = await startConnector(testConfig(slackApi));
  });
  afterAll(async () => {
    await connector.close();
    await slackApi.close();
  });
  beforeEach(() => {
    connector.queueDown = false;
    slackApi.reset();
  });

  const acceptedWith = (externalId: string) => connector.accepted.filter((message) => message.external_id === externalId);

  describe('signatures', () => {
    const challenge = { event: { type: 'url_verification', token: 'legacy', challenge: 'c-123' } };

    it("answers Slack's URL verification when signed with the signing secret", async () => {
      const response = await postAsSlack(connector.url, challenge);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ challenge: 'c-123' });
    });

    it.each([
      ['another secret', { secret: 'not-the-signing-secret' }],
      ['a stale timestamp', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ])('refuses a request signed with %s with a 401 JSON error and takes nothing', async (_what, signing) => {
      const before = connector.accepted.length;
      const response = await postAsSlack(
        connector.url,
        messageEvent({ type: 'app_mention', user: 'U0CREW1', channel: 'C0CREWS', text: 'pothole at 12 Elm St' }),
        signing,
      );
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
      expect(connector.accepted.length).toBe(before);
    });

    it('refuses a request without signature headers', async () => {
      const response = await fetch(`${connector.url}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(challenge.event),
      });
      expect(response.status).toBe(401);
    });

    it.each([
      ['JSON', 'application/json', '{"type": "event_callback", '],
      ['a form payload', 'application/x-www-form-urlencoded', 'payload=%7B%22type%22%3A'],
    ])('answers a signed but unparsable %s body with a 400 JSON error and takes nothing', async (_what, contentType, body) => {
      const before = connector.accepted.length;
      const response = await fetch(`${connector.url}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': contentType, ...slackSignature(SIGNING_SECRET, body) },
        body,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: { code: 'invalid_body', message: expect.any(String) } });
      expect(connector.accepted.length).toBe(before);
    });

    it('refuses a signed body changed on the way', async () => {
      const signed = slackSignature(SIGNING_SECRET, JSON.stringify(challenge.event));
      const response = await fetch(`${connector.url}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signed },
        body: JSON.stringify({ ...challenge.event, challenge: 'forged' }),
      });
      expect(response.status).toBe(401);
    });
  });

  describe('the report form', () => {
    it('opens from the slash command with the typed text, the catalogue by group, and where it was typed', async () => {
      const command = slashCommand(slackApi, 'big pothole &amp; a <https://example.org/p.jpg|photo>');
      const response = await postAsSlack(connector.url, command);
      expect(response.status).toBe(200);
      const call = slackApi.calls('views.open').at(-1)!;
      expect(call.token).toBe(BOT_TOKEN);
      expect(call.args.trigger_id).toBe((command as { form: Record<string, string> }).form.trigger_id);
      const view = slackApi.viewOpened();
      expect(view.callback_id).toBe('intake_report');
      expect(JSON.parse(view.private_metadata ?? '')).toEqual({ channel: 'C0CREWS' });
      expect(blockOf(view, 'description').element?.initial_value).toBe('big pothole & a photo (https://example.org/p.jpg)');
      expect(blockOf(view, 'description').optional).toBeUndefined();
      expect(blockOf(view, 'service').optional).toBe(true);
      expect(
        blockOf(view, 'service').element?.option_groups?.map((group) => [group.label.text, group.options.map((o) => o.value)]),
      ).toEqual([
        ['Streets', ['POTHOLE', 'STREETLIGHT']],
        ['Parks', ['GRAFFITI']],
        ['Other', ['OTHER']],
      ]);
      expect(blockOf(view, 'photo').element?.type).toBe('url_text_input');
    });

    it('says so, privately, when Slack will not open the form', async () => {
      slackApi.answer('views.open', () => ({ ok: false, error: 'expired_trigger_id' }));
      try {
        const response = await postAsSlack(connector.url, slashCommand(slackApi, ''));
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ response_type: 'ephemeral', text: expect.stringContaining('could not be opened') });
      } finally {
        slackApi.reset();
      }
    });

    it("turns a submission into one message for the intake queue, with the person's name and email from Slack", async () => {
      slackApi.answer('users.info', (args) => ({
        ok: true,
        user: { id: args.user, name: 'jdoe', real_name: 'Jo Doe', profile: { real_name: 'Jo Doe', email: 'jo.doe@springfield.example' } },
      }));
      const submission = viewSubmission({
        id: 'V0SUBMIT1',
        private_metadata: JSON.stringify({ channel: 'C0CREWS' }),
        values: formValues({
          description: '  Deep pothole in the right lane  ',
          service: 'POTHOLE',
          address: '12 Elm Street',
          photo: 'https://files.example/p.jpg',
        }),
      });
      const response = await postAsSlack(connector.url, submission);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('');
      expect(acceptedWith('view:V0SUBMIT1')).toEqual([
        {
          channel: 'slack',
          external_id: 'view:V0SUBMIT1',
          sender: { name: 'Jo Doe', email: 'jo.doe@springfield.example', phone: null, handle: 'U0CREW1' },
          text: 'Deep pothole in the right lane',
          service_code: 'POTHOLE',
          address: '12 Elm Street',
          media: [{ url: 'https://files.example/p.jpg', content_type: null, name: null }],
          reply_to: { channel: 'slack', to: 'U0CREW1', from: null, thread: [], subject: null },
          context: { slack_channel: 'C0CREWS' },
          source_details: { slack_channel: 'C0CREWS' },
        },
      ]);
      expect(slackApi.calls('users.info').at(-1)?.args.user).toBe('U0CREW1');

      // a double click sends the same view again: the same channel id, so the gateway makes one request of it
      expect((await postAsSlack(connector.url, submission)).status).toBe(200);
      expect(acceptedWith('view:V0SUBMIT1')).toHaveLength(1);
    });

    it('shows problems beside their fields and takes nothing', async () => {
      const before = connector.accepted.length;
      const response = await postAsSlack(
        connector.url,
        viewSubmission({ id: 'V0BAD', values: formValues({ description: '   ', service: 'NOT_A_SERVICE', photo: 'javascript:alert(1)' }) }),
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        response_action: 'errors',
        errors: { description: expect.any(String), service: expect.any(String), photo: expect.stringContaining('https://') },
      });
      const garbage = await postAsSlack(
        connector.url,
        viewSubmission({ id: 'V0GARBAGE', values: { description: 'not an object of actions' } }),
      );
      expect(((await garbage.json()) as { response_action: string }).response_action).toBe('errors');
      expect(connector.accepted.length).toBe(before);
    });

    it('keeps the form open with a message when the queue is down, and takes the report when sent again', async () => {
      const submission = viewSubmission({ id: 'V0RETRY', values: formValues({ description: 'streetlight out on Oak Ave' }) });
      connector.queueDown = true;
      const refused = await postAsSlack(connector.url, submission);
      expect(refused.status).toBe(200);
      expect(await refused.json()).toEqual({
        response_action: 'errors',
        errors: { description: expect.stringContaining('again in a minute') },
      });
      connector.queueDown = false;
      expect((await postAsSlack(connector.url, submission)).status).toBe(200);
      expect(acceptedWith('view:V0RETRY')).toHaveLength(1);
    });
  });

  describe('the "Report to 311" message shortcut', () => {
    it('opens the form prefilled with the message and its picture, and the submission says where it came from', async () => {
      const ts = nextTs();
      const response = await postAsSlack(connector.url, {
        interaction: {
          type: 'message_action',
          callback_id: 'report_to_311',
          trigger_id: 'trigger-shortcut',
          message_ts: ts,
          response_url: `${slackApi.url}/respond/shortcut`,
          team: { id: SLACK_BOT.team_id, domain: 'springfield' },
          channel: { id: 'C0FIELD', name: 'field-crew' },
          user: { id: 'U0CREW2', name: 'crew2' },
          token: 'legacy',
          action_ts: ts,
          message: {
            type: 'message',
            user: 'U0CREW3',
            ts,
            text: 'tree down across <#C0ROADS|roads> near 40 Pine Rd, <@U0CREW4> saw it',
            files: [{ name: 'tree.jpg', mimetype: 'image/jpeg', permalink: 'https://springfield.slack.com/files/U0CREW3/F1/tree.jpg' }],
          },
        },
      });
      expect(response.status).toBe(200);
      expect(slackApi.calls('views.open').at(-1)?.args.trigger_id).toBe('trigger-shortcut');
      const view = slackApi.viewOpened();
      const description = blockOf(view, 'description').element?.initial_value;
      expect(description).toBe('tree down across #roads near 40 Pine Rd, @U0CREW4 saw it');
      expect(blockOf(view, 'photo').element?.initial_value).toBe('https://springfield.slack.com/files/U0CREW3/F1/tree.jpg');

      await postAsSlack(
        connector.url,
        viewSubmission(
          {
            id: 'V0SHORTCUT',
            private_metadata: view.private_metadata,
            values: formValues({ description: description! }),
          },
          'U0CREW2',
        ),
      );
      expect(acceptedWith('view:V0SHORTCUT')[0]).toMatchObject({
        sender: { handle: 'U0CREW2' },
        text: 'tree down across #roads near 40 Pine Rd, @U0CREW4 saw it',
        context: { slack_channel: 'C0FIELD', slack_message_ts: ts, slack_message_author: 'U0CREW3' },
        // the original author reaches the record's source, for the clerk
        source_details: { slack_channel: 'C0FIELD', slack_message_ts: ts, slack_message_author: 'U0CREW3' },
      });
    });
  });

  describe('mentions and direct messages', () => {
    it("takes a mention without the bot's own name, answering in its thread", async () => {
      const body = messageEvent({
        type: 'app_mention',
        user: 'U0CREW1',
        channel: 'C0CREWS',
        text: `<@${SLACK_BOT.user_id}> graffiti on the wall at 5 Main St`,
      });
      const response = await postAsSlack(connector.url, body);
      expect(response.status).toBe(200);
      const event = (body as { event: { event: { ts: string } } }).event.event;
      expect(acceptedWith(`message:C0CREWS:${event.ts}`)).toEqual([
        expect.objectContaining({
          channel: 'slack',
          text: 'graffiti on the wall at 5 Main St',
          sender: expect.objectContaining({ handle: 'U0CREW1' }),
          continues: null,
          reply_to: { channel: 'slack', to: 'U0CREW1', from: 'C0CREWS', thread: [event.ts], subject: null },
        }),
      ]);
    });

    it('takes a direct message, and leaves channel chatter, edits and bots alone', async () => {
      const before = connector.accepted.length;
      const dm = messageEvent({
        type: 'message',
        channel_type: 'im',
        user: 'U0CREW1',
        channel: 'D0CREW1',
        text: 'water leaking from hydrant on 3 Oak Ave',
      });
      expect((await postAsSlack(connector.url, dm)).status).toBe(200);
      for (const ignored of [
        { type: 'message', channel_type: 'channel', user: 'U0CREW1', channel: 'C0CREWS', text: 'lunch?' },
        { type: 'message', channel_type: 'im', subtype: 'message_changed', user: 'U0CREW1', channel: 'D0CREW1', text: 'edited' },
        {
          type: 'message',
          channel_type: 'im',
          bot_id: SLACK_BOT.bot_id,
          user: SLACK_BOT.user_id,
          channel: 'D0CREW1',
          text: 'our own reply',
        },
      ]) {
        expect((await postAsSlack(connector.url, messageEvent(ignored))).status).toBe(200);
      }
      expect(connector.accepted.slice(before).map((message) => message.text)).toEqual(['water leaking from hydrant on 3 Oak Ave']);
    });

    it('hints privately at how to report when a mention says nothing', async () => {
      const before = connector.accepted.length;
      await postAsSlack(
        connector.url,
        messageEvent({ type: 'app_mention', user: 'U0CREW1', channel: 'C0CREWS', text: `<@${SLACK_BOT.user_id}>` }),
      );
      expect(connector.accepted.length).toBe(before);
      expect(slackApi.calls('chat.postEphemeral').at(-1)?.args).toMatchObject({
        channel: 'C0CREWS',
        user: 'U0CREW1',
        text: expect.stringContaining('/311'),
      });
    });

    it('answers 503 with Retry-After while the queue is down, so that Slack sends the event again', async () => {
      connector.queueDown = true;
      const body = messageEvent({
        type: 'message',
        channel_type: 'im',
        user: 'U0CREW1',
        channel: 'D0CREW1',
        text: 'sidewalk cracked at 9 Birch St',
      });
      const refused = await postAsSlack(connector.url, body);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('queue_unavailable');
      connector.queueDown = false;
      expect((await postAsSlack(connector.url, body)).status).toBe(200);
      expect(connector.accepted.at(-1)?.text).toBe('sidewalk cracked at 9 Birch St');
    });

    it('adds a reply in the thread of our question to the request the question was about', async () => {
      const responder = createSlackResponder(connector.config, log, textsFor(connector.config))!;
      const question = messageEvent({
        type: 'message',
        channel_type: 'im',
        user: 'U0CREW5',
        channel: 'D0CREW5',
        text: 'the streetlight is out again',
      });
      const ts = (question as { event: { event: { ts: string } } }).event.event.ts;
      await postAsSlack(connector.url, question);
      const asked = connector.accepted.at(-1)!;
      await responder.send(asked.reply_to as never, {
        request_id: 'REQ-WAITING',
        reference: 'ITING',
        kind: 'question',
        text: 'Where is it?',
        language: 'en',
      });

      await postAsSlack(
        connector.url,
        messageEvent({
          type: 'message',
          channel_type: 'im',
          user: 'U0CREW5',
          channel: 'D0CREW5',
          thread_ts: ts,
          text: 'corner of Oak and 3rd',
        }),
      );
      expect(connector.accepted.at(-1)).toMatchObject({
        text: 'corner of Oak and 3rd',
        continues: 'REQ-WAITING',
        reply_to: { thread: [ts] },
      });
      expect(slackApi.calls('conversations.replies').at(-1)?.args).toMatchObject({ channel: 'D0CREW5', ts, include_all_metadata: 'true' });

      // a reply in a thread we never answered in is a new report
      const other = nextTs();
      await postAsSlack(
        connector.url,
        messageEvent({
          type: 'message',
          channel_type: 'im',
          user: 'U0CREW5',
          channel: 'D0CREW5',
          thread_ts: other,
          text: 'also a pothole at 1 Elm St',
        }),
      );
      expect(connector.accepted.at(-1)).toMatchObject({ text: 'also a pothole at 1 Elm St', continues: null });
    });
  });

  describe('the responder', () => {
    it("posts to the person's DM for a form, and to the thread for a message, escaped, with the request in its metadata", async () => {
      const responder = createSlackResponder(connector.config, log, textsFor(connector.config))!;
      expect(responder.channels).toEqual(['slack']);
      await responder.send(
        { channel: 'slack', to: 'U0CREW1', from: null, thread: [], subject: null },
        {
          request_id: 'REQ1',
          reference: 'ABC123',
          kind: 'acknowledgement',
          text: 'City of Springfield: we received your report ABC123 <!channel> & thanks',
          language: 'en',
        },
      );
      await responder.send(
        { channel: 'slack', to: 'U0CREW1', from: 'C0CREWS', thread: ['1700000000.000100'], subject: null },
        { request_id: 'REQ1', reference: 'ABC123', kind: 'question', text: 'Where is it?', language: 'en' },
      );
      const [ack, question] = slackApi
        .calls('chat.postMessage')
        .slice(-2)
        .map((call) => call.args);
      expect(ack).toMatchObject({
        channel: 'U0CREW1',
        text: 'City of Springfield: we received your report ABC123 &lt;!channel&gt; &amp; thanks',
      });
      expect(ack!.thread_ts).toBeUndefined();
      expect(ack!.metadata).toEqual({
        event_type: REPLY_EVENT_TYPE,
        event_payload: { request_id: 'REQ1', reference: 'ABC123', kind: 'acknowledgement' },
      });
      expect(question).toMatchObject({
        channel: 'C0CREWS',
        thread_ts: '1700000000.000100',
        text: expect.stringMatching(/^Where is it\?\n_Reply in this thread.*ABC123/),
      });
      expect(slackApi.calls('chat.postMessage').at(-1)?.token).toBe(BOT_TOKEN);
    });

    it('fails when Slack refuses, so that the reply queue retries', async () => {
      slackApi.answer('chat.postMessage', () => ({ ok: false, error: 'ratelimited' }));
      const responder = createSlackResponder(connector.config, log, textsFor(connector.config))!;
      await expect(
        responder.send(
          { channel: 'slack', to: 'U0CREW1', from: null, thread: [], subject: null },
          { request_id: 'R', reference: 'R', kind: 'status', text: 'x', language: 'en' },
        ),
      ).rejects.toThrow('ratelimited');
    });
  });
});

describe('a catalogue longer than a Slack select holds', () => {
  it('is searched as the person types', async () => {
    const slackApi = await startSlackStandIn();
    const services = Array.from({ length: 150 }, (_, i) => ({
      code: `S${i}`,
      name: `Service ${i}`,
      keywords: i === 42 ? ['abandoned bicycle'] : [],
    }));
    const connector = await startConnector(testConfig(slackApi, services));
    try {
      await postAsSlack(connector.url, slashCommand(slackApi, ''));
      const service = blockOf(slackApi.viewOpened(0), 'service');
      expect(service.element).toMatchObject({ type: 'external_select', action_id: 'service' });

      const response = await postAsSlack(connector.url, {
        interaction: {
          type: 'block_suggestion',
          action_id: 'service',
          block_id: 'service',
          value: 'bicycle',
          api_app_id: 'A0INTAKEAPP',
          team: { id: SLACK_BOT.team_id },
          user: { id: 'U0CREW1' },
          view: { id: 'V1', callback_id: 'intake_report' },
          token: 'legacy',
        },
      });
      expect(await response.json()).toEqual({ options: [{ text: { type: 'plain_text', text: 'Service 42' }, value: 'S42' }] });
      const valid = viewSubmission({ id: 'V0LONG', values: formValues({ description: 'bike left chained for weeks', service: 'S149' }) });
      await postAsSlack(connector.url, valid);
      expect(connector.accepted.map((message: InboundMessageInput) => message.service_code)).toEqual(['S149']);
    } finally {
      await connector.close();
      await slackApi.close();
    }
  });
});
