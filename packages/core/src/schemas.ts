import { z } from 'zod';

/** A channel's name as messages carry it (`sms`, `email`); the connectors the app registers say which exist. */
export const Channel = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, 'a channel name: lower case letters, digits, _ and -');
export type Channel = z.infer<typeof Channel>;

export const Priority = z.enum(['low', 'normal', 'high', 'urgent']);
export type Priority = z.infer<typeof Priority>;

/** The few words every CRM's statuses are mapped to (config `status_map` adds words): what a citizen is shown. */
export const PublicStatus = z.enum(['received', 'acknowledged', 'in_progress', 'closed']);
export type PublicStatus = z.infer<typeof PublicStatus>;

export const Precision = z.enum(['address', 'intersection', 'street', 'coordinates', 'none']);
export type Precision = z.infer<typeof Precision>;

export const Media = z.object({
  /** a signed link served by Intake (`/media/{id}?...`) for what Intake stored; a link passed on as given otherwise */
  url: z.string().min(1).max(2048),
  content_type: z.string().max(200).nullable().default(null),
  name: z.string().max(500).nullable().default(null),
  /** the stored size; null for a link Intake did not store */
  bytes: z.number().int().nonnegative().nullable().default(null),
});
export type Media = z.infer<typeof Media>;

/** How to answer the citizen on the channel they used. */
export const ReplyAddress = z.object({
  channel: Channel,
  to: z.string().min(1),
  /** e.g. the Twilio number written to, the email thread's Message-IDs, a Slack channel */
  from: z.string().nullable().default(null),
  thread: z.array(z.string()).default([]),
  subject: z.string().nullable().default(null),
});
export type ReplyAddress = z.infer<typeof ReplyAddress>;

export const DevicePoint = z.object({
  lat: z.number().min(-90).max(90),
  long: z.number().min(-180).max(180),
});
export type DevicePoint = z.infer<typeof DevicePoint>;

/** What a connector hands over: the channel's raw input, translated but not yet interpreted. */
export const InboundMessageInput = z.object({
  channel: Channel,
  /** the channel's own id (Twilio MessageSid, email Message-ID, Slack event id, Idempotency-Key) */
  external_id: z.string().min(1).max(500).nullable().default(null),
  received_at: z.iso.datetime({ offset: true }).optional(),
  sender: z
    .object({
      name: z.string().max(200).nullable().default(null),
      phone: z.string().max(64).nullable().default(null),
      email: z.string().max(320).nullable().default(null),
      /** a channel-specific handle: Slack user id, clerk name */
      handle: z.string().max(200).nullable().default(null),
    })
    .default({ name: null, phone: null, email: null, handle: null }),
  text: z.string().max(20_000).default(''),
  html: z.string().max(500_000).nullable().default(null),
  subject: z.string().max(1000).nullable().default(null),
  service_code: z.string().max(100).nullable().default(null),
  address: z.string().max(500).nullable().default(null),
  point: DevicePoint.nullable().default(null),
  media: z.array(Media).max(20).default([]),
  /** where a photo was taken (its EXIF GPS position): the location when nothing else gives one */
  photo_point: DevicePoint.nullable().default(null),
  conversation_id: z.string().max(500).nullable().default(null),
  /** the request this message adds to (an answer to our question), when the channel or the conversation knows it */
  continues: z.string().max(100).nullable().default(null),
  reply_to: ReplyAddress.nullable().default(null),
  /** the language the channel knows the citizen uses (the form's page language); null lets the normalizer detect it */
  language: z.string().max(35).nullable().default(null),
  /** context that is not the citizen's words: the forwarding clerk, the call id, transcript turns */
  context: z.record(z.string(), z.string().max(20_000)).default({}),
  /** what the channel knows that a clerk needs (a Slack shortcut's original author): it reaches the record's `source.details` */
  source_details: z.record(z.string().max(100), z.string().max(500)).default({}),
});
export type InboundMessageInput = z.input<typeof InboundMessageInput>;

