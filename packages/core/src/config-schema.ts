import { CATALOGUE_LANGUAGES, primaryLanguage } from '@intake/i18n';
import { z } from 'zod';
import { Channel, Priority, PublicStatus } from './schemas.js';

/** An SMTP server to send from: the email channel's replies, and the email destination's default. */
export const SmtpSettings = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().positive().default(587),
  secure: z.boolean().default(false),
  user: z.string().optional(),
  pass: z.string().optional(),
  from: z.string().min(3),
});
export type SmtpSettings = z.infer<typeof SmtpSettings>;

/** Each connector's settings, by its key; the connector's own schema checks them when the config loads. */
export const ChannelsConfig = z.record(z.string(), z.unknown()).default({});

/** Words by language code (`fr`, `es`, ...): the language codes `jurisdiction.languages` uses. */
const LanguageNames = z.record(z.string().regex(/^[a-z]{2,3}$/, 'a language code such as fr or es'), z.string().min(1));

export const ServiceDefinition = z.strictObject({
  code: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only'),
  name: z.string().min(1),
  /** the name in other languages the town offers, e.g. `{ fr: Nid-de-poule }`; `name` where one is missing */
  names: LanguageNames.optional(),
  group: z.string().optional(),
  /** the group's name in other languages, as `names` */
  group_names: LanguageNames.optional(),
  description: z.string().optional(),
  keywords: z.array(z.string().min(1)).default([]),
});
export type ServiceDefinition = z.infer<typeof ServiceDefinition>;

/** What a citizen reading `language` sees a service and its group called. */
export const serviceNameIn = (service: ServiceDefinition, language: string) => service.names?.[language] ?? service.name;
export const serviceGroupIn = (service: ServiceDefinition, language: string) => service.group_names?.[language] ?? service.group;

export const Landmark = z.strictObject({
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  address: z.string().optional(),
  lat: z.number().min(-90).max(90).optional(),
  long: z.number().min(-180).max(180).optional(),
});

/** A plugin's options: its `type` picks the plugin, the plugin's own zod schema checks the rest. */
const PluginOptions = z.looseObject({
  type: z.string().min(1),
  /** a destination's team, in plain words; each destination's own schema checks it */
  team: z.string().optional(),
});
export type PluginOptions = z.infer<typeof PluginOptions>;

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]);

export const RuleCondition = z
  .strictObject({
    service_code: oneOrMany(z.string()).optional(),
    service_group: oneOrMany(z.string()).optional(),
    channel: oneOrMany(Channel).optional(),
    /** a regular expression, matched case-insensitively against the description */
    text_matches: z.string().optional(),
    /** a GeoJSON Polygon/MultiPolygon file, relative to the config file */
    within: z.string().optional(),
    in_jurisdiction: z.boolean().optional(),
    has_location: z.boolean().optional(),
    duplicate: z.boolean().optional(),
    /** `question` for messages that ask rather than report: route them to whoever answers, not to a crew */
    intent: z.enum(['report', 'question']).optional(),
    /** local time of day in the jurisdiction's timezone, "08:00-17:00" (may wrap midnight) */
    hours: z
      .string()
      .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'HH:MM-HH:MM')
      .optional(),
    days: z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])).optional(),
  })
  .strict();
export type RuleCondition = z.infer<typeof RuleCondition>;

export const RuleAction = z.strictObject({
  deliver_to: z.array(z.string()).default([]),
  priority: Priority.optional(),
});

export const Rule = z.strictObject({
  name: z.string().min(1),
  when: RuleCondition.default({}),
  then: RuleAction,
  continue: z.boolean().default(false),
});
export type Rule = z.infer<typeof Rule>;

/**
 * An S3-compatible bucket (AWS S3, MinIO, Ceph, Garage, R2, ...). Credentials come from the config (`${VAR}` from the
 * environment) or, when both are left out, from the AWS SDK's own chain (AWS_ACCESS_KEY_ID, profiles, instance roles).
 */
export const S3StoreConfig = z
  .strictObject({
    type: z.literal('s3'),
    bucket: z.string().min(3).max(63),
    region: z.string().min(1).default('us-east-1'),
    /** left out for AWS itself; `http://127.0.0.1:9000` for a MinIO beside the gateway */
    endpoint: z.url({ protocol: /^https?$/, error: 'endpoint must be an http(s) URL' }).optional(),
    /** `bucket` in the path rather than the host name: what most self-hosted servers want */
    force_path_style: z.boolean().default(false),
    /** keys are `<prefix><id>`, so one bucket can hold more than the photos */
    prefix: z.string().max(200).default(''),
    access_key_id: z.string().min(1).optional(),
    secret_access_key: z.string().min(1).optional(),
  })
  .refine((store) => (store.access_key_id === undefined) === (store.secret_access_key === undefined), {
    message: 'give both access_key_id and secret_access_key, or neither (then the AWS SDK finds them in the environment)',
    path: ['secret_access_key'],
  });
