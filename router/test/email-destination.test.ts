import { ConfigError, PermanentDeliveryError, createLogger, type Destination, type PluginOptions, type SmtpSettings } from '@intake/core';
import { startSmtpSink, waitFor, type SmtpRefusal, type SmtpSink } from '@intake/testkit';
import { destinationPlugins } from '../src/index.js';
import { buildConfig, buildRequest } from './helpers.js';

const log = createLogger({ level: 'silent' });
const WORKS = 'works@example.org';
const TOWN = '311@example.org';

const emailPlugin = destinationPlugins.find((plugin) => plugin.type === 'email')!;

/** The destination as the router makes it; `outgoingMail` is what a channel that sends mail would lend it. */
function create(options: Record<string, unknown>, outgoingMail?: SmtpSettings): Destination {
  const config = buildConfig({
    router: { destinations: { works: { type: 'email', ...options } }, default: { deliver_to: ['works'] } },
  });
  return emailPlugin.create(config.router.destinations.works as PluginOptions, { config, log, outgoingMail });
}

const event = (id: string, attempt = 1) => ({ destination: 'works', attempt, idempotency_key: `${id}:works` });
const smtpOf = (sink: SmtpSink) => ({ host: sink.host, port: sink.port, secure: false });
const townMail = (sink: SmtpSink): SmtpSettings => ({ ...smtpOf(sink), from: `Example Town <${TOWN}>` });

