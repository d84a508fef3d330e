import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type Resource } from 'i18next';

/** The catalogues are data, one JSON file per language; a town's translator adds a file, not code. */
export const LOCALES_DIR = path.join(__dirname, '..', 'locales');

type Catalogue = Record<string, unknown>;

function readCatalogues(): Record<string, Catalogue> {
  const files = readdirSync(LOCALES_DIR).filter((file) => file.endsWith('.json'));
  return Object.fromEntries(
    files.map((file) => [path.basename(file, '.json'), JSON.parse(readFileSync(path.join(LOCALES_DIR, file), 'utf8')) as Catalogue]),
  );
}

const CATALOGUES = readCatalogues();

/** Languages that have a catalogue, e.g. `en`, `fr`, `es`. */
export const CATALOGUE_LANGUAGES: readonly string[] = Object.keys(CATALOGUES).sort();

/** "fr-CA", "FR" and "fr" all mean the catalogue `fr`. */
export const primaryLanguage = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

export interface TextsOptions {
  /** the languages the town offers, the first being the default (`jurisdiction.languages`) */
  languages: readonly string[];
  /** the town's name, which every text may use as `{{town}}` */
  town: string;
  /** the town's name in other languages, where it differs (`Ville de Banff`) */
  townNames?: Readonly<Record<string, string>>;
  /** the language a citizen's words are in (the normalizer's detector); without one, the default language */
  detect?: (text: string) => string;
}

export type TextValues = Record<string, string | number>;

/** What i18next gives back for a key no catalogue has: no text holds a NUL. */
const NOT_IN_CATALOGUE = '\u0000not in the catalogue';

/** Every text a citizen sees, in the languages the town offers. */
export class Texts {
  readonly languages: readonly string[];
  readonly defaultLanguage: string;
  private readonly i18n: i18n;

  constructor(private readonly options: TextsOptions) {
    const offered = [...new Set(options.languages.map(primaryLanguage))];
    const missing = offered.filter((language) => CATALOGUES[language] === undefined);
    if (offered.length === 0 || missing.length > 0) throw new Error(`no message catalogue for ${missing.join(', ') || 'any language'}`);
    this.languages = offered;
    this.defaultLanguage = offered[0]!;
    const resources: Resource = Object.fromEntries(offered.map((language) => [language, { translation: CATALOGUES[language]! }]));
    this.i18n = i18next.createInstance();
    void this.i18n.init({
      resources,
      lng: this.defaultLanguage,
      fallbackLng: this.defaultLanguage,
      supportedLngs: offered,
      initAsync: false,
      // texts go into SMS, mail and TwiML as they are; pages escape them where they are put into markup
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }

  /** The offered language closest to a hint (a detected language, a form's choice); the default otherwise. */
  pick(hint: string | null | undefined): string {
    const language = hint === null || hint === undefined ? '' : primaryLanguage(hint);
    return this.languages.includes(language) ? language : this.defaultLanguage;
  }

  /** The offered language a citizen wrote in; a town that offers one language detects nothing. */
  forText(text: string): string {
    const detect = this.languages.length > 1 && text.trim() !== '' ? this.options.detect : undefined;
    return this.pick(detect?.(text));
  }

  /** The town's name as a citizen reading `language` sees it. */
  town(language: string): string {
    return this.options.townNames?.[this.pick(language)] ?? this.options.town;
  }

  /** One text, e.g. `t('fr', 'reply.acknowledgement', { reference })`; an unknown key is a programming error. */
  t(language: string, key: string, values: TextValues = {}): string {
    const lng = this.pick(language);
    // looked up once, not asked whether it exists first (a lookup each, a few percent of the SMS route); with the
    // values, so that a text kept only in plural forms (`_one`, `_other`) is found by its count
    const text = this.i18n.t(key, { lng, town: this.town(lng), ...values, defaultValue: NOT_IN_CATALOGUE });
    if (text === NOT_IN_CATALOGUE) throw new Error(`no text "${key}" in the message catalogue`);
    return text;
  }

  /** A group of texts still holding their `{{placeholders}}`, for a page's script to fill in. */
  templates(language: string, group: string): Record<string, string> {
    const found = this.i18n.getResource(this.pick(language), 'translation', group) as unknown;
    if (found === null || typeof found !== 'object') throw new Error(`no text group "${group}" in the message catalogue`);
    return found as Record<string, string>;
  }

  /** Each offered language with its own name for itself, for a language picker. */
  choices(): { language: string; name: string }[] {
    return this.languages.map((language) => ({ language, name: this.t(language, 'language_name') }));
  }
}
