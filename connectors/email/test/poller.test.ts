import { startDovecot, waitFor, type Dovecot } from '@intake/testkit';
import { createEmailConnector, emailSettings, KEYWORDS, type EmailSettings } from '../src/index.js';
import { compose, imapOf, recordingContext, testConfig, type RecordingContext } from './helpers.js';

let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => {
  await dovecot.stop();
});

let mailboxCount = 0;
/** each test reads its own mailbox, so leftovers of one cannot pass or fail another */
function freshMailboxes() {
  mailboxCount++;
  return { mailbox: `In${mailboxCount}`, processed_mailbox: `Done${mailboxCount}` };
}

const mail = (n: number, extra: Record<string, unknown> = {}) =>
  compose({
    from: `Citizen ${n} <citizen${n}@example.org>`,
    subject: `Report ${n}`,
    text: `Pothole number ${n} on Maple Street.`,
    messageId: `<report-${n}-${mailboxCount}@example.org>`,
    ...extra,
  });

interface Running {
  ctx: RecordingContext;
  email: EmailSettings;
  stop(): Promise<void>;
}

async function startConnector(email: Record<string, unknown>): Promise<Running> {
  const config = testConfig(email);
  const ctx = recordingContext(config);
  const connector = createEmailConnector();
  await connector.start!(ctx);
  return { ctx, email: emailSettings(config)!, stop: () => connector.stop!() };
}

const names = (ctx: RecordingContext) => ctx.accepted.map((message) => message.subject).sort();

