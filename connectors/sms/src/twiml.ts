const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** What XML 1.0 cannot hold: controls but tab and line ends, unpaired surrogates, U+FFFE and U+FFFF. */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const NOT_XML = /[\0-\x08\x0B\f\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/** A text node as xmlbuilder (under twilio's TwiML) escapes it. */
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');

/**
 * The TwiML answer to a message: a `<Message>` with the text, or an empty `<Response/>` (silence). The same bytes
 * as twilio's MessagingResponse (tested against it), which built an xmlbuilder document for these two elements at
 * about 45 us an answer, a tenth of the SMS route's CPU; a character XML cannot hold is refused as it refused it.
 */
export function messagingTwiml(text: string | null): string {
  if (text === null) return `${DECLARATION}<Response/>`;
  if (NOT_XML.test(text)) throw new Error('the answer holds a character XML cannot hold');
  if (text === '') return `${DECLARATION}<Response><Message/></Response>`;
  return `${DECLARATION}<Response><Message>${escapeText(text)}</Message></Response>`;
}
