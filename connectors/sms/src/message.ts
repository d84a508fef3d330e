import { badRequest, type InboundMessageInput, type Media } from '@intake/core';
import { z } from 'zod';
import { describeIssues } from './issues.js';

const WHATSAPP_PREFIX = 'whatsapp:';

/** Carrier keywords (CTIA, and what Twilio's own opt-out handling recognises); they never make a request. */
const KEYWORDS = {
  stop: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT'],
  start: ['START', 'UNSTOP', 'YES'],
  help: ['HELP', 'INFO'],
} as const;
export type Keyword = keyof typeof KEYWORDS;

const formField = z.string().max(20_000);
const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);
const coordinate = (limit: number) => z.preprocess(blankToUndefined, z.coerce.number().min(-limit).max(limit).optional());

/** The Twilio Messaging webhook fields Intake reads; Twilio sends many more, which are ignored. */
const TwilioMessageForm = z.looseObject({
  MessageSid: z.string({ error: 'MessageSid is required' }).min(1, 'MessageSid is required').max(100),
  From: z.string({ error: 'From is required' }).min(1, 'From is required').max(100),
  To: z.string().max(100).optional(),
  Body: formField.default(''),
  NumMedia: z.coerce.number().int().min(0).max(20).default(0),
  Latitude: coordinate(90),
  Longitude: coordinate(180),
  ProfileName: z.string().max(200).optional(),
});
type TwilioMessageForm = z.infer<typeof TwilioMessageForm>;

export type SmsChannel = 'sms' | 'whatsapp';

export interface ParsedSms {
  channel: SmsChannel;
  /** the sender's number without the channel prefix */
  phone: string;
  /** a STOP/START/HELP keyword, when that is all the message says */
  keyword: Keyword | null;
  /** true when there is nothing to report: no text, no media, no location */
  empty: boolean;
  message: InboundMessageInput;
}

const withoutPrefix = (address: string) => (address.startsWith(WHATSAPP_PREFIX) ? address.slice(WHATSAPP_PREFIX.length) : address);

export function keywordOf(body: string): Keyword | null {
  const word = body
    .trim()
    .replace(/[.!]+$/, '')
    .toUpperCase();
  for (const [keyword, words] of Object.entries(KEYWORDS) as [Keyword, readonly string[]][]) {
    if (words.includes(word)) return keyword;
  }
  return null;
}

function mediaOf(form: TwilioMessageForm): Media[] {
  const media: Media[] = [];
  for (let i = 0; i < form.NumMedia; i += 1) {
    const url = form[`MediaUrl${i}`];
    if (typeof url !== 'string' || url === '') continue;
    const type = form[`MediaContentType${i}`];
    media.push({ url, content_type: typeof type === 'string' && type !== '' ? type : null, name: null, bytes: null });
  }
  return media;
}

/** Translates a verified Twilio SMS, MMS or WhatsApp webhook body into what the intake queue takes. */
export function parseTwilioMessage(body: unknown): ParsedSms {
  const parsed = TwilioMessageForm.safeParse(body ?? {});
  if (!parsed.success) throw badRequest(describeIssues(parsed.error.issues), 'invalid_twilio_message');
  const form = parsed.data;
  const channel: SmsChannel = form.From.startsWith(WHATSAPP_PREFIX) ? 'whatsapp' : 'sms';
  const phone = withoutPrefix(form.From);
  const media = mediaOf(form);
  const point = form.Latitude !== undefined && form.Longitude !== undefined ? { lat: form.Latitude, long: form.Longitude } : null;
  const text = form.Body.trim();
  return {
    channel,
    phone,
    keyword: keywordOf(text),
    empty: text === '' && media.length === 0 && point === null,
    message: {
      channel,
      external_id: form.MessageSid,
      sender: { name: form.ProfileName ?? null, phone, email: null, handle: null },
      text,
      point,
      media,
      // the bare number: the responder adds the channel's prefix back, and opt-outs are kept by number
      reply_to: { channel, to: phone, from: form.To === undefined ? null : withoutPrefix(form.To), thread: [], subject: null },
    },
  };
}
