import { newMessageId, parseEmail, requestIdIn, type EmailParseOptions, type ParsedEmail } from '../src/index.js';
import { SMTP_FROM, compose } from './helpers.js';

const OPTIONS: EmailParseOptions = {
  smtpFrom: `Town of Testville <${SMTP_FROM}>`,
  attachments: { max_bytes: 1000, types: ['image/*', 'application/pdf'] },
};
const REQUEST_ID = '01JDABCDEFGHJKMNPQRSTVWXYZ';

const parse = (raw: Buffer | string, options: Partial<EmailParseOptions> = {}) => parseEmail(raw, { ...OPTIONS, ...options });

function messageOf(parsed: ParsedEmail) {
  if (parsed.kind !== 'message') throw new Error(`expected a message, got ${parsed.kind}: ${parsed.reason}`);
  return parsed.message;
}

const citizen = { name: 'Jane Citizen', address: 'jane@example.org' };
const clerk = { name: 'Carl Clerk', address: 'carl@testville.example' };

describe('parseEmail: what a citizen wrote', () => {
  it('turns a plain mail into a message that can be answered in its thread', async () => {
    const raw = await compose({
      from: citizen,
      to: SMTP_FROM,
      subject: 'Pothole',
      text: 'Big pothole outside 12 Maple Street.',
      messageId: '<m1@example.org>',
    });
    const message = messageOf(await parse(raw, { receivedAt: new Date('2026-11-23T17:00:05Z') }));
    expect(message).toMatchObject({
      channel: 'email',
      external_id: '<m1@example.org>',
      received_at: '2026-11-23T17:00:05.000Z',
      sender: { name: 'Jane Citizen', email: 'jane@example.org', phone: null },
      text: 'Big pothole outside 12 Maple Street.',
      subject: 'Pothole',
      conversation_id: '<m1@example.org>',
      continues: null,
      reply_to: {
        channel: 'email',
        to: 'jane@example.org',
        from: `Town of Testville <${SMTP_FROM}>`,
        thread: ['<m1@example.org>'],
        subject: 'Pothole',
      },
      media: [],
      context: {},
    });
  });

  it('reads an HTML-only mail as clean text, keeping map links', async () => {
    const html =
      '<html><head><style>p{color:red}</style></head><body><p>Streetlight out at <b>Maple &amp; Mill</b>.</p>' +
      '<p><a href="https://maps.example/?q=44.65,-63.58">see map</a><img src="cid:logo"></p><script>alert(1)</script></body></html>';
    const message = messageOf(await parse(await compose({ from: citizen, subject: 'Light', html })));
    expect(message.text).toContain('Streetlight out at Maple & Mill.');
    expect(message.text).toContain('https://maps.example/?q=44.65,-63.58');
    expect(message.text).not.toMatch(/<|alert|color:red/);
  });

  it('prefers the text part of a multipart/alternative mail', async () => {
    const raw = await compose({
      from: citizen,
      subject: 'Graffiti',
      text: 'Graffiti on the library wall.',
      html: '<p>Graffiti on the <i>library</i> wall, HTML</p>',
    });
    expect(messageOf(await parse(raw)).text).toBe('Graffiti on the library wall.');
  });

  it('decodes legacy charsets in body and headers', async () => {
    const latin1 = [
      'From: =?ISO-8859-1?Q?Ren=E9e_C=F4t=E9?= <renee@example.org>',
      'Subject: =?ISO-8859-1?Q?Nid-de-poule_pr=E8s_du_caf=E9?=',
      'Message-ID: <latin1@example.org>',
      'Content-Type: text/plain; charset=ISO-8859-1',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Un nid-de-poule =E9norme pr=E8s du caf=E9, 12 rue Maple.',
      '',
    ].join('\r\n');
    const message = messageOf(await parse(latin1));
    expect(message.sender).toMatchObject({ name: 'Renée Côté', email: 'renee@example.org' });
    expect(message.subject).toBe('Nid-de-poule près du café');
    expect(message.text).toBe('Un nid-de-poule énorme près du café, 12 rue Maple.');

    const shiftJis = Buffer.concat([
      Buffer.from(
        'From: taro@example.jp\r\nMessage-ID: <sjis@example.jp>\r\nContent-Type: text/plain; charset=Shift_JIS\r\nContent-Transfer-Encoding: 8bit\r\n\r\n',
      ),
      Buffer.from([0x82, 0xa0, 0x82, 0xa2, 0x82, 0xa4]), // あいう
    ]);
    expect(messageOf(await parse(shiftJis)).text).toBe('あいう');
  });

  it('drops quoted replies and signatures from the description', async () => {
    const text = [
      'The hole is now twice as big.',
      '',
      '-- ',
      'Jane Citizen',
      '+1 902 555 0100',
      '',
      'On Mon, Nov 23, 2026 at 10:00 AM Town of Testville <311@testville.example> wrote:',
      '> Thank you, your report ABC123 is in.',
    ].join('\n');
    const message = messageOf(
      await parse(await compose({ from: citizen, subject: 'Re: Pothole', text, inReplyTo: '<other@example.org>' })),
    );
    expect(message.text).toBe('The hole is now twice as big.');
  });

  it('strips "Sent from my iPhone" and Outlook reply headers', async () => {
    const text =
      'Corner of Maple and Mill.\n\nSent from my iPhone\n\n________________________________\nFrom: Town of Testville <311@testville.example>\nSent: Monday\nSubject: Re: Light\n\nWhere is it?';
    expect(messageOf(await parse(await compose({ from: citizen, subject: 'RE: Light', text }))).text).toBe('Corner of Maple and Mill.');
  });
});

