import { settingsOf, type LoadedConfig } from '@intake/core';
import { AlgorithmTypes } from '@vonage/auth';
import { z } from 'zod';

/** The signing methods a Vonage account can be set to, by the names its dashboard shows. */
export const SIGNATURE_METHODS = {
  md5hash: AlgorithmTypes.md5hash,
  md5: AlgorithmTypes.md5hmac,
  sha1: AlgorithmTypes.sha1hmac,
  sha256: AlgorithmTypes.sha256hmac,
  sha512: AlgorithmTypes.sha512hmac,
} as const;

/** `channels.vonage`: the account's signature secret and method, which sign every inbound SMS webhook. */
export const VonageSettings = z.strictObject({
  /** the account's API key: signed webhooks carry it, and one for another account is refused */
  api_key: z.string().min(1),
  signature_secret: z.string().min(1),
  signature_method: z.enum(Object.keys(SIGNATURE_METHODS) as [keyof typeof SIGNATURE_METHODS]).default('sha256'),
  /** a signed webhook older (or further ahead) than this is refused, so a captured one cannot be replayed later */
  max_age_seconds: z.number().int().positive().default(300),
  /** the account's API secret, which sends the replies; without it texts are taken and none is answered */
  api_secret: z.string().min(1).optional(),
  /** Vonage's SMS API (a stand-in in tests, or an egress proxy) */
  api_url: z.url().default('https://rest.nexmo.com'),
});
export type VonageSettings = z.infer<typeof VonageSettings>;

export const VONAGE_KEY = 'vonage';

export const vonageSettings = (config: LoadedConfig): VonageSettings | undefined =>
  settingsOf(config, { key: VONAGE_KEY, settings: VonageSettings });