export type S3StoreConfig = z.infer<typeof S3StoreConfig>;

/** Where photos are kept: files under a folder, relative to the config file (the demo: the data dir), or an S3-compatible bucket. */
const MediaStoreConfig = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('local'), dir: z.string().min(1).default('.intake/media') }),
  S3StoreConfig,
]);

/** Photos citizens send: where they are kept and how long their links open. */
export const MediaConfig = z.strictObject({
  store: MediaStoreConfig.prefault({ type: 'local' }),
  /** signs the `/media` links; without it, a key derived from server.admin_token (or, lacking that too, a random one per process) */
  signing_secret: z.string().min(16).optional(),
  link_days: z.number().positive().default(30),
  /** per photo, after upload and before re-encoding */
  max_bytes: z
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  max_photos: z.number().int().min(0).max(10).default(5),
});

export const RateLimit = z.strictObject({ max: z.number().int().positive(), per_seconds: z.number().positive().default(1) });

/**
 * What one client address, or one sender, may send (null: no limit); generous, so a town's real traffic never meets
 * them and a flood or a script does. `key_failures` slows the guessing of every secret a route checks (API keys, tokens, passwords).
 */
const RateLimits = z.strictObject({
  per_client: RateLimit.nullable().default({ max: 120, per_seconds: 60 }),
  per_sender: RateLimit.nullable().default({ max: 60, per_seconds: 3600 }),
  key_failures: RateLimit.nullable().default({ max: 10, per_seconds: 600 }),
});
export type RateLimitSettings = z.infer<typeof RateLimits>;
const RATE_LIMIT_DEFAULTS: RateLimitSettings = {
  per_client: { max: 120, per_seconds: 60 },
  per_sender: { max: 60, per_seconds: 3600 },
  key_failures: { max: 10, per_seconds: 600 },
};

const portMessage = (issue: { input?: unknown }) => `must be a number from 0 to 65535, got ${JSON.stringify(issue.input)}`;
/** A TCP port (0 picks a free one); "8080" from an environment variable counts as the number. */
const Port = z.preprocess(
  (value) => (typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value),
  z.number({ error: portMessage }).int({ error: portMessage }).min(0, { error: portMessage }).max(65535, { error: portMessage }),
);

/** Where the console's list, search and map read from: an embedded SQLite file by default, PostgreSQL for bigger towns. */
export const IndexSettings = z.discriminatedUnion('type', [
  /** `path` defaults to index.sqlite in the data directory; one file per HTTP node, each fed the whole stream */
  z.strictObject({ type: z.literal('sqlite'), path: z.string().min(1).optional() }),
  z.strictObject({
    type: z.literal('postgres'),
    url: z.string().min(1),
    schema: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/, 'lower-case letters, digits and _ only')
      .default('intake'),
  }),
]);
export type IndexSettings = z.infer<typeof IndexSettings>;

export const ConsoleUser = z.strictObject({
  name: z.string().min(1).max(100),
  /** an argon2 hash (`pnpm intake users hash`), never the password itself */
  password_hash: z.string().startsWith('$argon2', 'an argon2 hash (pnpm intake users hash)'),
});

export const ConsoleSettings = z.strictObject({
  users: z.array(ConsoleUser).default([]),
  /** signs the session cookie; by default derived from server.admin_token, so every node agrees without more config */
  session_secret: z.string().min(1).optional(),
  session_hours: z
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  index: IndexSettings.default({ type: 'sqlite' }),
  /** areas a report can be narrowed to, name: GeoJSON polygon file; default: the files the rules' `within` name */
  areas: z.record(z.string().regex(/^[A-Za-z0-9 _.-]{1,60}$/, 'letters, digits, spaces, _ . - only'), z.string().min(1)).optional(),
  /** an XYZ tile URL ("https://tile.example.org/{z}/{x}/{y}.png") to draw under the reports map; none by default */
  tile_url: z.string().optional(),
});
export type ConsoleSettings = z.infer<typeof ConsoleSettings>;

const HostPort = z
  .string()
  .regex(/^[^\s:]+:\d{1,5}$/, 'write it as host:port')
  .transform((node) => ({ host: node.slice(0, node.lastIndexOf(':')), port: Number(node.slice(node.lastIndexOf(':') + 1)) }));

/** Redis Cluster hashes a key by what lies between its first `{` and the next `}`, when that is not empty. */
function hasHashTag(prefix: string): boolean {
  const open = prefix.indexOf('{');
  return open >= 0 && prefix.indexOf('}', open + 1) > open + 1;
}

