import {
  postAsSlack,
  slackDirectMessage,
  startLoopbackServer,
  startSlackStandIn,
  waitFor,
  type LoopbackServer,
  type SlackStandIn,
} from '@intake/testkit';
import { deliveredRecords, demoConfig, startGateway, type Running } from './harness.js';
import { TWILIO, postAsTwilio, settle, smsChannel, startTwilioStandIn, untilReady, type TwilioStandIn } from './twilio.js';

const SIGNING_SECRET = 'gateway-test-questions-signing-secret';

/** A message that asks rather than reports, from the citizen's words to the desk that answers and back. */
describe('a question, end to end', () => {
  let desk: LoopbackServer;
  let crm: LoopbackServer;
  let slackApi: SlackStandIn;
  let twilioApi: TwilioStandIn;
  let running: Running;

  beforeAll(async () => {
    desk = await startLoopbackServer(() => ({ status: 201, body: '{}' }));
    crm = await startLoopbackServer(() => ({ status: 201, body: '{}' }));
    slackApi = await startSlackStandIn();
    twilioApi = await startTwilioStandIn();
    slackApi.answer('users.info', (args) => ({
      ok: true,
      user: { id: args.user, real_name: 'Ana Lopez', profile: { real_name: 'Ana Lopez' } },
    }));
    running = await startGateway(
      demoConfig((raw) => {
        raw.channels.slack = { signing_secret: SIGNING_SECRET, bot_token: 'xoxb-questions', api_url: slackApi.apiUrl };
        raw.channels.sms = smsChannel(twilioApi);
        raw.router = {
          destinations: {
            desk: { type: 'webhook', url: `${desk.url}/questions`, secret: 'desk-secret' },
            crm: { type: 'webhook', url: `${crm.url}/intake`, secret: 'crm-secret' },
          },
          rules: [{ name: 'questions to the front desk', when: { intent: 'question' }, then: { deliver_to: ['desk'], priority: 'low' } }],
          default: { deliver_to: ['crm'] },
        };
      }),
    );
    await untilReady(running.url);
  });
  afterAll(async () => {
    await running.stop();
    await Promise.all([desk.close(), crm.close(), slackApi.close(), twilioApi.close()]);
  });

  const send = (user: string, channel: string, text: string) =>
    postAsSlack(`${running.url}/slack/events`, SIGNING_SECRET, slackDirectMessage({ user, channel, text }));
  const postedTo = (channel: string) => slackApi.posts.filter((post) => post.channel === channel);

  it('goes to the desk its rule names, and is answered that it was passed on, without asking where', async () => {
    expect((await send('U0ANA', 'D0ANA', 'is the transfer station open on sundays?')).status).toBe(200);
    const [record] = await waitFor(
      () => (deliveredRecords(desk).length > 0 ? deliveredRecords(desk) : undefined),
      15_000,
      'the desk delivery',
    );
    expect(record).toMatchObject({
      intent: 'question',
      service_code: 'OTHER', // the demo's classification.question_fallback_code
      location: { precision: 'none' },
      routing: { rule: 'questions to the front desk', priority: 'low' },
    });
    const answer = await waitFor(() => postedTo('D0ANA').find((post) => post.text.includes('question')), 15_000, 'the answer');
    expect(answer.text).toContain(`passed your question ${record!.reference} on`);
    await settle();
    expect(
      postedTo('D0ANA')
        .map((post) => post.text)
        .join('\n'),
    ).not.toContain('Where is it?');
    expect(deliveredRecords(crm)).toEqual([]);
  });

  // a texting channel answers in the webhook's own reply (TwiML), before the message is classified
  it.each([
    ['SMS', '+14035550177', 'when is the next leaf collection?', 'thank you, we passed your question'],
    ['WhatsApp', 'whatsapp:+14035550178', 'à quelle heure ouvre la piscine municipale?', 'merci, nous avons transmis votre question'],
  ])('answers a question by %s that it was passed on, not that a report is in', async (_channel, from, body, passedOn) => {
    const params = { MessageSid: `SMquestion${from.replace(/\D/g, '')}`, To: TWILIO.number, From: from, Body: body };
    const twiml = await (await postAsTwilio(running.url, running.gateway.config, '/webhooks/twilio/sms', params)).text();
    expect(twiml).toContain(passedOn);
    expect(twiml).not.toMatch(/received your report|reçu votre signalement/);
    const reference = /question ([0-9A-Z]{6})/.exec(twiml)![1];
    const record = await waitFor(
      () => deliveredRecords(desk).find((delivered) => delivered.reference === reference),
      15_000,
      'the desk delivery',
    );
    expect(record).toMatchObject({ intent: 'question' });
  });

  it('leaves a report without a place to ask where, and to the default destination', async () => {
    expect((await send('U0BEN', 'D0BEN', 'the streetlight is out, it has been dark for days')).status).toBe(200);
    await waitFor(() => postedTo('D0BEN').find((post) => post.text.includes('Where is it?')), 15_000, 'the question back');
    expect(
      postedTo('D0BEN')
        .map((post) => post.text)
        .join('\n'),
    ).not.toContain('passed your question');
  });
});
