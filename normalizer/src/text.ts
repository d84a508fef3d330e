import { DecodingMode, decodeHTML } from 'entities';
import { compile } from 'html-to-text';

const HTML_TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->/i;
const HTML_TAGS = new RegExp(HTML_TAG.source, 'gi');
/** `&amp;lt;` is markup twice over; past this many layers what is left of it is removed, not rendered */
const MAX_DECODING_PASSES = 4;
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

/**
 * Entities are decoded before markup is stripped, never after, until neither is left: `&lt;script&gt;` becomes
 * markup that is removed, not live markup in the description (html-to-text decodes the text it renders).
 */
function withoutMarkup(input: string): string {
  let text = input;
  for (let pass = 0; pass < MAX_DECODING_PASSES; pass++) {
    const decoded = decodeHTML(text, DecodingMode.Strict);
    if (HTML_TAG.test(decoded)) text = htmlToPlain(decoded);
    else if (decoded === text) return text;
    else text = decoded;
  }
  return text.replace(HTML_TAGS, ' ');
}

/** Plain, readable text: HTML rendered to text (script and style dropped), invisible characters removed, whitespace collapsed. */
export function cleanText(input: string | null | undefined): string {
  if (!input) return '';
  return withoutMarkup(input)
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