/**
 * Where Redis is: one server at `url`, a Sentinel-watched primary (`sentinels` + `name`), or a Redis Cluster (`cluster`).
 * With either of the last two, `url` still gives the credentials (and `rediss:` for TLS) every data node is reached with.
 */
export const RedisSettings = z
  .strictObject({
    url: z.string().default('redis://127.0.0.1:6379'),
    /** Sentinel: some of the sentinels, as host:port; they name the current primary of `name` */
    sentinels: z.array(HostPort).min(1).optional(),
    /** the primary's name the sentinels watch (`sentinel monitor <name> ...`) */
    name: z.string().min(1).optional(),
    /** Redis Cluster: some of its nodes, as host:port; the rest are discovered */
    cluster: z.array(HostPort).min(1).optional(),
    /**
     * Replicas that must hold a message before it is acknowledged (Redis WAIT), so a failover cannot lose it: 1 by
     * default with sentinels, else 0; not on Cluster
     */
    wait_for_replicas: z.number().int().min(0).optional(),
    /** BullMQ and key prefix; on Redis Cluster a hash tag such as "{intake}", so multi-key writes stay on one slot */
    prefix: z.string().default('intake'),
    retention_days: z.number().positive().default(90),
  })
  .superRefine((redis, problems) => {
    const problem = (path: string, message: string) => problems.addIssue({ code: 'custom', path: [path], message });
    if (redis.sentinels !== undefined && redis.name === undefined)
      problem('name', 'the primary name the sentinels watch is needed with sentinels');
    if (redis.name !== undefined && redis.sentinels === undefined) problem('sentinels', 'name is the primary of sentinels: list them too');
    if (redis.sentinels !== undefined && redis.cluster !== undefined) problem('cluster', 'use sentinels or cluster, not both');
    if (redis.cluster !== undefined && !hasHashTag(redis.prefix))
      problem('prefix', `on Redis Cluster the prefix needs a hash tag, such as "{${redis.prefix}}", so multi-key writes stay on one slot`);
    if (redis.cluster !== undefined && (redis.wait_for_replicas ?? 0) > 0)
      problem('wait_for_replicas', 'waiting for replicas is not supported on Redis Cluster');
  })
  .transform((redis) => ({ ...redis, wait_for_replicas: redis.wait_for_replicas ?? (redis.sentinels === undefined ? 0 : 1) }));
export type RedisSettings = z.infer<typeof RedisSettings>;