describe('the IMAP poller against Dovecot', () => {
  it('takes the mail already waiting at start, then new mail as IDLE announces it, and moves each after accept', async () => {
    const boxes = freshMailboxes();
    await dovecot.deliver(await mail(1), boxes.mailbox);
    await dovecot.deliver(await mail(2), boxes.mailbox);
    // a re-scan only every 5 minutes: new mail can only be seen through IDLE
    const running = await startConnector({ imap: imapOf(dovecot, { ...boxes, poll_seconds: 300 }) });
    try {
      await waitFor(() => running.ctx.accepted.length === 2, 10_000, 'the waiting mail');
      await dovecot.deliver(await mail(3), boxes.mailbox);
      await waitFor(() => running.ctx.accepted.length === 3, 8_000, 'the new mail through IDLE');
      await waitFor(async () => (await dovecot.list(boxes.processed_mailbox)).length === 3, 5_000, 'the moves');
      expect(names(running.ctx)).toEqual(['Report 1', 'Report 2', 'Report 3']);
      expect(await dovecot.list(boxes.mailbox)).toEqual([]);
      for (const done of await dovecot.list(boxes.processed_mailbox))
        expect(done.flags).toEqual(expect.arrayContaining(['\\Seen', KEYWORDS.done, KEYWORDS.queued]));
    } finally {
      await running.stop();
    }
  });

  it('flags mail instead of moving it when processed_mailbox is null, and never takes it twice', async () => {
    const { mailbox } = freshMailboxes();
    await dovecot.deliver(await mail(1), mailbox);
    const running = await startConnector({ imap: imapOf(dovecot, { mailbox, processed_mailbox: null, poll_seconds: 300 }) });
    try {
      await waitFor(() => running.ctx.accepted.length === 1, 10_000, 'the mail');
      await waitFor(async () => (await dovecot.list(mailbox))[0]?.flags.includes(KEYWORDS.done), 5_000, 'the flags');
      expect((await dovecot.list(mailbox))[0]!.flags).toEqual(expect.arrayContaining(['\\Seen', KEYWORDS.done, KEYWORDS.queued]));
      // a fresh connection scans the mailbox again: the flagged mail is not handed over again
      await dovecot.kick();
      await dovecot.deliver(await mail(2), mailbox);
      await waitFor(() => running.ctx.accepted.length === 2, 10_000, 'the second mail after reconnecting');
      expect(running.ctx.calls).toBe(2);
    } finally {
      await running.stop();
    }
  });

  it('leaves mail in the mailbox while intake is unavailable, and takes it once intake is back', async () => {
    const boxes = freshMailboxes();
    await dovecot.deliver(await mail(1), boxes.mailbox);
    const running = await startConnector({ imap: imapOf(dovecot, { ...boxes, poll_seconds: 300 }) });
    running.ctx.down = true;
    try {
      await waitFor(() => running.ctx.calls >= 1, 8_000, 'an attempt');
      const waiting = await dovecot.list(boxes.mailbox);
      expect(waiting).toHaveLength(1);
      expect(waiting[0]!.flags).not.toContain(KEYWORDS.done);
      running.ctx.down = false;
      // the queue's Retry-After (5 s) sets the next attempt
      await waitFor(() => running.ctx.accepted.length === 1, 10_000, 'the retry');
      await waitFor(async () => (await dovecot.list(boxes.mailbox)).length === 0, 5_000, 'the move');
    } finally {
      await running.stop();
    }
  });

  it('neither loses nor doubles mail when the connection drops between accept and move', async () => {
    const boxes = freshMailboxes();
    for (const n of [1, 2, 3, 4]) await dovecot.deliver(await mail(n), boxes.mailbox);
    const running = await startConnector({ imap: imapOf(dovecot, { ...boxes, poll_seconds: 300 }) });
    let kicks = 0;
    running.ctx.afterTake = async () => {
      // every other mail: the request is queued, then the IMAP connection dies before the mail is moved
      if (running.ctx.accepted.length % 2 === 1 && kicks < 2) {
        kicks++;
        await dovecot.kick();
        await waitFor(async () => (await dovecot.sessions()) === 0, 5_000, 'the kick');
      }
    };
    try {
      // a kick drops every session of the user, the test's own too: look into the mailbox only after the kicks
      await waitFor(() => kicks === 2 && running.ctx.accepted.length === 4, 20_000, 'every mail taken');
      await waitFor(async () => (await dovecot.list(boxes.processed_mailbox)).length === 4, 10_000, 'every mail moved');
      expect(await dovecot.list(boxes.mailbox)).toEqual([]);
      expect(names(running.ctx)).toEqual(['Report 1', 'Report 2', 'Report 3', 'Report 4']);
      // the kicked ones were handed over again and recognised by their Message-ID
      expect(running.ctx.calls).toBeGreaterThanOrEqual(6);
    } finally {
      await running.stop();
    }
  });

  it('reconnects after the server restarts', async () => {
    const boxes = freshMailboxes();
    await dovecot.deliver(await mail(1), boxes.mailbox);
    const running = await startConnector({ imap: imapOf(dovecot, { ...boxes, poll_seconds: 300 }) });
    try {
      await waitFor(() => running.ctx.accepted.length === 1, 10_000, 'the first mail');
      await dovecot.restart();
      await dovecot.deliver(await mail(2), boxes.mailbox);
      await waitFor(() => running.ctx.accepted.length === 2, 15_000, 'the mail after the restart');
      await waitFor(async () => (await dovecot.list(boxes.processed_mailbox)).length === 2, 5_000, 'the moves');
    } finally {
      await running.stop();
    }
  });

  it('sets aside mail it cannot use, unread and marked, and carries on with the rest', async () => {
    const boxes = freshMailboxes();
    await dovecot.deliver('Subject: no sender\r\n\r\nWho wrote this?\r\n', boxes.mailbox);
    await dovecot.deliver(await mail(1, { text: 'x'.repeat(5000) }), boxes.mailbox);
    await dovecot.deliver(await mail(2, { headers: { 'Auto-Submitted': 'auto-replied' } }), boxes.mailbox);
    await dovecot.deliver(await mail(3), boxes.mailbox);
    const running = await startConnector({ imap: imapOf(dovecot, { ...boxes, poll_seconds: 300 }), max_message_bytes: 3000 });
    try {
      await waitFor(async () => (await dovecot.list(boxes.processed_mailbox)).length === 4, 10_000, 'every mail moved');
      expect(names(running.ctx)).toEqual(['Report 3']);
      const flags = (await dovecot.list(boxes.processed_mailbox)).map((done) => done.flags.filter((flag) => flag !== '\\Recent').sort());
      expect(flags).toEqual([
        [KEYWORDS.done, KEYWORDS.rejected].sort(),
        [KEYWORDS.done, KEYWORDS.rejected].sort(),
        ['\\Seen', KEYWORDS.done, KEYWORDS.skipped].sort(),
        ['\\Seen', KEYWORDS.done, KEYWORDS.queued].sort(),
      ]);
    } finally {
      await running.stop();
    }
  });

  it('logs out when stopped', async () => {
    const boxes = freshMailboxes();
    await dovecot.deliver(await mail(1), boxes.mailbox);
    const running = await startConnector({ imap: imapOf(dovecot, boxes) });
    await waitFor(async () => (await dovecot.sessions()) > 0, 5_000, 'a session');
    await running.stop();
    await waitFor(async () => (await dovecot.sessions()) === 0, 5_000, 'no session');
  });
});