describe('parseEmail: attachments', () => {
  it('keeps images and PDFs under the size limit as mid: media and notes the rest', async () => {
    const raw = await compose({
      from: citizen,
      subject: 'Dumped couch',
      text: 'See photos.',
      messageId: '<att@example.org>',
      attachments: [
        { filename: 'couch.jpg', content: Buffer.alloc(500, 1), contentType: 'image/jpeg' },
        { filename: 'inline.png', content: Buffer.alloc(100, 2), contentType: 'image/png', cid: 'photo1@example.org' },
        { filename: 'map.pdf', content: Buffer.alloc(300, 3), contentType: 'application/pdf' },
        {
          filename: 'letter.docx',
          content: Buffer.alloc(300, 4),
          contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        },
        { filename: 'huge.jpg', content: Buffer.alloc(5000, 5), contentType: 'image/jpeg' },
      ],
    });
    const message = messageOf(await parse(raw));
    expect(message.media).toEqual([
      { url: 'mid:att%40example.org?part=2', content_type: 'image/jpeg', name: 'couch.jpg', bytes: null },
      { url: 'mid:att%40example.org/photo1%40example.org', content_type: 'image/png', name: 'inline.png', bytes: null },
      { url: 'mid:att%40example.org?part=4', content_type: 'application/pdf', name: 'map.pdf', bytes: null },
    ]);
    expect(message.context?.attachments_not_kept).toBe(
      'letter.docx (application/vnd.openxmlformats-officedocument.wordprocessingml.document, 300 bytes): type not accepted\n' +
        'huge.jpg (image/jpeg, 5000 bytes): larger than 1000 bytes',
    );
  });

  it('accepts a photo with only a subject', async () => {
    const raw = await compose({
      from: citizen,
      subject: 'Fallen tree on Mill Lane',
      attachments: [{ filename: 'tree.jpg', content: Buffer.alloc(10), contentType: 'image/jpeg' }],
    });
    const message = messageOf(await parse(raw));
    expect(message.text).toBe('');
    expect(message.subject).toBe('Fallen tree on Mill Lane');
    expect(message.media).toHaveLength(1);
  });
});

