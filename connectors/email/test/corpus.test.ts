import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { startDovecot, waitFor, type Dovecot } from '@intake/testkit';
import { KEYWORDS, createEmailConnector, parseEmail, type ParsedEmail } from '../src/index.js';
import { SMTP_FROM, imapOf, recordingContext, testConfig } from './helpers.js';

/** Real-world mail, much of it malformed, vendored from the Ruby mail gem's fixtures (corpus/SOURCES.md). */
const CORPUS = path.join(__dirname, 'corpus');
const files = readdirSync(CORPUS)
  .filter((file) => file.endsWith('.eml'))
  .sort();

const OPTIONS = { smtpFrom: SMTP_FROM, attachments: { max_bytes: 10 * 1024 * 1024, types: ['image/*', 'application/pdf'] } };
const outcomes = new Map<string, ParsedEmail>();

beforeAll(async () => {
  for (const file of files) outcomes.set(file, await parseEmail(readFileSync(path.join(CORPUS, file)), OPTIONS));
});

const kinds = (kind: ParsedEmail['kind']) => files.filter((file) => outcomes.get(file)!.kind === kind);

describe('the email corpus through the parser', () => {
  it('has the corpus', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('turns every file into a message or a reasoned skip or rejection', () => {
    for (const file of files) {
      const outcome = outcomes.get(file)!;
      if (outcome.kind === 'message')
        expect(outcome.message.text !== '' || outcome.message.subject !== null || outcome.message.media!.length > 0).toBe(true);
      else expect(outcome.reason.length).toBeGreaterThan(5);
    }
    expect(kinds('message').length).toBeGreaterThan(80);
  });

  it('makes no request of any bounce or delivery report', () => {
    const reports = files.filter((file) => file.startsWith('multipart_report_emails__'));
    expect(reports.length).toBeGreaterThan(3);
    for (const file of reports) expect(outcomes.get(file)!.kind).toBe('skip');
  });

  it('rejects the mail that names no sender', () => {
    expect(kinds('reject')).toEqual(['error_emails__bad_encoded_subject.eml', 'rfc2822__example13.eml']);
  });

  it.each([
    ['multi_charset__japanese_shift_jis.eml', 'このメールはテスト用のメールです。'],
    ['multi_charset__japanese_iso_2022.eml', 'すみません。'],
    ['multi_charset__ks_c_5601-1987.eml', '스티해'],
    ['plain_emails__raw_email.eml', '제 이름은 Jamis입니다.'],
    ['rfc6532__utf8_headers.eml', 'body'],
  ])('decodes the charset of %s', (file, words) => {
    const outcome = outcomes.get(file)!;
    expect(outcome.kind === 'message' && outcome.message.text).toContain(words);
  });

  it('keeps the PDF of a mail as media and notes what it cannot keep', () => {
    const pdf = outcomes.get('attachment_emails__attachment_pdf.eml')!;
    expect(pdf.kind === 'message' && pdf.message.media).toEqual([
      { url: 'mid:xxxx%40xxxx.com?part=2', content_type: 'application/pdf', name: 'broken.pdf', bytes: null },
    ]);
    const script = outcomes.get('attachment_emails__attachment_content_disposition.eml')!;
    expect(script.kind === 'message' && script.message.context?.attachments_not_kept).toMatch(
      /api\.rb \(text\/x-ruby-script, \d+ bytes\): type not accepted/,
    );
  });

  it('treats an attached message as a forward of its author', () => {
    const outcome = outcomes.get('attachment_emails__attachment_message_rfc822.eml')!;
    expect(outcome.kind === 'message' && outcome.message).toMatchObject({
      sender: { email: 'xxxx@xxxx.com' },
      context: { forwarded_by: 'foo@example.com' },
    });
  });
});

describe('the email corpus through Dovecot', () => {
  let dovecot: Dovecot;
  beforeAll(async () => {
    dovecot = await startDovecot();
  });
  afterAll(async () => {
    await dovecot.stop();
  });

  it('settles every file: queued, skipped or rejected, and none left behind', async () => {
    for (const file of files) await dovecot.deliver(readFileSync(path.join(CORPUS, file)), 'Corpus');
    const config = testConfig({
      imap: imapOf(dovecot, { mailbox: 'Corpus', processed_mailbox: 'Corpus-done' }),
      smtp: { host: '127.0.0.1', from: SMTP_FROM },
    });
    const ctx = recordingContext(config);
    const connector = createEmailConnector();
    await connector.start!(ctx);
    try {
      await waitFor(async () => (await dovecot.list('Corpus-done')).length === files.length, 120_000, 'the whole corpus');
      expect(await dovecot.list('Corpus')).toEqual([]);
      const done = await dovecot.list('Corpus-done');
      const marked = (keyword: string) => done.filter((mail) => mail.flags.includes(keyword)).length;
      expect(marked(KEYWORDS.skipped)).toBe(kinds('skip').length);
      expect(marked(KEYWORDS.rejected)).toBe(kinds('reject').length);
      expect(marked(KEYWORDS.queued)).toBe(kinds('message').length);
      // the corpus repeats some Message-IDs: each makes one request
      const expected = new Set(
        kinds('message').map((file) => (outcomes.get(file) as Extract<ParsedEmail, { kind: 'message' }>).message.external_id),
      );
      expect(new Set(ctx.accepted.map((message) => message.external_id))).toEqual(expected);
      expect(ctx.accepted).toHaveLength(expected.size);
    } finally {
      await connector.stop!();
    }
  }, 150_000);
});
