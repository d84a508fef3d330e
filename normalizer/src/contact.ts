import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** E.164 ("+14035550123") for a number valid in the given default country, or null: a bad number must not stop a report. */
export function normalizePhone(raw: string | null | undefined, country: string): string | null {
  if (!raw) return null;
  try {
    const parsed = parsePhoneNumberFromString(raw, country as CountryCode);
    return parsed?.isValid() ? parsed.number : null;
  } catch {
    return null;
  }
}

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

/** Lower-cased address, or null when it is not one; accepts "Name <addr>" as mail clients write it. */
export function normalizeEmail(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const bracketed = /<([^<>]+)>/.exec(raw);
  const email = (bracketed?.[1] ?? raw).trim().toLowerCase();
  return EMAIL.test(email) ? email : null;
}

/** Valid phone numbers written in a text (an email signature), in E.164. */
export function phonesIn(text: string, country: string): string[] {
  try {
    return findPhoneNumbersInText(text, country as CountryCode)
      .filter(({ number }) => number.isValid())
      .map(({ number }) => number.number);
  } catch {
    return [];
  }
}
