import { settingsOf, type ChannelTraits, type LoadedConfig } from '@intake/core';
import { z } from 'zod';

/** `channels.sms` in intake.yaml: the Twilio account that signs the webhooks and sends the replies. */
export const SmsSettings = z.strictObject({
  auth_token: z.string().min(1),
  account_sid: z.string().optional(),
  from: z.string().optional(),
  /** Twilio's REST API base; only changed to reach a stand-in (tests) or a proxy */
  api_url: z.string().url().default('https://api.twilio.com'),
});
export type SmsSettings = z.infer<typeof SmsSettings>;

export const SMS_KEY = 'sms';

/** The TwiML answer acknowledges; the citizen's next text from the same number answers our question. */
export const TEXTING_TRAITS: Partial<ChannelTraits> = { acknowledgesInAnswer: true, followUpBySender: true, repliesByPhone: true };

/** `channels.sms`, or undefined when SMS is off. */
export const smsSettings = (config: LoadedConfig): SmsSettings | undefined => settingsOf(config, { key: SMS_KEY, settings: SmsSettings });
