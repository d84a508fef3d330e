import type { Logger } from '@intake/core';
import { ImapFlow, type FetchMessageObject, type SearchObject } from 'imapflow';

import type { ImapConfig } from './settings.js';

/** What became of a mail: done with (and how), or left in the mailbox for another try after `retryMs`. */
export type Handled = Done | { retryMs: number };
type Done = { done: 'queued' | 'skipped' | 'rejected' };
export type MailHandler = (mail: { uid: number; source: Buffer; internalDate: Date | null }) => Promise<Handled>;

/** Keywords on handled mail: what an operator filters on, and in flag mode (no processed_mailbox) what marks it done. */
export const KEYWORDS = { done: '$IntakeDone', queued: '$IntakeQueued', skipped: '$IntakeSkipped', rejected: '$IntakeRejected' } as const;

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 60_000;
/** how long stop() lets a mail in progress finish; one cut short is simply handled again (Message-ID dedupes it) */
const STOP_GRACE_MS = 10_000;

export interface PollerOptions {
  imap: ImapConfig;
  maxMessageBytes: number;
  handle: MailHandler;
  log: Logger;
}

/** Resolves once `work` settles, or after `ms`, whichever comes first. */
function settledWithin(work: Promise<unknown> | null, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    (work ?? Promise.resolve()).then(done, done);
  });
}

/**
 * Reads one mailbox: every mail already there at start, then new ones as IDLE announces them (and a re-scan every
 * poll_seconds). A mail is moved to processed_mailbox, or flagged, only after the handler is done with it, so a crash
 * at any point leaves it to be handled again, and the handler's idempotency (Message-ID) keeps that from doubling.
 * Several nodes may poll the same mailbox: they can both handle a mail, one MOVE wins and the other finds it gone.
 */
export class MailboxPoller {
  private client: ImapFlow | null = null;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private draining: Promise<void> | null = null;
  private drainAgain = false;
  private timer: NodeJS.Timeout | null = null;
  private wake: () => void = () => undefined;

  constructor(private readonly options: PollerOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    this.wake();
    await settledWithin(this.draining, STOP_GRACE_MS);
    const client = this.client;
    if (client?.usable) await client.logout().catch(() => client.close());
    else client?.close();
    await this.loop;
  }

  /** An ImapFlow client cannot reconnect: every connection is a fresh one, after a pause that grows while they fail. */
  private async run(): Promise<void> {
    const { imap, log } = this.options;
    let failures = 0;
    while (!this.stopped) {
      const client = this.newClient();
      this.client = client;
      const closed = new Promise<void>((resolve) => client.once('close', resolve));
      try {
        await client.connect();
        await this.prepare(client);
        failures = 0;
        log.info({ channel: 'email', host: imap.host, mailbox: imap.mailbox }, 'IMAP connected');
        client.on('exists', () => this.requestDrain(client));
        this.requestDrain(client);
        await closed;
        if (!this.stopped) log.warn({ channel: 'email', host: imap.host }, 'IMAP connection closed');
      } catch (error) {
        if (!this.stopped) log.warn({ channel: 'email', host: imap.host, err: (error as Error).message }, 'IMAP connection failed');
        client.close();
      }
      this.clearTimer();
      await this.draining;
      if (this.stopped) break;
      failures++;
      await this.pause(Math.min(FIRST_RETRY_MS * 2 ** (failures - 1), MAX_RETRY_MS));
    }
  }

  private newClient(): ImapFlow {
    const { imap, log } = this.options;
    const client = new ImapFlow({
      host: imap.host,
      port: imap.port,
      secure: imap.secure,
      auth: { user: imap.user, pass: imap.pass },
      logger: false,
      // IDLE soon after our own commands, so the server can tell us of new mail
      autoIdleDelay: 1000,
      connectionTimeout: 15_000,
    });
    client.on('error', (error: Error) => log.warn({ channel: 'email', err: error.message }, 'IMAP error'));
    return client;
  }

