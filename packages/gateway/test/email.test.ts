import {
  startDovecot,
  startLoopbackServer,
  startSmtpSink,
  waitFor,
  type Dovecot,
  type LoopbackServer,
  type SmtpSink,
} from '@intake/testkit';
import exifr from 'exifr';
import sharp from 'sharp';
import { demoConfig, lookUp, startGateway, type Running } from './harness.js';
import { settle } from './twilio.js';

const TOWN_ADDRESS = '311@intake-test.example';
const JANE = 'Jane Citizen <jane@example.org>';
/** a sender of her own, so that no earlier test's report of hers makes this one a repeat */
const LEE = 'Lee Citizen <lee@example.org>';

interface Mail {
  from: string;
  subject: string;
  body: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
}

/** A plain mail as a client writes it. */
function rawMail(mail: Mail): string {
  const headers = [
    `From: ${mail.from}`,
    `To: ${TOWN_ADDRESS}`,
    `Subject: ${mail.subject}`,
    `Message-ID: ${mail.messageId}`,
    'Date: Mon, 23 Nov 2026 10:00:00 -0700',
    ...(mail.inReplyTo ? [`In-Reply-To: ${mail.inReplyTo}`] : []),
    ...(mail.references ? [`References: ${mail.references.join(' ')}`] : []),
    ...Object.entries(mail.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${mail.body.replace(/\n/g, '\r\n')}\r\n`;
}

/** A multipart/mixed mail: the head's header lines, a text part, then one attachment (its header lines, a blank line, its body). */
function mixedMail(head: string[], text: string, attachment: string[]): string {
  const boundary = 'mixed-boundary';
  const parts = [
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
    `--${boundary}`,
    ...attachment,
    `--${boundary}--`,
    '',
  ];
  return [...head, 'MIME-Version: 1.0', `Content-Type: multipart/mixed; boundary="${boundary}"`, '', ...parts].join('\r\n');
}

describe('email intake through the gateway, against Dovecot and a real SMTP server', () => {
  let dovecot: Dovecot;
  let smtp: SmtpSink;
  let crm: LoopbackServer;
  let running: Running;

  beforeAll(async () => {
    [dovecot, smtp, crm] = await Promise.all([startDovecot(), startSmtpSink(), startLoopbackServer(() => ({ status: 201, body: '{}' }))]);
    running = await startGateway(
      demoConfig((raw) => {
        raw.channels.email = {
          imap: {
            host: dovecot.host,
            port: dovecot.port,
            secure: false,
            user: dovecot.user,
            pass: dovecot.pass,
            mailbox: 'INBOX',
            processed_mailbox: 'Processed',
          },
          smtp: { host: smtp.host, port: smtp.port, secure: false, from: TOWN_ADDRESS },
        };
        raw.router = {
          destinations: { crm: { type: 'webhook', url: `${crm.url}/intake`, secret: 'email-test-secret' } },
          rules: [],
          default: { deliver_to: ['crm'] },
        };
      }),
    );
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
    await Promise.all([dovecot?.stop(), smtp?.close(), crm?.close()]);
  });

  const records = () => crm.requests.map((request) => JSON.parse(request.body));
  const deliveredFor = (messageId: string) => records().filter((record) => record.source.external_id === messageId);
  const delivered = (messageId: string, what = messageId) => waitFor(() => deliveredFor(messageId)[0], 20_000, `the record of ${what}`);
  const mailTo = (address: string, inReplyTo?: string) =>
    smtp.messages.filter(
      (mail) =>
        mail.to &&
        !Array.isArray(mail.to) &&
        mail.to.value[0]?.address === address &&
        (inReplyTo === undefined || mail.inReplyTo === inReplyTo),
    );
  const inboxEmpty = () => waitFor(async () => (await dovecot.list('INBOX')).length === 0, 10_000, 'an empty INBOX');

  it("turns a citizen's mail into a delivered request, moves it to Processed and answers in the thread", async () => {
    const messageId = '<gw-plain@example.org>';
    await dovecot.deliver(
      rawMail({ from: JANE, subject: 'Pothole', body: 'Big pothole outside 211 Bear St, almost lost a tire.\n\n-- \nJane', messageId }),
    );
    const record = await delivered(messageId);
    expect(record).toMatchObject({
      event: 'service_request.created',
      channel: 'email',
      reporter: { name: 'Jane Citizen', email: 'jane@example.org' },
      service_code: 'POTHOLE',
      location: { address: '211 Bear Street', precision: 'address', in_jurisdiction: true },
      source: { external_id: messageId, conversation_id: messageId },
    });
    expect(record.description).toContain('Big pothole outside 211 Bear St, almost lost a tire.');
    expect(record.description).not.toContain('Jane\n');
    await inboxEmpty();
    expect((await dovecot.list('Processed')).some((mail) => mail.source.includes(messageId))).toBe(true);

    const reference = record.reference;
    const ack = await waitFor(() => mailTo('jane@example.org', messageId)[0], 15_000, 'the acknowledgement');
    expect(ack.subject).toBe(`Re: Pothole [#${reference}]`);
    expect(ack.text).toContain(reference);
    expect(ack.references).toBe(messageId);
    expect(ack.headers.get('auto-submitted')).toBe('auto-replied');
    expect(ack.messageId).toContain(`intake.${record.id}.`);
  });

  it("asks where, and the citizen's reply in the thread completes the same request", async () => {
    const messageId = '<gw-question@example.org>';
    await dovecot.deliver(
      rawMail({ from: JANE, subject: 'Streetlight', body: 'The streetlight by my house has been out for a week.', messageId }),
    );
    const question = await waitFor(() => mailTo('jane@example.org', messageId)[0], 20_000, 'the question');
    expect(question.text).toContain('Where is it?');
    expect(deliveredFor(messageId)).toEqual([]);

    const answerId = '<gw-answer@example.org>';
    await dovecot.deliver(
      rawMail({
        from: JANE,
        subject: `Re: ${question.subject}`,
        body: `It is outside 211 Bear St.\n\nOn Mon, Nov 23, 2026 at 10:01 AM Town of Banff <${TOWN_ADDRESS}> wrote:\n> ${question.text?.trim()}`,
        messageId: answerId,
        inReplyTo: question.messageId,
        references: [messageId, question.messageId!],
      }),
    );
    const record = await delivered(messageId, 'the completed request');
    expect(question.messageId).toContain(`intake.${record.id}.`);
    expect(record).toMatchObject({ service_code: 'STREETLIGHT', location: { address: '211 Bear Street', precision: 'address' } });
    expect(record.description).toContain('streetlight by my house');
    expect(record.description).not.toContain('Where is it?');
    await inboxEmpty();
    // the answer added to the request; it made none of its own
    expect(deliveredFor(answerId)).toEqual([]);
    expect(records().filter((r) => r.id === record.id)).toHaveLength(1);
  });

  it('saves an attached photo into the media store, re-encoded without EXIF, and places the report where it was taken', async () => {
    const messageId = '<gw-photo@example.org>';
    const photo = await sharp({ create: { width: 500, height: 375, channels: 3, background: '#445566' } })
      .jpeg()
      .withExif({
        IFD0: { Artist: 'Jane Citizen' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 10/1 3456/100', GPSLongitudeRef: 'W', GPSLongitude: '115/1 34/1 1668/100' },
      })
      .toBuffer();
    const mail = mixedMail(
      [
        `From: ${JANE}`,
        `To: ${TOWN_ADDRESS}`,
        'Subject: Broken bench',
        `Message-ID: ${messageId}`,
        'Date: Mon, 23 Nov 2026 10:00:00 -0700',
      ],
      'The bench is broken, the seat boards are split. Photo attached.',
      [
        'Content-Type: image/jpeg; name="bench.jpg"',
        'Content-Disposition: attachment; filename="bench.jpg"',
        'Content-Transfer-Encoding: base64',
        '',
        ...(photo.toString('base64').match(/.{1,76}/g) ?? []),
      ],
    );
    await dovecot.deliver(mail);
    const record = await delivered(messageId);
    expect(record.media).toEqual([
      {
        url: expect.stringMatching(/\/media\/[0-9A-Z]{26}\.jpg\?expires=\d+&signature=/),
        content_type: 'image/jpeg',
        name: 'bench.jpg',
        bytes: expect.any(Number),
      },
    ]);
    expect(record.location).toMatchObject({ precision: 'coordinates', source: 'photo', in_jurisdiction: true });

    const link = new URL(record.media[0].url);
    const served = Buffer.from(await (await fetch(`${running.url}${link.pathname}${link.search}`)).arrayBuffer());
    expect(served.length).toBe(record.media[0].bytes);
    expect(await sharp(served).metadata()).toMatchObject({ format: 'jpeg', width: 500, height: 375 });
    expect(await exifr.parse(served)).toBeUndefined();
  });

  it('writes at most a few messages a day to an address typed into the web form, until that address writes to us', async () => {
    const stranger = 'stranger@example.org';
    const problems = [
      'Pothole outside 211 Bear St',
      'Streetlight out at 137 Banff Avenue',
      'Graffiti on the wall at 110 Bear Street',
      'Overflowing bin at 204 Caribou Street',
      'Broken bench at 317 Banff Avenue',
    ];
    const report = (description: string) =>
      fetch(`${running.url}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ description, email: stranger }),
      });
    for (const description of problems) expect((await report(description)).status).toBe(202);
    await waitFor(
      () => records().filter((record) => record.reporter.email === stranger).length === problems.length,
      20_000,
      'every report delivered',
    );
    await waitFor(() => mailTo(stranger).length === 3, 15_000, 'three mails');
    await settle(2000);
    expect(mailTo(stranger)).toHaveLength(3);

    // the address answers from its own mailbox: it wants our messages, and gets them again
    await dovecot.deliver(
      rawMail({
        from: `Sam Stranger <${stranger}>`,
        subject: 'Tree down',
        body: 'A tree is down across the path at 100 Muskrat St.',
        messageId: '<gw-stranger@example.org>',
      }),
    );
    await waitFor(() => mailTo(stranger, '<gw-stranger@example.org>')[0], 20_000, 'the answer to its own mail');
    expect((await report('Icy sidewalk in front of 224 Bear Street')).status).toBe(202);
    await waitFor(
      () => mailTo(stranger).some((mail) => mail.inReplyTo === undefined && mail.text?.includes('passed')),
      20_000,
      'mail about the new web report',
    );
  });

  it('answers a French mail in French, the subject included, and keeps its language in the record', async () => {
    const messageId = '<gw-francais@example.org>';
    const body =
      'Bonjour, il y a un lampadaire qui ne fonctionne plus depuis une semaine, la rue est très sombre le soir. Merci de votre aide.';
    await dovecot.deliver(rawMail({ from: 'Marie Tremblay <marie@example.org>', subject: '', body, messageId }));
    const question = await waitFor(() => mailTo('marie@example.org', messageId)[0], 20_000, 'the question');
    const reference = /\[#([0-9A-Z]{6})\]/.exec(question.subject ?? '')?.[1];
    expect(question.subject).toBe(`Town of Banff : votre signalement [#${reference}]`);
    expect(question.text?.trim()).toBe(
      `Town of Banff : merci, votre signalement ${reference} est enregistré. Où se trouve le problème ? Répondez avec une adresse ou l’intersection la plus proche.`,
    );

    await dovecot.deliver(
      rawMail({
        from: 'Marie Tremblay <marie@example.org>',
        subject: `Re: ${question.subject}`,
        body: 'Devant le 211 Bear St.',
        messageId: '<gw-francais-2@example.org>',
        inReplyTo: question.messageId,
        references: [messageId, question.messageId!],
      }),
    );
    const record = await delivered(messageId, 'the completed French request');
    expect(record).toMatchObject({ language: 'fr', service_code: 'STREETLIGHT', location: { address: '211 Bear Street' } });
    const status = await waitFor(
      () => mailTo('marie@example.org').find((mail) => mail.text?.includes('transmis')),
      15_000,
      'the status mail',
    );
    expect(status.text?.trim()).toBe(`Town of Banff : votre signalement ${reference} a été transmis à l’équipe responsable.`);
  });

  it('answers nothing to a thank-you in our thread and makes no request of it, so an auto-responder cannot start a loop', async () => {
    const messageId = '<gw-thanks-original@example.org>';
    await dovecot.deliver(rawMail({ from: JANE, subject: 'Graffiti', body: 'Graffiti all over the wall at 305 Banff Avenue.', messageId }));
    const record = await delivered(messageId);
    const ack = await waitFor(() => mailTo('jane@example.org', messageId)[0], 15_000, 'the acknowledgement');

    const thanksId = '<gw-thanks-reply@example.org>';
    await dovecot.deliver(
      rawMail({
        from: JANE,
        subject: `Re: ${ack.subject}`,
        body: 'Thanks!',
        messageId: thanksId,
        inReplyTo: ack.messageId,
        references: [messageId, ack.messageId!],
      }),
    );
    await inboxEmpty();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(deliveredFor(thanksId)).toEqual([]);
    expect(mailTo('jane@example.org', ack.messageId)).toEqual([]);
    expect(smtp.messages.filter((mail) => mail.references?.includes(thanksId))).toEqual([]);
    expect(records().filter((r) => r.id === record.id)).toHaveLength(1);
  });

  it('answers STATUS and a question in our thread with the status and the link, and delivers what a reply adds as an update', async () => {
    const messageId = '<gw-status-original@example.org>';
    await dovecot.deliver(rawMail({ from: LEE, subject: 'Pothole', body: 'Deep pothole outside 211 Bear Street.', messageId }));
    const record = await delivered(messageId);
    const ack = await waitFor(() => mailTo('lee@example.org', messageId)[0], 15_000, 'the acknowledgement');
    const link = `http://127.0.0.1/track/${record.reference}-${(await lookUp(running, record.id)).tracking_token}`;
    const reply = (id: string, body: string, from = LEE) =>
      dovecot.deliver(
        rawMail({
          from,
          subject: `Re: ${ack.subject}`,
          body,
          messageId: id,
          inReplyTo: ack.messageId,
          references: [messageId, ack.messageId!],
        }),
      );
    const answerTo = (id: string, address = 'lee@example.org') => waitFor(() => mailTo(address, id)[0], 15_000, `the answer to ${id}`);

    await reply('<gw-status-ask@example.org>', 'STATUS');
    const answer = await answerTo('<gw-status-ask@example.org>');
    expect(answer.text?.trim()).toBe(`Town of Banff: your report ${record.reference}: Received. Follow it at ${link}`);
    expect(answer.subject).toBe(`Re: Pothole [#${record.reference}]`);

    await reply('<gw-status-question@example.org>', 'Hello, has anyone looked at it yet?\n\nJane');
    expect((await answerTo('<gw-status-question@example.org>')).text).toContain(`your report ${record.reference}: Received.`);

    // someone else in the thread hears nothing of Jane's report
    await reply('<gw-status-stranger@example.org>', 'status', 'Sam Neighbour <sam@example.org>');
    expect((await answerTo('<gw-status-stranger@example.org>', 'sam@example.org')).text?.trim()).toBe(
      'Town of Banff: we found no report sent from this number or address. To report a problem, tell us what it is and where.',
    );

    await reply('<gw-status-adds@example.org>', 'It is twice as deep after the rain.');
    const update = await waitFor(
      () => records().find((r) => r.id === record.id && r.event === 'service_request.updated'),
      20_000,
      'the update',
    );
    expect(update.update).toMatchObject({ from: 'citizen', note: expect.stringContaining('It is twice as deep after the rain.') });
    await inboxEmpty();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // asking made no request, and the update is no new work order
    const made = records().filter((r) => r.source.external_id?.startsWith('<gw-status') && r.event !== 'service_request.updated');
    expect(made.map((r) => r.source.external_id)).toEqual([messageId]);
    expect(mailTo('lee@example.org', '<gw-status-adds@example.org>')).toEqual([]);
  });

  it('makes the citizen the reporter of mail a clerk forwards, inline or attached, and answers the citizen', async () => {
    const inlineId = '<gw-fwd-inline@banff.example>';
    await dovecot.deliver(
      rawMail({
        from: 'Carl Clerk <carl@banff.example>',
        subject: 'Fwd: Graffiti',
        body: 'Came to my inbox.\n\n---------- Forwarded message ---------\nFrom: Rita Resident <rita@example.net>\nDate: Sun, Nov 22, 2026 at 6:00 PM\nSubject: Graffiti\nTo: <carl@banff.example>\n\nSomeone sprayed graffiti on the wall at 211 Bear St.',
        messageId: inlineId,
      }),
    );
    const inline = await delivered(inlineId);
    expect(inline).toMatchObject({
      reporter: { name: 'Rita Resident', email: 'rita@example.net' },
      service_code: 'GRAFFITI',
      location: { address: '211 Bear Street' },
    });
    expect(inline.description).not.toContain('Came to my inbox');

    const original = rawMail({
      from: 'Omar Owner <omar@example.net>',
      subject: 'Tree down',
      body: 'A big tree branch fell across the sidewalk at 211 Bear St.',
      messageId: '<gw-original@example.net>',
    });
    const attached = mixedMail(
      [
        'From: Carl Clerk <carl@banff.example>',
        `To: ${TOWN_ADDRESS}`,
        'Subject: Fwd: Tree down',
        'Message-ID: <gw-fwd-attached@banff.example>',
      ],
      'Forwarding as attachment.',
      ['Content-Type: message/rfc822; name="Tree down.eml"', 'Content-Disposition: attachment; filename="Tree down.eml"', '', original],
    );
    await dovecot.deliver(attached);
    // the attached original keeps its own Message-ID
    const tree = await delivered('<gw-original@example.net>', 'the attached forward');
    expect(tree).toMatchObject({ reporter: { name: 'Omar Owner', email: 'omar@example.net' }, service_code: 'TREE' });

    await waitFor(
      () => mailTo('rita@example.net').length > 0 && mailTo('omar@example.net', '<gw-original@example.net>').length > 0,
      15_000,
      'the answers to the citizens',
    );
    expect(mailTo('carl@banff.example')).toEqual([]);
    await inboxEmpty();
  });

  it('makes no request of auto-replies, bounces and list mail, and answers none of them', async () => {
    const noise: Mail[] = [
      {
        from: 'Away <away@example.org>',
        subject: 'Out of office',
        body: 'I am away until Monday. Pothole at 211 Bear St.',
        messageId: '<gw-ooo@example.org>',
        headers: { 'Auto-Submitted': 'auto-replied' },
      },
      {
        from: 'Mail Delivery System <MAILER-DAEMON@mx.example.org>',
        subject: 'Undelivered Mail',
        body: 'Your message to nobody@example.org could not be delivered.',
        messageId: '<gw-bounce@example.org>',
      },
      {
        from: 'News <news@example.org>',
        subject: 'Weekly news',
        body: 'Potholes in the news this week at 211 Bear St.',
        messageId: '<gw-list@example.org>',
        headers: { 'List-Id': 'news.example.org' },
      },
      {
        from: 'Vacation <vacation@example.org>',
        subject: 'Re: Pothole',
        body: 'Back soon.',
        messageId: '<gw-vacation@example.org>',
        headers: { 'X-Autoreply': 'yes', Precedence: 'auto_reply' },
      },
    ];
    for (const mail of noise) await dovecot.deliver(rawMail(mail));
    const realId = '<gw-after-noise@example.org>';
    await dovecot.deliver(rawMail({ from: JANE, subject: 'Garbage', body: 'Missed garbage pickup at 211 Bear St.', messageId: realId }));
    await delivered(realId);
    await inboxEmpty();
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const mail of noise) expect(deliveredFor(mail.messageId)).toEqual([]);
    for (const address of ['away@example.org', 'mailer-daemon@mx.example.org', 'news@example.org', 'vacation@example.org'])
      expect(mailTo(address)).toEqual([]);
  });

  it('loses and doubles nothing when the IMAP connection is killed and the server restarts mid-run', async () => {
    const ids = [1, 2, 3, 4, 5, 6].map((n) => `<gw-storm-${n}@example.org>`);
    const streets = ['211 Bear St', '305 Banff Avenue', '110 Bear Street', '211 Bear St', '305 Banff Avenue', '110 Bear Street'];
    for (const [i, messageId] of ids.slice(0, 3).entries())
      await dovecot.deliver(
        rawMail({ from: `Caller ${i} <caller${i}@example.org>`, subject: 'Snow', body: `Unplowed snow at ${streets[i]}.`, messageId }),
      );
    await dovecot.kick();
    for (const [i, messageId] of ids.slice(3).entries())
      await dovecot.deliver(
        rawMail({
          from: `Caller ${i + 3} <caller${i + 3}@example.org>`,
          subject: 'Snow',
          body: `Icy sidewalk at ${streets[i + 3]}.`,
          messageId,
        }),
      );
    await dovecot.kick();
    await dovecot.restart();
    await waitFor(() => ids.every((id) => deliveredFor(id).length > 0), 30_000, 'every mail delivered');
    await inboxEmpty();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const id of ids) expect(deliveredFor(id)).toHaveLength(1);
    const processed = await dovecot.list('Processed');
    for (const id of ids) expect(processed.filter((mail) => mail.source.includes(id))).toHaveLength(1);
  }, 60_000);
});