describe('parseEmail: forwarded by a clerk', () => {
  const original = 'There is a big pothole outside 12 Maple Street.\n\nThanks,\nJane';

  const inline: Record<string, { subject: string; body: string }> = {
    gmail: {
      subject: 'Fwd: Pothole',
      body: `Please log this one.\n\n---------- Forwarded message ---------\nFrom: Jane Citizen <jane@example.org>\nDate: Mon, Nov 23, 2026 at 9:00 AM\nSubject: Pothole\nTo: Carl Clerk <carl@testville.example>\n\n\n${original}\n`,
    },
    'Outlook (Original Message)': {
      subject: 'FW: Pothole',
      body: `Please log this one.\n\n-----Original Message-----\nFrom: Jane Citizen [mailto:jane@example.org]\nSent: Monday, November 23, 2026 9:00 AM\nTo: Carl Clerk\nSubject: Pothole\n\n${original}\n`,
    },
    'Outlook (rule)': {
      subject: 'FW: Pothole',
      body: `Please log this one.\n\n________________________________\nFrom: Jane Citizen <jane@example.org>\nSent: Monday, November 23, 2026 9:00 AM\nTo: Carl Clerk <carl@testville.example>;\n    Someone Else <else@testville.example>\nSubject: Pothole\n\n${original}\n`,
    },
    'Apple Mail': {
      subject: 'Fwd: Pothole',
      body: `Please log this one.\n\nBegin forwarded message:\n\nFrom: Jane Citizen <jane@example.org>\nSubject: Pothole\nDate: November 23, 2026 at 9:00:00 AM AST\nTo: carl@testville.example\n\n${original}\n`,
    },
    Thunderbird: {
      subject: 'Fwd: Pothole',
      body: `Please log this one.\n\n-------- Forwarded Message --------\nSubject: \tPothole\nDate: \tMon, 23 Nov 2026 09:00:00 -0400\nFrom: \tJane Citizen <jane@example.org>\nTo: \tcarl@testville.example\n\n${original}\n`,
    },
    'French Outlook': {
      subject: 'TR: Pothole',
      body: `Please log this one.\n\n-------- Message transféré --------\nDe : Jane Citizen <jane@example.org>\nEnvoyé : lundi 23 novembre 2026 09:00\nÀ : carl@testville.example\nObjet : Pothole\n\n${original}\n`,
    },
  };

  it.each(Object.entries(inline))('makes the citizen the reporter of an inline %s forward', async (_client, { subject, body }) => {
    const message = messageOf(await parse(await compose({ from: clerk, subject, text: body, messageId: '<fwd@testville.example>' })));
    expect(message.sender).toMatchObject({ name: 'Jane Citizen', email: 'jane@example.org' });
    expect(message.text).toBe(original);
    expect(message.subject).toBe('Pothole');
    expect(message.context).toMatchObject({ forwarded_by: 'Carl Clerk <carl@testville.example>', forwarded_note: 'Please log this one.' });
    expect(message.reply_to).toMatchObject({ to: 'jane@example.org', thread: [] });
    expect(message.external_id).toBe('<fwd@testville.example>');
  });

  it('finds the citizen under a forward of a forward', async () => {
    const body = `FYI\n\n---------- Forwarded message ---------\nFrom: Other Clerk <other@testville.example>\nSubject: Fwd: Pothole\n\n---------- Forwarded message ---------\nFrom: Jane Citizen <jane@example.org>\nSubject: Pothole\n\n${original}`;
    const message = messageOf(await parse(await compose({ from: clerk, subject: 'Fwd: Fwd: Pothole', text: body })));
    expect(message.sender?.email).toBe('jane@example.org');
    expect(message.context?.forwarded_by).toBe('Carl Clerk <carl@testville.example>');
  });

  it('does not take an Outlook reply for a forward', async () => {
    const body = 'It is still there.\n\n-----Original Message-----\nFrom: Jane Citizen <jane@example.org>\nSubject: Pothole\n\nOld words';
    const message = messageOf(await parse(await compose({ from: clerk, subject: 'RE: Pothole', text: body })));
    expect(message.sender?.email).toBe('carl@testville.example');
    expect(message.text).toBe('It is still there.');
    expect(message.context).toEqual({});
  });

  it('makes the citizen the reporter of a forward as attachment (message/rfc822), keeping its Message-ID and photos', async () => {
    const inner = await compose({
      from: citizen,
      to: clerk,
      subject: 'Pothole',
      text: original,
      messageId: '<orig@example.org>',
      references: '<older@example.org>',
      attachments: [{ filename: 'hole.jpg', content: Buffer.alloc(20), contentType: 'image/jpeg' }],
    });
    const raw = await compose({
      from: clerk,
      subject: 'Fwd: Pothole',
      text: 'From the front desk.',
      messageId: '<fwd2@testville.example>',
      // as Outlook, Thunderbird, Apple Mail and Gmail attach a forwarded message
      attachments: [{ filename: 'Pothole.eml', content: inner, contentType: 'message/rfc822', contentDisposition: 'attachment' }],
    });
    const message = messageOf(await parse(raw));
    expect(message.sender).toMatchObject({ name: 'Jane Citizen', email: 'jane@example.org' });
    expect(message.external_id).toBe('<orig@example.org>');
    expect(message.text).toBe(original);
    expect(message.context).toMatchObject({ forwarded_by: 'Carl Clerk <carl@testville.example>', forwarded_note: 'From the front desk.' });
    expect(message.reply_to).toMatchObject({
      to: 'jane@example.org',
      thread: ['<orig@example.org>', '<older@example.org>'],
      subject: 'Pothole',
    });
    expect(message.conversation_id).toBe('<older@example.org>');
    expect(message.media).toEqual([
      { url: 'mid:fwd2%40testville.example?part=2.2', content_type: 'image/jpeg', name: 'hole.jpg', bytes: null },
    ]);
  });
});

