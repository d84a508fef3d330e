import type { ChannelRegistry, InboundMessage, ReplyAddress } from '@intake/core';
import { normalizePhone, phonesIn } from '../contact.js';
import type { Zone } from '../zones.js';

/** Where to answer: phone numbers in E.164, so the answer's sender and opt-outs match them. */
export function replyAddress(
  channels: ChannelRegistry,
  message: InboundMessage,
  phone: string | null,
  country: string,
): ReplyAddress | null {
  const to = message.reply_to;
  if (to === null || !channels.traits(to.channel).repliesByPhone) return to;
  const e164 = to.to === message.sender.phone && phone !== null ? phone : normalizePhone(to.to, country);
  return { ...to, to: e164 ?? to.to };
}

/** Who sent it, for "the same person again": the person behind its contacts. */
export const senderKey = (person: string | null) => (person === null ? null : `person:${person}`);

/** The ways to reach the sender this message shows: phone, email, a phone in an email's signature, a Slack handle. */
export function contactsOf(
  channels: ChannelRegistry,
  message: InboundMessage,
  contact: { phone: string | null; email: string | null },
  signed: { description: string; zones: readonly Zone[] },
  country: string,
): string[] {
  const signedPhones = signed.zones
    .filter((zone) => zone.kind === 'signature')
    .flatMap((zone) => phonesIn(signed.description.slice(zone.start, zone.end), country));
  const phones = [...(contact.phone ? [contact.phone] : []), ...signedPhones].map((number) => `phone:${number}`);
  // on calls the handle is the clerk who took them, not the person reporting
  const handle =
    message.sender.handle && !channels.traits(message.channel).handledByClerk ? [`${message.channel}:${message.sender.handle}`] : [];
  return [...phones, ...(contact.email ? [`email:${contact.email}`] : []), ...handle];
}
