import type { Texts } from '@intake/i18n';
import type { Router } from 'express';
import { z } from 'zod';
import type { ChannelDeclaration } from './channels.js';
import type { LoadedConfig } from './config.js';
import type { OptOuts, PartsCollector } from './conversation.js';
import type { PluginOptions, SmtpSettings } from './config-schema.js';
import type { Logger } from './logger.js';
import {
  Precision,
  type Channel,
  type DevicePoint,
  type InboundMessageInput,
  type Media,
  type ReplyAddress,
  type ServiceRequest,
} from './schemas.js';
import type { RateLimits } from './rate-limits.js';
import type { RepeatKey, RequestReader } from './store.js';

export interface Accepted {
  id: string;
  /** the short reference to tell the citizen (the earlier request's for a repeat, the completed one's for an answer) */
  reference: string;
  /** the tracking link's path for that reference (`/track/{reference}-{token}`), null when it is not known */
  tracking_path: string | null;
  /** true when the channel id was seen before: the id is the earlier request's */
  duplicate: boolean;
  /** the open request this message answers (e.g. the location we asked for), when there is one */
  continues: string | null;
}

/** A photo as the record carries it, and where it was taken when its EXIF said so (the EXIF itself is gone). */
export interface SavedPhoto {
  media: Media;
  point: DevicePoint | null;
}

/** The media store as channels use it: everything kept is served at a signed, expiring `/media` link. */
export interface MediaIntake {
  /** re-encodes an image without its metadata and stores it; an IntakeError (415) when the bytes are not an image */
  savePhoto(bytes: Buffer, name: string | null): Promise<SavedPhoto>;
  /** stores a file that is not a photo (an emailed PDF) as it is */
  saveFile(bytes: Buffer, contentType: string, name: string | null): Promise<Media>;
  /** removes what was saved for a message that was then refused, so nothing of it stays in the store; links not ours are skipped */
  discard(media: readonly Pick<Media, 'url'>[]): Promise<void>;
  /** a photo kept for a report not sent yet, from its link: null when the link is not ours, not valid, or its photo gone */
  recall(url: string): Promise<Media | null>;
}

export const AddressSuggestion = z.object({ label: z.string(), lat: z.number(), long: z.number() });
export type AddressSuggestion = z.infer<typeof AddressSuggestion>;

/** A citizen asking where a report stands: "STATUS", "STATUS K7PM2Q", "any news on my report?". */
export interface StatusInquiry {
  /** who asks: the phone number (E.164) or email address it came from; only a report of theirs is answered about */
  address: string;
  /** the reference they quoted; null asks about the report `request_id` names, else their latest */
  reference: string | null;
  /** the request the channel knows the question is about (an email thread's) */
  request_id: string | null;
  /** the language of their words, for an answer that finds no report of theirs */
  language: string | null;
}

/** What they are told, in the report's language: its status and tracking link, or a neutral text that reveals nothing. */
export interface StatusAnswer {
  text: string;
  language: string;
  /** the report answered about, when one of theirs was found */
  request: { id: string; reference: string } | null;
}