export const ConfigSchema = z
  .strictObject({
    jurisdiction: z.strictObject({
      id: z.string().min(1),
      name: z.string().min(1),
      /** the town's name in other languages it offers, e.g. `{ fr: Ville de Banff }`; `name` where one is missing */
      names: LanguageNames.optional(),
      country: z.string().length(2).toUpperCase().default('US'),
      timezone: z.string().default('UTC'),
      boundary: z.string().optional(),
      landmarks: z.array(Landmark).default([]),
      /** the languages citizens are answered in, the first being the default; each needs a message catalogue */
      languages: z
        .array(
          z
            .string()
            .transform(primaryLanguage)
            .refine((language) => CATALOGUE_LANGUAGES.includes(language), {
              message: `has no message catalogue (there are: ${CATALOGUE_LANGUAGES.join(', ')})`,
            }),
        )
        .min(1)
        .default(['en']),
    }),
    server: z
      .strictObject({
        port: Port.default(3000),
        host: z.string().default('0.0.0.0'),
        public_url: z.string().url().optional(),
        admin_token: z.string().min(1).optional(),
        body_limit: z.string().default('256kb'),
        trust_proxy: z.union([z.boolean(), z.number(), z.string()]).default(false),
        /** a request whose headers, or whole body, take longer is answered 408 and its connection closed (slow-body attacks) */
        headers_timeout_ms: z.number().int().positive().default(10_000),
        request_timeout_ms: z.number().int().positive().default(30_000),
        rate_limits: RateLimits.default(RATE_LIMIT_DEFAULTS),
        /** /metrics behind `Authorization: Bearer <token>`, or served on its own `port` (then not on the main one) */
        metrics: z.strictObject({ token: z.string().min(1).optional(), port: z.number().int().min(0).max(65535).optional() }).optional(),
      })
      .refine((server) => server.headers_timeout_ms <= server.request_timeout_ms, {
        message: 'headers_timeout_ms may not exceed request_timeout_ms',
        path: ['headers_timeout_ms'],
      })
      .default({
        port: 3000,
        host: '0.0.0.0',
        body_limit: '256kb',
        trust_proxy: false,
        headers_timeout_ms: 10_000,
        request_timeout_ms: 30_000,
        rate_limits: RATE_LIMIT_DEFAULTS,
      }),
    redis: RedisSettings.prefault({}),
    channels: ChannelsConfig,
    services: z.array(ServiceDefinition).min(1),
    classification: z
      .strictObject({
        /** the code for "not sure", which rules can route to triage; null leaves service_code empty */
        fallback_code: z.string().nullable().default(null),
        /**
         * the code of a question that names no service ("what are city hall hours?"): none by default, as it asks for
         * no work; a town that files such questions under its catch-all names it here
         */
        question_fallback_code: z.string().nullable().default(null),
        /**
         * below this confidence the fallback code is used. A confidence is the evidence's strength (1 - e^-evidence)
         * rooted, times the best service's share beside the second's, so two services tied at 0.5 each stay below
         * 0.5 however strong the evidence: at 0.45 such a tie is taken when the evidence is strong (1.7, about two
         * telling words), as a clerk would pick one of two fitting services rather than "not listed" ("pick up an
         * old sofa and a mattress" where one is a pickup's word and the other dumping's)
         */
        min_confidence: z.number().min(0).max(1).default(0.45),
      })
      .default({ fallback_code: null, question_fallback_code: null, min_confidence: 0.45 }),
    geocoding: z.strictObject({ providers: z.array(PluginOptions).default([]) }).default({ providers: [] }),
    media: MediaConfig.prefault({}),
    dedupe: z
      .strictObject({
        radius_m: z.number().positive().default(75),
        window_hours: z.number().positive().default(72),
        sender_window_minutes: z.number().nonnegative().default(10),
        text_similarity: z.number().min(0).max(1).default(0.2),
      })
      .default({ radius_m: 75, window_hours: 72, sender_window_minutes: 10, text_similarity: 0.2 }),
    conversations: z
      .strictObject({
        sms_window_minutes: z.number().positive().default(30),
        email_window_hours: z.number().positive().default(72),
        /** how long after a report a message from the same address may ask about it or add to it, instead of being a new report */
        follow_up_hours: z.number().positive().default(72),
        /** messages a day to an address typed into a form until it has written to us itself (no mail-bombing a stranger) */
        unconfirmed_daily_limit: z.number().int().min(0).default(3),
      })
      .default({ sms_window_minutes: 30, email_window_hours: 72, follow_up_hours: 72, unconfirmed_daily_limit: 3 }),
    delivery: z
      .strictObject({
        attempts: z.number().int().min(1).max(50).default(8),
        backoff_ms: z.number().int().min(1).default(2000),
        rate_limit: RateLimit.optional(),
      })
      .default({ attempts: 8, backoff_ms: 2000 }),
    /** a CRM's status words (any case, "_" or "-" for spaces) and what they mean, on top of the built-in ones */
    status_map: z.record(z.string().min(1).max(60), PublicStatus).default({}),
    console: ConsoleSettings.default({ users: [], session_hours: 12, index: { type: 'sqlite' } }),
    router: z.strictObject({
      destinations: z.record(z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only'), PluginOptions),
      rules: z.array(Rule).default([]),
      default: RuleAction.default({ deliver_to: [] }),
    }),
  })
  .superRefine((config, ctx) => {
    const names = new Set(Object.keys(config.router.destinations));
    const check = (targets: string[], path: (string | number)[]) =>
      targets.forEach((name, i) => {
        if (!names.has(name)) ctx.addIssue({ code: 'custom', path: [...path, i], message: `unknown destination "${name}"` });
      });
    config.router.rules.forEach((rule, i) => check(rule.then.deliver_to, ['router', 'rules', i, 'then', 'deliver_to']));
    check(config.router.default.deliver_to, ['router', 'default', 'deliver_to']);
    const codes = new Set<string>();
    config.services.forEach((service, i) => {
      if (codes.has(service.code))
        ctx.addIssue({ code: 'custom', path: ['services', i, 'code'], message: `duplicate service code "${service.code}"` });
      codes.add(service.code);
    });
    for (const key of ['fallback_code', 'question_fallback_code'] as const) {
      const fallback = config.classification[key];
      if (fallback !== null && !codes.has(fallback))
        ctx.addIssue({ code: 'custom', path: ['classification', key], message: `unknown service code "${fallback}"` });
    }
    config.router.rules.forEach((rule, i) => {
      if (rule.when.text_matches !== undefined) {
        try {
          new RegExp(rule.when.text_matches, 'i');
        } catch (error) {
          ctx.addIssue({ code: 'custom', path: ['router', 'rules', i, 'when', 'text_matches'], message: (error as Error).message });
        }
      }
    });
    try {
      new Intl.DateTimeFormat('en', { timeZone: config.jurisdiction.timezone });
    } catch {
      ctx.addIssue({ code: 'custom', path: ['jurisdiction', 'timezone'], message: `unknown time zone "${config.jurisdiction.timezone}"` });
    }
  });

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;
