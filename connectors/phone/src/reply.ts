import type { LoadedConfig, ReplyAddress } from '@intake/core';
import { smsSettings } from '@intake/connector-sms';

/** Phone reporters are answered by SMS, when the town has an SMS number to answer from. */
export function smsReplyTo(config: LoadedConfig, phone: string | null, calledNumber: string | null = null): ReplyAddress | null {
  const sms = smsSettings(config);
  if (sms === undefined || phone === null) return null;
  return { channel: 'sms', to: phone, from: sms.from ?? calledNumber, thread: [], subject: null };
}