describe('email destination', () => {
  let sink: SmtpSink;
  let refusal: SmtpRefusal | null;
  const destinations: Destination[] = [];
  const made = (destination: Destination) => (destinations.push(destination), destination);

  beforeAll(async () => {
    sink = await startSmtpSink({ refuse: () => refusal });
  });
  afterAll(async () => {
    await Promise.all(destinations.map((destination) => destination.close?.()));
    await sink.close();
  });
  beforeEach(() => {
    refusal = null;
    sink.messages.length = 0;
  });

  it('mails a readable summary to the works inbox with the whole record attached as JSON', async () => {
    const request = buildRequest({
      reporter: { name: 'Jane Citizen', phone: '+14035550123', email: 'jane@example.org' },
      media: [{ url: 'https://img.example/p.jpg', content_type: 'image/jpeg', name: null, bytes: null }],
    });
    const works = made(create({ to: WORKS }, townMail(sink)));
    const receipt = await works.deliver(request, event(request.id));

    const mail = await waitFor(() => sink.messages[0], 5_000, 'the mail');
    const { reference } = request;
    expect(mail.subject).toBe(`[Intake] Pothole at 211 Main Street [#${reference}]`);
    expect(mail.from?.value).toEqual([{ name: 'Example Town', address: TOWN }]);
    expect(mail.to && !Array.isArray(mail.to) && mail.to.value.map((to) => to.address)).toEqual([WORKS]);
    expect(mail.messageId).toBe(`<intake-delivery.${request.id}.works@example.org>`);
    expect(receipt).toEqual({ external_id: null, message_id: mail.messageId, rejected: 0 });
    expect(mail.headers.get('x-intake-request-id')).toBe(request.id);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');

    // the works inbox is the CRM here: it gets the reporter in full
    for (const line of [
      'Service: Pothole (POTHOLE)',
      'Location: 211 Main Street — address precision, gazetteer',
      'Map: https://www.openstreetmap.org/?mlat=50.5&mlon=-110.5#map=18/50.5/-110.5',
      'Reporter: Jane Citizen, +14035550123, jane@example.org',
      'Photo 1: https://img.example/p.jpg',
      request.description,
    ]) {
      expect(mail.text).toContain(line);
    }
    expect(mail.html).toContain('<a href="https://www.openstreetmap.org/?mlat=50.5&amp;mlon=-110.5#map=18/50.5/-110.5">');

    const attachment = mail.attachments.find((file) => file.filename === `request-${request.id}.json`);
    expect(attachment?.contentType).toBe('application/json');
    expect(JSON.parse(attachment!.content.toString('utf8'))).toEqual(request);
  });

  it('keeps the Message-ID of a delivery on every retry', async () => {
    const request = buildRequest();
    const works = made(create({ to: WORKS }, townMail(sink)));
    await works.deliver(request, event(request.id, 1));
    await works.deliver(request, event(request.id, 2));
    const [first, second] = await waitFor(() => sink.messages.length === 2 && sink.messages, 5_000, 'two mails');
    expect(second!.messageId).toBe(first!.messageId);
  });

  it('escapes what the citizen wrote in the HTML, flags urgent and duplicate requests, and reads "no address"', async () => {
    const request = buildRequest({
      description: 'gas smell <script>alert(1)</script> & more',
      location: { lat: null, long: null, address: null, precision: 'none', source: null, in_jurisdiction: null },
      routing: { rule: 'gas', priority: 'urgent' },
      event: 'service_request.duplicate',
      duplicate_of: '01JDABCDEFGHJKMNPQRSTVWXYZ',
      media: [{ url: 'javascript:alert(1)', content_type: null, name: null, bytes: null }],
    });
    await made(create({ to: [WORKS, 'desk@example.org'], subject_prefix: '[Ops]' }, townMail(sink))).deliver(request, event(request.id));
    const mail = await waitFor(() => sink.messages[0], 5_000, 'the mail');
    expect(mail.subject).toBe(`[Ops] URGENT Duplicate: Pothole (no address) [#${request.reference}]`);
    // mailparser reads X-Priority, Importance and the rest into one `priority`
    expect(mail.headers.get('priority')).toBe('high');
    expect(mail.text).toContain(`Duplicate of: request ${request.duplicate_of}`);
    expect(mail.text).toContain('Location: no location given');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('gas smell &lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(mail.html).not.toContain('href="javascript:');
    expect(mail.to && !Array.isArray(mail.to) && mail.to.value.map((to) => to.address)).toEqual([WORKS, 'desk@example.org']);
  });

  it('a 451 is worth a retry, a 550 is permanent', async () => {
    const works = made(create({ to: WORKS }, townMail(sink)));
    refusal = { code: 451, message: '4.3.0 mailbox busy, try again later' };
    const busy = works.deliver(buildRequest(), event('a'));
    await expect(busy).rejects.toThrow(/answered 451/);
    await expect(busy).rejects.not.toBeInstanceOf(PermanentDeliveryError);

    refusal = { code: 550, message: '5.1.1 no such mailbox' };
    await expect(works.deliver(buildRequest(), event('b'))).rejects.toBeInstanceOf(PermanentDeliveryError);
    expect(sink.messages).toHaveLength(0);
  });

  it('a refused connection is worth a retry', async () => {
    const gone = await startSmtpSink();
    await gone.close();
    const failure = made(create({ to: WORKS, from: TOWN, smtp: smtpOf(gone) })).deliver(buildRequest(), event('c'));
    await expect(failure).rejects.toThrow(/SMTP 127\.0\.0\.1:\d+ failed/);
    await expect(failure).rejects.not.toBeInstanceOf(PermanentDeliveryError);
  });

  it("uses its own SMTP server over the email channel's", async () => {
    const own = await startSmtpSink();
    try {
      await made(create({ to: WORKS, from: 'Works Desk <desk@works.example>', smtp: smtpOf(own) }, townMail(sink))).deliver(
        buildRequest(),
        event('d'),
      );
      const mail = await waitFor(() => own.messages[0], 5_000, 'the mail');
      expect(mail.from?.value[0]?.address).toBe('desk@works.example');
      expect(mail.messageId).toMatch(/@works\.example>$/);
      expect(sink.messages).toHaveLength(0);
    } finally {
      await own.close();
    }
  });

  it('is a configuration error without an SMTP server or a sender, or with a recipient that is not an address', () => {
    expect(() => create({ to: WORKS })).toThrow(ConfigError);
    expect(() => create({ to: WORKS })).toThrow('no SMTP server: give it smtp, or give the channel that sends mail its smtp');
    expect(() => create({ to: WORKS, smtp: { host: '127.0.0.1', port: 2525 } })).toThrow('no sender');
    expect(() => create({ to: 'the works yard' }, townMail(sink))).toThrow('router.destinations.works.to');
    expect(() => create({ to: WORKS, smtp: { host: '127.0.0.1', prot: 25 } }, townMail(sink))).toThrow('prot');
  });
});
