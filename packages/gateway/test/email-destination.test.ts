import { startSmtpSink, waitFor, type SmtpRefusal, type SmtpSink } from '@intake/testkit';
import { lookUp, adminHeaders, demoConfig, startGateway, type Running } from './harness.js';
import { settle, untilReady } from './twilio.js';

const WORKS = 'works@banff.example';

describe('the email destination through the gateway, against a real SMTP server', () => {
  let smtp: SmtpSink;
  /** refusals to give, in order, before taking mail again */
  const refusals: SmtpRefusal[] = [];
  let running: Running;

  beforeAll(async () => {
    smtp = await startSmtpSink({ refuse: () => refusals.shift() ?? null });
    running = await startGateway(
      demoConfig((raw) => {
        raw.router = {
          destinations: {
            works: {
              type: 'email',
              to: WORKS,
              from: 'Town of Banff 311 <311@banff.example>',
              smtp: { host: smtp.host, port: smtp.port, secure: false },
            },
          },
          rules: [],
          default: { deliver_to: ['works'] },
        };
      }),
    );
    await untilReady(running.url);
  });
  afterAll(async () => {
    await running.stop();
    await smtp.close();
  });

  const report = async (body: Record<string, unknown>) => {
    const response = await fetch(`${running.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(202);
    return ((await response.json()) as { id: string }).id;
  };
  const stored = (id: string) => lookUp(running, id);
  const mailsFor = (id: string) => smtp.messages.filter((mail) => mail.headers.get('x-intake-request-id') === id);
  const deliveryOf = (id: string, status: string) => async () => {
    const request = await stored(id);
    return request.deliveries?.works?.status === status && request;
  };

  it('mails the works inbox a summary with the delivered record attached', async () => {
    const id = await report({
      description: 'big pothole outside 211 Bear St, almost lost a tire',
      name: 'Jane Citizen',
      phone: '+14035550123',
    });
    const mail = await waitFor(() => mailsFor(id)[0], 15_000, 'the mail');
    const request = await waitFor(deliveryOf(id, 'delivered'), 5_000, 'the delivered state');

    expect(mail.subject).toBe(`[Intake] Pothole at 211 Bear Street [#${(await stored(id)).record.reference}]`);
    expect(mail.text).toContain('Reporter: Jane Citizen, +14035550123');
    expect(mail.text).toMatch(/Map: https:\/\/www\.openstreetmap\.org\/\?mlat=51\.\d+&mlon=-115\.\d+/);
    const attachment = mail.attachments.find((file) => file.contentType === 'application/json');
    expect(JSON.parse(attachment!.content.toString('utf8'))).toEqual(request.record);
    expect(request.deliveries.works).toMatchObject({ attempts: 1, receipt: { message_id: mail.messageId } });
  });

  it('tries again after a 451 and the inbox gets the mail once', async () => {
    refusals.push({ code: 451, message: '4.7.1 greylisted, come back later' });
    const id = await report({ description: 'streetlight out at 211 Banff Avenue' });
    const request = await waitFor(deliveryOf(id, 'delivered'), 15_000, 'the delivery after a retry');
    expect(request.deliveries.works?.attempts).toBe(2);
    await settle();
    expect(mailsFor(id)).toHaveLength(1);
  });

  it('gives up at once on a 550, lists the dead letter, and delivers it when replayed', async () => {
    refusals.push({ code: 550, message: '5.1.1 no such mailbox' });
    const id = await report({ description: 'graffiti on the wall at 137 Banff Avenue' });
    const request = await waitFor(deliveryOf(id, 'dead'), 15_000, 'the dead letter');
    expect(request.deliveries.works).toMatchObject({ attempts: 1, error: expect.stringContaining('answered 550') });
    expect(mailsFor(id)).toHaveLength(0);

    const { dead_letters: deadLetters } = (await (
      await fetch(`${running.url}/api/v1/admin/dead-letters`, { headers: adminHeaders })
    ).json()) as { dead_letters: { entry_id: string; id: string }[] };
    const entry = deadLetters.find((letter) => letter.id === id)!;
    const replay = await fetch(`${running.url}/api/v1/admin/dead-letters/${entry.entry_id}/replay`, {
      method: 'POST',
      headers: adminHeaders,
    });
    expect(replay.status).toBe(202);
    await waitFor(deliveryOf(id, 'delivered'), 15_000, 'the replayed delivery');
    expect(mailsFor(id)).toHaveLength(1);
  });
});
