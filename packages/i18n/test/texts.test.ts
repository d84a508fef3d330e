import { CATALOGUE_LANGUAGES, Texts } from '../src/index.js';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') found.set(`${prefix}${key}`, value);
    else for (const [inner, text] of leaves(value, `${prefix}${key}.`)) found.set(inner, text);
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

// eslint-disable-next-line @typescript-eslint/no-require-imports
const catalogue = (language: string) => leaves(require(`../locales/${language}.json`) as Tree);

describe('message catalogues', () => {
  const english = catalogue('en');

  it('offers English, French and Spanish', () => {
    expect(CATALOGUE_LANGUAGES).toEqual(expect.arrayContaining(['en', 'es', 'fr']));
  });

  it.each(CATALOGUE_LANGUAGES.filter((language) => language !== 'en'))(
    '%s has every English text, with the same placeholders',
    (language) => {
      const translated = catalogue(language);
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of english) {
        expect({ key, placeholders: placeholders(translated.get(key)!) }).toEqual({ key, placeholders: placeholders(text) });
        if (key !== 'language_name' && text.length > 20) expect({ key, text: translated.get(key) }).not.toEqual({ key, text });
      }
    },
  );

  it('has no placeholder left unbalanced', () => {
    for (const language of CATALOGUE_LANGUAGES) {
      for (const [key, text] of catalogue(language))
        expect({ key, rest: text.replace(/\{\{\w+\}\}/g, '').match(/[{}]/g) }).toEqual({ key, rest: null });
    }
  });
});

describe('Texts', () => {
  const texts = new Texts({
    languages: ['en', 'fr'],
    town: 'Town of Example',
    detect: (text) => (/\b(le|la|devant)\b/.test(text) ? 'fr' : 'es'),
  });

  it('fills in the town and the values, in the language asked for', () => {
    expect(texts.t('fr', 'reply.acknowledgement', { reference: 'K7Q2MX' })).toBe(
      'Town of Example : nous avons bien reçu votre signalement K7Q2MX. Merci.',
    );
    expect(texts.t('en', 'reply.acknowledgement', { reference: 'K7Q2MX' })).toBe(
      'Town of Example: we received your report K7Q2MX. Thank you.',
    );
  });

  it('answers in the default language when the citizen’s is not offered', () => {
    expect(texts.pick('es')).toBe('en');
    expect(texts.pick('fr-CA')).toBe('fr');
    expect(texts.pick(null)).toBe('en');
    expect(texts.forText('nid-de-poule devant le 211 Bear')).toBe('fr');
    expect(texts.forText('un bache enorme')).toBe('en');
  });

  it('detects no language in a town that offers one', () => {
    const english = new Texts({
      languages: ['en'],
      town: 'Town of Example',
      detect: () => {
        throw new Error('nothing to detect');
      },
    });
    expect(english.forText('nid-de-poule devant le 211 Bear')).toBe('en');
  });

  it('leaves markup-like values as they are (pages escape them, SMS must not show entities)', () => {
    expect(texts.t('en', 'reply.follow', { link: 'https://x.example/?a=1&b="2"' })).toContain('a=1&b="2"');
  });

  it('finds a text kept only in plural forms by its count, and refuses it without one', () => {
    expect(texts.t('en', 'form.photos_kept', { count: 1 })).toBe('Your photo is kept with this report:');
    expect(texts.t('en', 'form.photos_kept', { count: 3 })).toBe('Your 3 photos are kept with this report:');
    expect(() => texts.t('en', 'form.photos_kept')).toThrow('no text "form.photos_kept"');
  });

  it('refuses an unknown key and a language without a catalogue', () => {
    expect(() => texts.t('en', 'reply.nothing')).toThrow('no text "reply.nothing"');
    expect(() => new Texts({ languages: ['en', 'xx'], town: 'T' })).toThrow('no message catalogue for xx');
  });

  it('gives a page script its templates and the picker its languages', () => {
    expect(texts.templates('fr', 'form_script').sending).toBe('Envoi de votre signalement…');
    expect(texts.choices()).toEqual([
      { language: 'en', name: 'English' },
      { language: 'fr', name: 'Français' },
    ]);
  });
});