export interface ConnectorContext {
  /** validates and durably queues a message; throws QueueUnavailableError when Redis does not take it */
  accept(message: InboundMessageInput): Promise<Accepted>;
  /**
   * logs in the request's conversation what the channel's own answer to an accepted message (a webhook's reply,
   * such as TwiML) tells the citizen, as replies sent later are logged. With `once`, a repeat of the same message
   * (the same key within its seconds, on any node) is answered once: false for the repeat, which the channel then
   * leaves unanswered. Never throws: in doubt, true, and the answer goes out. The gateway provides it.
   */
  answered?(accepted: Accepted, channel: string, text: string, once?: RepeatKey): Promise<boolean>;
  config: LoadedConfig;
  log: Logger;
  /** whether a form's address field or words name a place the town's geocoders find, so the form can ask where first */
  locates(report: { address: string | null; description: string }): Promise<boolean>;
  /** address completions from the jurisdiction's gazetteer, for forms */
  suggestAddresses(query: string, limit: number): AddressSuggestion[];
  /** every text a citizen sees, in their language (`@intake/i18n`) */
  texts: Texts;
  /** where photos and attachments are kept (`@intake/media`) */
  media: MediaIntake;
  /** STOP/START keywords: who must not be written to */
  optOuts: OptOuts;
  /** gathers the parts of a message the network split (a long SMS whose provider sends each part on its own) */
  parts: PartsCollector;
  /** read-only access to stored requests, for channels whose clients look them up (Open311); the gateway provides it */
  requests?: RequestReader;
  /** adds a comment to a stored request (Open311's POST servicerequestupdates); null when there is no such request */
  addUpdate?(idOrReference: string, update: { note: string; from: string }): Promise<{ update_id: string } | null>;
  /** per-client and API-key limits for routes citizens' clients call; the gateway provides them */
  rateLimits?: RateLimits;
  /**
   * What a citizen's message is to the reports they made (`@intake/citizen` reads the words): "STATUS" or a
   * follow-up that asks, to answer with the status and make no request; a follow-up that adds, to accept with
   * `continues` naming the report; nothing but thanks; or a new message. The gateway provides it.
   */
  followUp?(message: FollowUpMessage): Promise<FollowUp>;
  /**
   * Whether a citizen's words ask rather than report, read as the normalizer will read them, for a channel that
   * answers at once (TwiML): a question is told it was passed on, not that a report is in. The gateway provides it.
   */
  intentOf?(text: string): ServiceRequest['intent'];
}

/** A message as `followUp` reads it. */
export interface FollowUpMessage {
  /** the sender's phone number (E.164) or email address */
  address: string;
  text: string;
  /** photos or files it brings */
  media: number;
  /** the report the channel knows it is about (an email thread's) */
  request_id: string | null;
  /**
   * whether the sender's latest report, within the follow-up window, is what a message without `request_id` is
   * about: true on texting channels (one number, one person, short messages), false where a new mail is a new report
   */
  latest_counts: boolean;
}

export type FollowUp =
  | { kind: 'status'; answer: StatusAnswer }
  | { kind: 'adds'; request_id: string }
  /** thanks, a greeting: nothing to do and nothing to answer */
  | { kind: 'nothing' }
  | { kind: 'new' };

/**
 * A channel, in one folder: authenticates and translates raw input into InboundMessages, answers on its channel.
 * Knows nothing of CRMs. The gateway registers it; core derives the channel list and config schema from it.
 */
export interface Connector<S = unknown> {
  /** its key under `channels:` in intake.yaml */
  key: string;
  /** the channel names its messages carry, with what the pipeline must know of each */
  channels: readonly ChannelDeclaration[];
  /** the schema of its settings under `channels.<key>`, checked when the config loads */
  settings: z.ZodType<S>;
  enabled(config: LoadedConfig): boolean;
  mount(router: Router, ctx: ConnectorContext): void;
  /** the channel's outbound half, when it can answer citizens (SMS, email, Slack); `texts` for what it adds around a reply */
  responder?(config: LoadedConfig, log: Logger, texts: Texts): Responder | null;
  /** the SMTP server (and sender) this channel sends mail through, which a destination that mails may share */
  outgoingMail?(config: LoadedConfig): SmtpSettings | undefined;
  /**
   * Media the channel only references (Twilio's MMS URLs, which need the account's credentials), fetched before the
   * message is normalized; null when the URL is not one of the channel's own, which is then never fetched.
   */
  fetchMedia?(config: LoadedConfig, url: string): Promise<{ bytes: Buffer; content_type: string | null } | null>;
  /** long-running pollers (IMAP) start and stop with the app */
  start?(ctx: ConnectorContext): Promise<void>;
  stop?(): Promise<void>;
}

