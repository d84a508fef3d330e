import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@intake/core';
import { buildClassifier, buildVocabulary, extractAddresses, type Extracted } from '../src/index.js';
import { conceptsOf } from '../src/lexicon.js';
import { placeWordsOf } from '../src/extract/index.js';
import { BOOK, readWords, WORDS_DIR } from '../src/words.js';
import { DEMO_CONFIG } from './helpers.js';

/** A made-up language ("qaa" is ISO 639's code for local use): its file, and nothing else, teaches the normalizer. */
const MADE_UP = path.join(__dirname, 'fixtures', 'words-qaa', 'qaa.json');
const STREETS = ['Bear Street', 'Wolf Street', 'Elk Street North'];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'intake-words-'));
  cpSync(WORDS_DIR, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const summary = (found: Extracted | undefined) => {
  if (found?.kind !== 'query') return found?.kind ?? null;
  const { kind, number, street, cross_street } = found.query;
  return kind === 'intersection' ? `${street} & ${cross_street}` : `${kind} ${number ?? ''} ${street}`.replace(/\s+/g, ' ');
};

describe('the words folder', () => {
  it('holds every built-in language and its street types, directions, crossing words, numbers and lexicon', () => {
    expect(BOOK.languages).toEqual(['en', 'fr', 'es']);
    for (const language of BOOK.languages) {
      const words = BOOK.byLanguage[language]!;
      expect(Object.keys(words.streets.types).length).toBeGreaterThan(5);
      expect(Object.keys(words.streets.directions).length).toBeGreaterThan(3);
      expect(words.crossings.corner_words.length).toBeGreaterThan(1);
      expect(Object.keys(words.numbers.units).length).toBeGreaterThan(8);
      expect(Object.keys(words.services).length).toBeGreaterThan(15);
    }
    expect(readdirSync(WORDS_DIR).filter((file) => file.endsWith('.json'))).toEqual(['concepts.json', 'en.json', 'es.json', 'fr.json']);
  });

  it('takes a new language by its file: places, crossings and numbers in it are read, as before without it nothing', () => {
    const texts = ['truo ce strado Bear 211', 'angulo de Bear kaj Wolf', 'du unu unu strado Bear', 'sdo Elk nordo'];
    const before = buildVocabulary(STREETS, [], [], placeWordsOf(readWords(dir)));
    expect(texts.map((text) => summary(extractAddresses(text, before)[0]))).toEqual([null, null, null, null]);

    cpSync(MADE_UP, path.join(dir, 'qaa.json'));
    const book = readWords(dir);
    expect(book.languages).toEqual(['en', 'fr', 'es', 'qaa']);
    const vocabulary = buildVocabulary(STREETS, [], [], placeWordsOf(book));
    expect(texts.map((text) => summary(extractAddresses(text, vocabulary)[0]))).toEqual([
      'address 211 Bear Street',
      'Bear Street & Wolf Street',
      'address 211 Bear Street',
      'street Elk Street North',
    ]);
  });

  it('classifies by a new language’s service words, tied to the town’s catalogue like any other', () => {
    const { services } = loadConfig({ file: DEMO_CONFIG, env: {} });
    cpSync(MADE_UP, path.join(dir, 'qaa.json'));
    const classifier = buildClassifier(services, null, conceptsOf(readWords(dir)));
    expect(classifier.classify('granda truo').code).toBe('POTHOLE');
    expect(classifier.classify('lanterno malluma').code).toBe('STREETLIGHT');
    expect(buildClassifier(services).classify('granda truo').code).toBeNull();
  });

  it('refuses a file that names an unknown concept or street type, or a misspelt key, saying where', () => {
    writeFileSync(path.join(dir, 'qaa.json'), JSON.stringify({ services: { pothoel: { terms: ['truo'] } } }));
    expect(() => readWords(dir)).toThrow(/qaa\.json: services\.pothoel: not a concept of concepts\.json/);
    writeFileSync(path.join(dir, 'qaa.json'), JSON.stringify({ streets: { written_first: ['strado'] } }));
    expect(() => readWords(dir)).toThrow(/qaa\.json: streets: "strado" is no language's street type/);
    writeFileSync(path.join(dir, 'qaa.json'), JSON.stringify({ street: {} }));
    expect(() => readWords(dir)).toThrow(/qaa\.json: .*street/);
  });
});