describe('parseEmail: threads', () => {
  it('continues the request named by our Message-ID in In-Reply-To or References', async () => {
    const ours = newMessageId(REQUEST_ID, 'testville.example');
    const raw = await compose({
      from: citizen,
      subject: 'Re: Pothole [#VWXYZ0]',
      text: `It is at 12 Maple Street.\n\nOn Mon, Town of Testville <${SMTP_FROM}> wrote:\n> Where is it?`,
      messageId: '<reply@example.org>',
      inReplyTo: ours,
      references: ['<m1@example.org>', ours],
    });
    const message = messageOf(await parse(raw));
    expect(message.continues).toBe(REQUEST_ID);
    expect(message.text).toBe('It is at 12 Maple Street.');
    expect(message.conversation_id).toBe('<m1@example.org>');
    expect(message.reply_to?.thread).toEqual(['<reply@example.org>', '<m1@example.org>', ours]);
  });

  it('ignores Message-IDs of our shape from another domain', () => {
    expect(requestIdIn([newMessageId(REQUEST_ID, 'elsewhere.example')], 'testville.example')).toBeNull();
    expect(requestIdIn(['<m1@example.org>', newMessageId(REQUEST_ID, 'testville.example')], 'testville.example')).toBe(REQUEST_ID);
  });

  it('gives mail without a Message-ID a stable id of its content', async () => {
    const raw = 'From: jane@example.org\r\nSubject: Light out\r\n\r\nLight out on Mill Lane.\r\n';
    const first = messageOf(await parse(raw));
    expect(first.external_id).toMatch(/^<sha256-[0-9a-f]{64}@intake\.invalid>$/);
    expect(messageOf(await parse(raw)).external_id).toBe(first.external_id);
  });
});

describe('parseEmail: no request', () => {
  const base = { from: citizen, subject: 'Out of office', text: 'I am away until Monday.' };
  it.each<[string, Record<string, string>, RegExp]>([
    ['Auto-Submitted', { 'Auto-Submitted': 'auto-replied' }, /Auto-Submitted/],
    ['X-Autoreply', { 'X-Autoreply': 'yes' }, /automatic reply/],
    ['X-Autorespond', { 'X-Autorespond': 'Out of office' }, /automatic reply/],
    ['Precedence: bulk', { Precedence: 'bulk' }, /Precedence: bulk/],
    ['Precedence: auto_reply', { Precedence: 'auto_reply' }, /Precedence: auto_reply/],
    ['List-Id', { 'List-Id': 'News <news.example.org>' }, /list mail/],
    ['List-Unsubscribe', { 'List-Unsubscribe': '<mailto:leave@example.org>' }, /list mail/],
    ['X-Failed-Recipients', { 'X-Failed-Recipients': 'nobody@example.org' }, /bounce/],
  ])('skips mail with %s', async (_name, headers, reason) => {
    const parsed = await parse(await compose({ ...base, headers }));
    expect(parsed.kind).toBe('skip');
    expect(parsed.kind !== 'message' && parsed.reason).toMatch(reason);
  });

  it('answers mail marked Auto-Submitted: no', async () => {
    expect((await parse(await compose({ ...base, headers: { 'Auto-Submitted': 'no' } }))).kind).toBe('message');
  });

  it.each([
    ['MAILER-DAEMON', { from: 'MAILER-DAEMON@mx.example.org' }],
    ['postmaster', { from: 'postmaster@example.org' }],
    ['our own address', { from: SMTP_FROM }],
  ])('skips mail from %s', async (_name, mail) => {
    expect((await parse(await compose({ ...base, ...mail }))).kind).toBe('skip');
  });

  it('skips a delivery report', async () => {
    const raw = [
      'From: Mail Delivery System <mailer@mx.example.org>',
      'Subject: Undelivered Mail',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--b--',
      '',
    ].join('\r\n');
    expect(await parse(raw)).toEqual({ kind: 'skip', reason: 'a delivery or read report (multipart/report)' });
  });

  it('rejects mail without a sender, or without anything to read', async () => {
    expect(await parse('Subject: hello\r\n\r\nno sender\r\n')).toEqual({ kind: 'reject', reason: 'no sender address (From)' });
    const empty = await parse(await compose({ from: citizen, text: '  ' }));
    expect(empty).toEqual({ kind: 'reject', reason: 'nothing to read: no text, subject or usable attachment' });
  });

  it('cuts a very long mail to the message limit instead of refusing it', async () => {
    const message = messageOf(await parse(await compose({ from: citizen, subject: 'x'.repeat(2000), text: 'pothole '.repeat(5000) })));
    expect(message.text!.length).toBeLessThanOrEqual(20_000);
    expect(message.subject!.length).toBeLessThanOrEqual(1000);
  });
});