  private async prepare(client: ImapFlow): Promise<void> {
    const processed = this.options.imap.processed_mailbox;
    if (processed === null) return;
    // servers that do not say ALREADYEXISTS make this throw for an existing mailbox; a real problem shows in MOVE
    await client
      .mailboxCreate(processed)
      .catch((error: Error) => this.options.log.debug({ err: error.message }, 'processed mailbox not created'));
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One drain at a time per connection; a request during a drain makes it run once more. */
  private requestDrain(client: ImapFlow): void {
    if (this.stopped) return;
    if (this.draining !== null) {
      this.drainAgain = true;
      return;
    }
    this.clearTimer();
    this.draining = this.drainUntilQuiet(client).finally(() => {
      this.draining = null;
    });
  }

  private async drainUntilQuiet(client: ImapFlow): Promise<void> {
    let next: number;
    do {
      this.drainAgain = false;
      next = await this.drain(client);
    } while (this.drainAgain && !this.stopped && client.usable);
    if (!this.stopped && client.usable) this.timer = setTimeout(() => this.requestDrain(client), next);
  }

  private pending(): SearchObject {
    // in flag mode the keyword marks what is done; in move mode anything still here is not done moving
    return this.options.imap.processed_mailbox === null ? { deleted: false, unKeyword: KEYWORDS.done } : { deleted: false };
  }

  /** Handles every pending mail; returns when to look again (ms). */
  private async drain(client: ImapFlow): Promise<number> {
    const pollMs = this.options.imap.poll_seconds * 1000;
    try {
      const lock = await client.getMailboxLock(this.options.imap.mailbox);
      try {
        const pending = await client.fetchAll(this.pending(), { uid: true, size: true, flags: true, internalDate: true }, { uid: true });
        for (const mail of pending) {
          if (this.stopped) break;
          const handled = await this.process(client, mail);
          if ('retryMs' in handled) return handled.retryMs;
        }
      } finally {
        lock.release();
      }
    } catch (error) {
      // a dropped connection also ends up here; its 'close' starts a fresh one
      this.options.log.warn({ channel: 'email', err: (error as Error).message }, 'IMAP mailbox scan failed');
    }
    return pollMs;
  }

  private async process(client: ImapFlow, mail: FetchMessageObject): Promise<Handled> {
    const { log, maxMessageBytes } = this.options;
    const uid = mail.uid;
    // handled before, but the move did not happen (a dropped connection): only the move is left
    if (mail.flags?.has(KEYWORDS.done)) return this.finish(client, uid, { done: 'queued' }, false);
    if ((mail.size ?? 0) > maxMessageBytes) {
      log.warn({ channel: 'email', uid, size: mail.size, max: maxMessageBytes }, 'email rejected: larger than max_message_bytes');
      return this.finish(client, uid, { done: 'rejected' });
    }
    const full = await client.fetchOne(String(uid), { source: true }, { uid: true });
    // gone meanwhile: another node's poller took it
    if (full === false || full.source === undefined) return { done: 'skipped' };
    let handled: Handled;
    try {
      handled = await this.options.handle({
        uid,
        source: full.source,
        internalDate: mail.internalDate ? new Date(mail.internalDate) : null,
      });
    } catch (error) {
      // a mail that breaks the handler must not block the mailbox
      log.error({ channel: 'email', uid, err: (error as Error).message }, 'email rejected: handler failed');
      handled = { done: 'rejected' };
    }
    return 'done' in handled ? this.finish(client, uid, handled) : handled;
  }

  private async finish(client: ImapFlow, uid: number, handled: Done, flag = true): Promise<Handled> {
    const range = String(uid);
    if (flag) {
      // rejected mail stays unread: a person should look at it
      const flags = [KEYWORDS.done, KEYWORDS[handled.done], ...(handled.done === 'rejected' ? [] : ['\\Seen'])];
      await client.messageFlagsAdd(range, flags, { uid: true });
    }
    const processed = this.options.imap.processed_mailbox;
    if (processed !== null && (await client.messageMove(range, processed, { uid: true })) === false) {
      this.options.log.warn({ channel: 'email', uid, mailbox: processed }, 'email not moved to the processed mailbox');
    }
    return handled;
  }
}
