import {
  SLACK_BOT,
  blockOf,
  postAsSlack,
  slackDirectMessage,
  startLoopbackServer,
  startSlackStandIn,
  waitFor,
  type LoopbackServer,
  type SlackBody,
  type SlackStandIn,
} from '@intake/testkit';
import { everythingTo, deliveredRecords, demoConfig, startGateway, type Running } from './harness.js';
import { settle, untilReady } from './twilio.js';

const SIGNING_SECRET = 'gateway-test-slack-signing-secret';
const BOT_TOKEN = 'xoxb-gateway-test';

const submission = (viewId: string, user: string, values: { description: string; service?: string; address?: string }): SlackBody => ({
  interaction: {
    type: 'view_submission',
    team: { id: SLACK_BOT.team_id, domain: 'banff' },
    user: { id: user, username: 'crew', name: 'crew', team_id: SLACK_BOT.team_id },
    api_app_id: SLACK_BOT.app_id,
    view: {
      id: viewId,
      type: 'modal',
      callback_id: 'intake_report',
      private_metadata: JSON.stringify({ channel: 'C0CREWS' }),
      state: {
        values: {
          description: { value: { type: 'plain_text_input', value: values.description } },
          service: { service: { type: 'static_select', selected_option: values.service ? { value: values.service } : null } },
          address: { value: { type: 'plain_text_input', value: values.address ?? null } },
          photo: { value: { type: 'url_text_input', value: null } },
        },
      },
    },
  },
});

describe('Slack through the gateway, end to end', () => {
  let crm: LoopbackServer;
  let slackApi: SlackStandIn;
  let running: Running;
  let slackUrl: string;

  beforeAll(async () => {
    crm = await startLoopbackServer(() => ({ status: 201, body: JSON.stringify({ id: 'CRM-1' }) }));
    slackApi = await startSlackStandIn();
    slackApi.answer('users.info', (args) => ({
      ok: true,
      user: { id: args.user, real_name: 'Sam Crew', profile: { real_name: 'Sam Crew', email: 'sam.crew@banff.example' } },
    }));
    running = await startGateway(
      demoConfig((raw) => {
        raw.channels.slack = { signing_secret: SIGNING_SECRET, bot_token: BOT_TOKEN, api_url: slackApi.apiUrl };
        raw.router = everythingTo(crm);
      }),
    );
    slackUrl = `${running.url}/slack/events`;
    await untilReady(running.url);
  });
  afterAll(async () => {
    await running.stop();
    await crm.close();
    await slackApi.close();
  });

  const records = () => deliveredRecords(crm);
  const recordWith = (externalId: string) => records().find((record) => record.source.external_id === externalId);
  const postedTo = (channel: string, text: string) => slackApi.posts.find((post) => post.channel === channel && post.text.includes(text));

  it("opens the report form for /311 through Slack's API", async () => {
    const response = await postAsSlack(slackUrl, SIGNING_SECRET, {
      form: {
        team_id: SLACK_BOT.team_id,
        api_app_id: SLACK_BOT.app_id,
        channel_id: 'C0CREWS',
        user_id: 'U0SAM',
        command: '/311',
        text: 'pothole',
        trigger_id: 'trigger-gw-1',
        response_url: `${slackApi.url}/respond`,
      },
    });
    expect(response.status).toBe(200);
    const call = slackApi.calls('views.open').at(-1);
    expect(call).toMatchObject({ token: BOT_TOKEN, args: { trigger_id: 'trigger-gw-1', view: { callback_id: 'intake_report' } } });
    const services = blockOf(slackApi.viewOpened(), 'service').element?.option_groups?.flatMap((group) =>
      group.options.map((o) => o.value),
    );
    expect(services).toEqual(expect.arrayContaining(['POTHOLE', 'STREETLIGHT', 'GRAFFITI']));
  });

  it('delivers a submitted form to the CRM once, and tells the person in a DM with the reference', async () => {
    const form = submission('V0GW1', 'U0SAM', {
      description: 'Deep pothole in the right lane',
      service: 'POTHOLE',
      address: '211 Bear St',
    });
    expect((await postAsSlack(slackUrl, SIGNING_SECRET, form)).status).toBe(200);
    expect((await postAsSlack(slackUrl, SIGNING_SECRET, form)).status).toBe(200);

    const record = await waitFor(() => recordWith('view:V0GW1'), 15_000, 'the CRM delivery');
    expect(record).toMatchObject({
      event: 'service_request.created',
      channel: 'slack',
      reporter: { name: 'Sam Crew', email: 'sam.crew@banff.example', phone: null },
      description: 'Deep pothole in the right lane',
      service_code: 'POTHOLE',
      location: { address: '211 Bear Street', precision: 'address', in_jurisdiction: true },
    });
    const reference = record.reference;
    const acknowledgement = await waitFor(() => postedTo('U0SAM', `received your report ${reference}`), 15_000, 'the acknowledgement');
    expect(acknowledgement.metadata).toEqual({
      event_type: 'intake_reply',
      event_payload: { request_id: record.id, reference, kind: 'acknowledgement' },
    });
    await waitFor(() => postedTo('U0SAM', `${reference} has been passed to the team`), 15_000, 'the delivered status');
    await settle();
    expect(records().filter((r) => r.source.external_id === 'view:V0GW1')).toHaveLength(1);
  });

  it('refuses a badly signed submission with a 401 and delivers nothing', async () => {
    const forged = await postAsSlack(
      slackUrl,
      'not-the-signing-secret',
      submission('V0FORGED', 'U0EVE', { description: 'graffiti at 211 Bear St' }),
    );
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    const stale = await postAsSlack(
      slackUrl,
      SIGNING_SECRET,
      submission('V0STALE', 'U0EVE', { description: 'graffiti at 211 Bear St' }),
      Math.floor(Date.now() / 1000) - 600,
    );
    expect(stale.status).toBe(401);
    await settle(1000);
    expect(
      records().filter((record) => record.source.external_id === 'view:V0FORGED' || record.source.external_id === 'view:V0STALE'),
    ).toEqual([]);
  });

  it('asks where in the DM thread, and completes the same request with the answer in that thread', async () => {
    const first = slackDirectMessage({ user: 'U0KIM', channel: 'D0KIM', text: 'the streetlight is out, it has been dark for days' });
    const ts = (first as { event: { event: { ts: string } } }).event.event.ts;
    expect((await postAsSlack(slackUrl, SIGNING_SECRET, first)).status).toBe(200);

    const question = await waitFor(() => postedTo('D0KIM', 'Where is it?'), 15_000, 'the question');
    expect(question.thread_ts).toBe(ts);
    const requestId = question.metadata!.event_payload.request_id as string;
    await settle();
    expect(records().find((record) => record.id === requestId)).toBeUndefined();

    const answer = slackDirectMessage({ user: 'U0KIM', channel: 'D0KIM', thread_ts: ts, text: 'corner of Banff Ave and Wolf St' });
    expect((await postAsSlack(slackUrl, SIGNING_SECRET, answer)).status).toBe(200);
    const record = await waitFor(() => records().find((r) => r.id === requestId), 15_000, 'the completed delivery');
    expect(record).toMatchObject({
      channel: 'slack',
      service_code: 'STREETLIGHT',
      location: { precision: 'intersection', in_jurisdiction: true },
      source: { external_id: `message:D0KIM:${ts}` },
    });
    await settle();
    expect(records().filter((r) => r.reporter.name === 'Sam Crew' && r.source.external_id?.startsWith('message:D0KIM'))).toHaveLength(1);
  });
});
