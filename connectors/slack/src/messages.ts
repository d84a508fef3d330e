import type { InboundMessageInput, Media } from '@intake/core';
import { z } from 'zod';
import type { FormOrigin, ReportFields } from './modal.js';
import { plainText } from './text.js';

const MAX_TEXT = 20_000;

const SlackFile = z.looseObject({
  name: z.string().max(500).optional(),
  mimetype: z.string().max(200).optional(),
  /** a link for people in the workspace; the file itself needs a token */
  permalink: z.string().max(2048).optional(),
});

/** The fields of a `message` or `app_mention` event Intake reads. */
export const SlackMessageEvent = z.looseObject({
  type: z.enum(['message', 'app_mention']),
  user: z.string().min(1).max(50),
  text: z.string().default(''),
  ts: z.string().min(1).max(50),
  channel: z.string().min(1).max(50),
  thread_ts: z.string().max(50).optional(),
  channel_type: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  files: z.array(SlackFile).default([]),
});
export type SlackMessageEvent = z.infer<typeof SlackMessageEvent>;

/** Who someone is in the workspace, when Slack says (users.info). */
export interface SlackPerson {
  name: string | null;
  email: string | null;
}

function mediaOf(files: z.infer<typeof SlackFile>[]): Media[] {
  return files
    .filter((file) => file.permalink !== undefined)
    .slice(0, 20)
    .map((file) => ({ url: file.permalink!, content_type: file.mimetype ?? null, name: file.name ?? null, bytes: null }));
}

/** The first picture of a message, to prefill the form's photo link. */
export function firstImageLink(files: unknown): string | undefined {
  const parsed = z.array(SlackFile).safeParse(files ?? []);
  return parsed.success ? parsed.data.find((file) => file.mimetype?.startsWith('image/') && file.permalink)?.permalink : undefined;
}

/** A thread's replies are about the thread's report; the first message of a thread names it. */
const threadOf = (event: Pick<SlackMessageEvent, 'thread_ts' | 'ts'>) => event.thread_ts ?? event.ts;

/** A mention or a direct message as the intake queue takes it; answers go back to its thread. */
export function messageReport(
  event: SlackMessageEvent,
  person: SlackPerson,
  botUserId: string | null,
  continues: string | null,
): InboundMessageInput {
  return {
    channel: 'slack',
    // the channel and ts name a message whether it came as a mention or a DM, and however often Slack retries it
    external_id: `message:${event.channel}:${event.ts}`,
    sender: { ...person, phone: null, handle: event.user },
    text: plainText(event.text, botUserId).slice(0, MAX_TEXT),
    media: mediaOf(event.files),
    continues,
    conversation_id: `${event.channel}:${threadOf(event)}`,
    reply_to: { channel: 'slack', to: event.user, from: event.channel, thread: [threadOf(event)], subject: null },
    context: { slack_channel: event.channel, slack_ts: event.ts },
  };
}

/** A submitted report form; the view id makes a double submission one request. Answers go to the person's DM. */
export function formReport(
  fields: ReportFields,
  origin: FormOrigin,
  viewId: string,
  userId: string,
  person: SlackPerson,
): InboundMessageInput {
  const context = Object.fromEntries(
    Object.entries({
      slack_channel: origin.channel,
      slack_message_ts: origin.message_ts,
      slack_message_author: origin.message_author,
    }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return {
    channel: 'slack',
    external_id: `view:${viewId}`,
    sender: { ...person, phone: null, handle: userId },
    text: fields.description,
    service_code: fields.service_code,
    address: fields.address,
    media: fields.photo === null ? [] : [{ url: fields.photo, content_type: null, name: null }],
    reply_to: { channel: 'slack', to: userId, from: null, thread: [], subject: null },
    context,
    // who wrote the message reported with the shortcut, and where: the clerk's way back to the original
    source_details: context,
  };
}