export const InboundMessage = InboundMessageInput.extend({
  id: z.string().min(1),
  received_at: z.iso.datetime({ offset: true }),
  /** the reference and tracking token accept gave it; a message queued without them gets them when it is normalized */
  tracking: z
    .object({ reference: z.string().min(1).max(20), token: z.string().min(1).max(64) })
    .nullable()
    .default(null),
});
export type InboundMessage = z.infer<typeof InboundMessage>;

export const Location = z.object({
  lat: z.number().nullable(),
  long: z.number().nullable(),
  address: z.string().nullable(),
  precision: Precision,
  source: z.string().nullable(),
  in_jurisdiction: z.boolean().nullable(),
});
export type Location = z.infer<typeof Location>;

export const NO_LOCATION: Location = {
  lat: null,
  long: null,
  address: null,
  precision: 'none',
  source: null,
  in_jurisdiction: null,
};

/** Something added to a request after it was delivered: the citizen's follow-up, a photo, an Open311 client's comment. */
export const RequestUpdate = z.object({
  /** `update_id` as Open311's service request updates list it: `{request id}-{its place in the timeline}` */
  id: z.string(),
  at: z.string(),
  /** `citizen` (a follow-up by text or mail) or `open311` (an Open311 client's comment) */
  from: z.string(),
  note: z.string(),
  media: z.array(Media).default([]),
});
export type RequestUpdate = z.infer<typeof RequestUpdate>;

/** The record delivered to every destination (SPEC.md, "The record delivered"). */
export const ServiceRequest = z.object({
  id: z.string(),
  /** the short code the citizen is given and can quote (no 0/O, 1/I), unique within the retention period */
  reference: z.string(),
  event: z.enum(['service_request.created', 'service_request.duplicate', 'service_request.updated']),
  channel: Channel,
  received_at: z.string(),
  reporter: z.object({
    name: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  description: z.string(),
  service_code: z.string().nullable(),
  service_name: z.string().nullable(),
  location: Location,
  media: z.array(Media),
  source: z.object({
    external_id: z.string().nullable(),
    conversation_id: z.string().nullable(),
    /** the channel's own facts about the report, e.g. `slack_message_author` for a message reported with the shortcut */
    details: z.record(z.string(), z.string()).default({}),
  }),
  duplicate_of: z.string().nullable(),
  /** the citizen's language (`en`, `fr`, `es`, ...): what the channel said, or what the normalizer detected */
  language: z.string().nullable().default(null),
  /** `question` for a message that asks rather than reports ("is the dump open saturday?"): passed on, not dispatched */
  intent: z.enum(['report', 'question']).default('report'),
  routing: z.object({
    rule: z.string().nullable(),
    priority: Priority,
  }),
  /** with `service_request.updated`: what was added to this request, which the CRM took before (never a new work order) */
  update: RequestUpdate.nullable().default(null),
});
export type ServiceRequest = z.infer<typeof ServiceRequest>;

export const DeliveryState = z.object({
  destination: z.string(),
  status: z.enum(['queued', 'delivered', 'retrying', 'dead']),
  attempts: z.number().int(),
  updated_at: z.string(),
  receipt: z.record(z.string(), z.unknown()).nullable().default(null),
  error: z.string().nullable().default(null),
});
export type DeliveryState = z.infer<typeof DeliveryState>;

/** A record with every field the caller leaves out at its empty value: for dry-runs of the rules and for tests. */
export function serviceRequestFrom(partial: Partial<ServiceRequest>): ServiceRequest {
  return {
    id: 'dry-run',
    reference: 'DRY2UN',
    event: 'service_request.created',
    channel: 'web',
    received_at: new Date().toISOString(),
    reporter: { name: null, phone: null, email: null },
    description: '',
    service_code: null,
    service_name: null,
    location: NO_LOCATION,
    media: [],
    source: { external_id: null, conversation_id: null, details: {} },
    duplicate_of: null,
    language: null,
    intent: 'report',
    routing: { rule: null, priority: 'normal' },
    update: null,
    ...partial,
  };
}
