import { replacePersonalText, type ServiceRequest } from '@intake/core';
import signOffs from './sign-offs.json';

const REMOVED = '[removed]';
const SIGNATURE_DELIMITER = /^\s*(?:--|__+)\s*$/;
const SIGN_OFFS = Object.entries(signOffs).flatMap(([language, lines]) => (language.startsWith('_') ? [] : (lines as string[])));
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// a line that is a sign-off and perhaps a name after it ("Thanks, Jane"), or starts with one ("Sent from my phone")
const SIGN_OFF_LINE = new RegExp(`^\\s*(?:${SIGN_OFFS.map(escapeRegExp).join('|')})\\b[\\s,.!:;-]*(?:\\S+(?:\\s+\\S+){0,3})?\\s*$`, 'iu');

/** The description up to its signature: the delimiter line, or a sign-off line after the first line. */
function withoutSignature(description: string): string {
  const lines = description.split('\n');
  const end = lines.findIndex((line, index) => SIGNATURE_DELIMITER.test(line) || (index > 0 && SIGN_OFF_LINE.test(line)));
  return (end === -1 ? lines : lines.slice(0, end)).join('\n').trim();
}

/**
 * The citizen's words as a public listing may show them (as FixMyStreet hides personal details): no signature,
 * no phone number or email address, not the reporter's name.
 */
export function publicDescription(record: Pick<ServiceRequest, 'description' | 'reporter'>): string {
  let text = replacePersonalText(withoutSignature(record.description), { email: () => REMOVED, phone: () => REMOVED });
  const name = record.reporter.name?.trim();
  if (name !== undefined && name.length >= 3) text = text.replace(new RegExp(escapeRegExp(name), 'giu'), REMOVED);
  return text;
}
