import { ReplyAddress, createLogger, textsFor, type Responder } from '@intake/core';
import { startSmtpSink, waitFor, type SmtpSink } from '@intake/testkit';
import { createEmailConnector, parseEmail, replySubject } from '../src/index.js';
import { SMTP_FROM, compose, testConfig } from './helpers.js';

const REQUEST_ID = '01JDABCDEFGHJKMNPQRSTVWXYZ';
const REFERENCE = 'K7PM2Q';

describe('the email responder', () => {
  let sink: SmtpSink;
  let responder: Responder;

  beforeAll(async () => {
    sink = await startSmtpSink();
    const config = testConfig({
      imap: { host: '127.0.0.1', user: 'u', pass: 'p' },
      smtp: { host: sink.host, port: sink.port, secure: false, from: SMTP_FROM },
    });
    responder = createEmailConnector().responder!(config, createLogger({ level: 'silent' }), textsFor(config))!;
  });
  afterAll(async () => {
    await responder.close?.();
    await sink.close();
  });

  it('is there only when SMTP is configured', () => {
    const config = testConfig({ imap: { host: '127.0.0.1', user: 'u', pass: 'p' } });
    expect(createEmailConnector().responder!(config, createLogger({ level: 'silent' }), textsFor(config))).toBeNull();
    expect(responder.channels).toEqual(['email']);
  });

  it("answers in the citizen's thread, marked automatic, and their reply finds the request again", async () => {
    const citizenMail = await compose({
      from: 'Jane <jane@example.org>',
      to: SMTP_FROM,
      subject: 'Pothole',
      text: 'Big pothole, please fix.',
      messageId: '<m1@example.org>',
      references: '<m0@example.org>',
    });
    const parsed = await parseEmail(citizenMail, { smtpFrom: SMTP_FROM, attachments: { max_bytes: 1000, types: [] } });
    if (parsed.kind !== 'message') throw new Error(parsed.reason);

    const text = `Town of Testville: thanks, your report ${REFERENCE} is in. Where is it?`;
    await responder.send(ReplyAddress.parse(parsed.message.reply_to), {
      request_id: REQUEST_ID,
      reference: REFERENCE,
      kind: 'question',
      text,
      language: 'en',
    });
    const sent = await waitFor(() => sink.messages[0], 5_000, 'the mail');
    expect(sent.from?.value).toEqual([{ name: 'Town of Testville', address: SMTP_FROM }]);
    expect(sent.to && !Array.isArray(sent.to) && sent.to.value[0]?.address).toBe('jane@example.org');
    expect(sent.subject).toBe(`Re: Pothole [#${REFERENCE}]`);
    expect(sent.text?.trim()).toBe(text);
    expect(sent.inReplyTo).toBe('<m1@example.org>');
    expect(sent.references).toEqual(['<m0@example.org>', '<m1@example.org>']);
    expect(sent.messageId).toMatch(new RegExp(`^<intake\\.${REQUEST_ID}\\.[0-9a-f]+@testville\\.example>$`));
    expect(sent.headers.get('auto-submitted')).toBe('auto-replied');

    const reply = await compose({
      from: 'Jane <jane@example.org>',
      to: SMTP_FROM,
      subject: `Re: ${sent.subject}`,
      text: `It is outside 12 Maple Street.\n\nOn Monday, Town of Testville wrote:\n> ${text}`,
      messageId: '<m2@example.org>',
      inReplyTo: sent.messageId,
      references: [...(sent.references as string[]), sent.messageId!],
    });
    const answer = await parseEmail(reply, { smtpFrom: SMTP_FROM, attachments: { max_bytes: 1000, types: [] } });
    expect(answer.kind === 'message' && answer.message).toMatchObject({
      continues: REQUEST_ID,
      text: 'It is outside 12 Maple Street.',
      conversation_id: '<m0@example.org>',
    });
  });

  it('marks status updates as generated, not replied', async () => {
    const before = sink.messages.length;
    await responder.send(
      { channel: 'email', to: 'jane@example.org', from: SMTP_FROM, thread: [], subject: null },
      { request_id: REQUEST_ID, reference: REFERENCE, kind: 'status', text: 'Closed.', language: 'en' },
    );
    const sent = await waitFor(() => sink.messages[before], 5_000, 'the mail');
    expect(sent.headers.get('auto-submitted')).toBe('auto-generated');
    expect(sent.subject).toBe(`Town of Testville: your report [#${REFERENCE}]`);
    expect(sent.inReplyTo).toBeUndefined();
  });

  it('keeps one reference in the subject however long the thread', () => {
    expect(replySubject(`RE: Re: Pothole [#${REFERENCE}]`, REFERENCE, 'Untitled')).toBe(`Re: Pothole [#${REFERENCE}]`);
    expect(replySubject('  ', REFERENCE, 'Untitled')).toBe('Untitled');
  });
});
