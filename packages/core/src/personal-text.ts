const EMAIL_IN_TEXT = /[\w.%+-]+@[\w-]+(?:\.[\w-]+)+/g;
// a run of digits with the separators numbers are written with, not inside a longer token (an id, a hex digest)
const PHONE_IN_TEXT = /(?<![\w+-])\+?\(?\d[\d ().-]{6,}\d(?![\w-])/g;

/** Long enough to reach someone: ten digits, or eight after a country code. A date, a count or a house number stays. */
function looksLikePhone(found: string): boolean {
  const digits = found.replace(/\D/g, '').length;
  return digits >= 10 || (found.startsWith('+') && digits >= 8);
}

/** Replaces every email address and phone number written anywhere in a text (an error message, a description). */
export function replacePersonalText(text: string, replace: { email(found: string): string; phone(found: string): string }): string {
  return text
    .replace(EMAIL_IN_TEXT, (found) => replace.email(found))
    .replace(PHONE_IN_TEXT, (found) => (looksLikePhone(found) ? replace.phone(found) : found));
}
