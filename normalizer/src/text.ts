import { compile } from 'html-to-text';

const HTML_TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->/i;
// Control and invisible format characters (zero-width, bidi overrides) hide or reorder text in a CRM.
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

// Compiled once: building the converter costs more than most conversions.
const htmlToPlain = compile({
  wordwrap: false,
  selectors: [
    // A pasted map link is often only in the href, and the location is what we most need.
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true, noAnchorUrl: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
  ],
});

/** Plain, readable text: HTML rendered to text (script and style dropped), invisible characters removed, whitespace collapsed. */
export function cleanText(input: string | null | undefined): string {
  if (!input) return '';
  const plain = HTML_TAG.test(input) ? htmlToPlain(input) : input;
  return plain
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

const REPLY_PREFIX = /^(?:(?:re|fw|fwd|tr|rv|aw)\s*:\s*)+/i;

/** The citizen's words: the body, led by the subject when the subject says something the body does not. */
export function composeDescription(message: { text: string; html: string | null; subject: string | null }): string {
  const body = cleanText(message.text.trim() !== '' ? message.text : message.html);
  const subject = cleanText(message.subject).replace(REPLY_PREFIX, '').trim();
  if (subject === '' || body.toLowerCase().includes(subject.toLowerCase())) return body;
  return body === '' ? subject : `${subject}\n${body}`;
}