/** What an address extractor found in free text, handed to the geocoders. */
export const AddressQuery = z.object({
  kind: z.enum(['address', 'intersection', 'street', 'landmark', 'freeform']),
  raw: z.string(),
  number: z.string().nullable().default(null),
  unit: z.string().nullable().default(null),
  street: z.string().nullable().default(null),
  cross_street: z.string().nullable().default(null),
});
export type AddressQuery = z.infer<typeof AddressQuery>;

export const GeocodeResult = z.object({
  lat: z.number(),
  long: z.number(),
  address: z.string(),
  precision: Precision,
  source: z.string(),
  /** 0..1: how sure the geocoder is that this is the place meant */
  confidence: z.number().min(0).max(1),
});
export type GeocodeResult = z.infer<typeof GeocodeResult>;

export interface Geocoder {
  name: string;
  geocode(query: AddressQuery): Promise<GeocodeResult | null>;
}

export interface DeliveryEvent {
  destination: string;
  attempt: number;
  /** `<request id>:<destination>`: the same on every retry, so the CRM can drop repeats */
  idempotency_key: string;
}

/** What a CRM answered: at least its own id for the request when it gives one. */
export type Receipt = { external_id?: string | null } & Record<string, unknown>;

/** What a CRM says about one request it took, when asked. */
export interface CrmStatus {
  external_id: string;
  /** the CRM's status word, lower case: "open", "closed", "in progress" */
  status: string;
  notes: string | null;
  /** the CRM is done with it: no need to ask again */
  closed: boolean;
}

/**
 * Where the statuses a destination's CRM reports go (the gateway's CRM status handling implements it). Answers
 * `stored: false` when the request is no longer stored, so it is no longer asked about.
 */
export type StatusListener = (requestId: string, status: CrmStatus) => Promise<{ stored: boolean }>;

/** A CRM or sink. Throw PermanentDeliveryError for answers a retry cannot fix. */
export interface Destination {
  type: string;
  deliver(request: ServiceRequest, event: DeliveryEvent): Promise<Receipt>;
  /**
   * CRMs with a call of their own for what is added to a request they took (Open311's POST servicerequestupdates),
   * given `request.update` and the receipt of the request's delivery; the others are sent the record again, with
   * `event: service_request.updated`, through `deliver`.
   */
  deliverUpdate?(request: ServiceRequest, receipt: Receipt, event: DeliveryEvent): Promise<Receipt>;
  /** CRMs that can be asked (Open311): the statuses of requests it took, by the external ids its receipts gave */
  pollStatus?(externalIds: string[]): Promise<CrmStatus[]>;
  /** how often the router's status poller calls pollStatus */
  pollIntervalMs?: number;
  close?(): Promise<void>;
}

export interface OutboundReply {
  /** the request it is about, for threading (email References, a reference in the subject) */
  request_id: string;
  reference: string;
  kind: 'acknowledgement' | 'question' | 'status';
  text: string;
  /** the language `text` is in, for what the channel adds around it (an email's subject, a Slack hint) */
  language: string;
}

/** Sends a reply on the citizen's channel: SMS, email, Slack. Resolves once the channel took it. */
export interface Responder {
  channels: Channel[];
  send(to: ReplyAddress, reply: OutboundReply): Promise<void>;
  close?(): Promise<void>;
}

export interface PluginContext {
  config: LoadedConfig;
  log: Logger;
  /** the SMTP server a channel of the town sends its mail through, for a destination that mails and has none of its own */
  outgoingMail?: SmtpSettings;
}

/** One folder, one plugin: its `type`, its options' schema and a factory. */
export interface Plugin<T, O extends PluginOptions = PluginOptions> {
  type: string;
  options: z.ZodType<O>;
  create(options: O, ctx: PluginContext): T;
}
export type DestinationPlugin<O extends PluginOptions = PluginOptions> = Plugin<Destination, O>;
export type GeocoderPlugin<O extends PluginOptions = PluginOptions> = Plugin<Geocoder, O>;

export function schemasOf(plugins: readonly Plugin<unknown, PluginOptions>[]): Record<string, z.ZodType<PluginOptions>> {
  return Object.fromEntries(plugins.map((plugin) => [plugin.type, plugin.options]));
}
