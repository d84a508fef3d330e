import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  InboundMessage,
  OptOuts,
  QueueUnavailableError,
  createLogger,
  newReference,
  parseConfig,
  textsFor,
  type ConfigInput,
  type ConnectorContext,
  type InboundMessageInput,
  type LoadedConfig,
  type PartsCollector,
} from '@intake/core';
import { LocalMediaStore, createMediaService } from '@intake/media';
import type { Dovecot } from '@intake/testkit';
import type Mail from 'nodemailer/lib/mailer';
import MailComposer from 'nodemailer/lib/mail-composer';

export const SMTP_FROM = '311@testville.example';

/** A town that is not Banff: nothing in the connector may depend on the demo data. */
export function testConfig(email: Record<string, unknown>): LoadedConfig {
  const raw: ConfigInput = {
    jurisdiction: { id: 'testville.example', name: 'Town of Testville', country: 'CA' },
    channels: { email: email as never },
    services: [{ code: 'POTHOLE', name: 'Pothole' }],
    router: { destinations: {} },
  };
  return parseConfig(raw, { base_dir: __dirname, source: 'test' });
}

export const imapOf = (dovecot: Dovecot, overrides: Record<string, unknown> = {}) => ({
  host: dovecot.host,
  port: dovecot.port,
  secure: false,
  user: dovecot.user,
  pass: dovecot.pass,
  ...overrides,
});

/** A mail as a client would send it (nodemailer's own MIME composer). */
export function compose(mail: Mail.Options): Promise<Buffer> {
  return new MailComposer({ date: new Date('2026-11-23T17:00:00Z'), ...mail }).compile().build();
}

export interface RecordingContext extends ConnectorContext {
  /** every message intake took, in order (duplicates not repeated) */
  accepted: InboundMessage[];
  /** accept calls, duplicates included */
  calls: number;
  /** while true, accept throws QueueUnavailableError as the gateway does when Redis is down */
  down: boolean;
  /** runs inside accept after the message is taken and before accept returns */
  afterTake: ((message: InboundMessage) => Promise<void>) | null;
}

/**
 * The gateway's side of the connector contract, in memory: validates like accept, returns the first id for a
 * repeated external_id, and can fail like a Redis outage. The gateway's own accept is tested in packages/gateway.
 */
export function recordingContext(config: LoadedConfig): RecordingContext {
  const byExternalId = new Map<string, string>();
  const references = new Map<string, string>();
  const ctx: RecordingContext = {
    config,
    log: createLogger({ level: process.env.LOG_LEVEL ?? 'silent' }),
    // email has no STOP keyword: the connector never records opt-outs
    optOuts: null as unknown as OptOuts,
    // mail arrives whole: the connector never gathers parts
    parts: null as unknown as PartsCollector,
    suggestAddresses: () => [],
    locates: async () => true,
    texts: textsFor(config),
    media: createMediaService(config, createLogger({ level: 'silent' }), {
      store: new LocalMediaStore(mkdtempSync(path.join(tmpdir(), 'email-media-'))),
    }).intake,
    accepted: [],
    calls: 0,
    down: false,
    afterTake: null,
    async accept(input: InboundMessageInput) {
      ctx.calls++;
      if (ctx.down) throw new QueueUnavailableError(new Error('redis is down'));
      const earlier = input.external_id ? byExternalId.get(input.external_id) : undefined;
      if (earlier !== undefined)
        return { id: earlier, reference: references.get(earlier)!, tracking_path: null, duplicate: true, continues: null };
      const message = InboundMessage.parse({
        ...input,
        id: randomUUID(),
        received_at: input.received_at ?? new Date().toISOString(),
        tracking: { reference: newReference(), token: 'test-token-0123456789' },
      });
      references.set(message.id, message.tracking!.reference);
      if (message.external_id !== null) byExternalId.set(message.external_id, message.id);
      ctx.accepted.push(message);
      await ctx.afterTake?.(message);
      return {
        id: message.id,
        reference: message.tracking!.reference,
        tracking_path: null,
        duplicate: false,
        continues: message.continues,
      };
    },
  };
  return ctx;
}
