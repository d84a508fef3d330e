import { randomBytes } from 'node:crypto';

/** "Town of Banff <311@banff.ca>" or "311@banff.ca" -> "311@banff.ca" */
export function addressOf(mailbox: string): string {
  return (/<([^<>]+)>/.exec(mailbox)?.[1] ?? mailbox).trim().toLowerCase();
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/** Every `<id>` in a Message-ID, In-Reply-To or References value, in order. */
export function messageIds(value: string | string[] | undefined | null): string[] {
  const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
  return text.match(/<[^<>\s]+>/g) ?? [];
}

/** Our own Message-IDs carry the request id, so a citizen's reply finds its request with no lookup. */
export function newMessageId(requestId: string, domain: string): string {
  return `<intake.${requestId}.${randomBytes(6).toString('hex')}@${domain}>`;
}

const OURS = /^<intake\.([0-9A-HJKMNP-TV-Z]{26})\.[0-9a-f]+@([^<>@\s]+)>$/i;

/** The request id in the most recent of our Message-IDs among `ids` (oldest first), if any. */
export function requestIdIn(ids: string[], domain: string): string | null {
  for (const id of [...ids].reverse()) {
    const match = OURS.exec(id);
    if (match !== null && match[2]!.toLowerCase() === domain) return match[1]!.toUpperCase();
  }
  return null;
}
