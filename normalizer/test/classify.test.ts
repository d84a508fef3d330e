import { loadConfig } from '@intake/core';
import { buildClassifier, classify } from '../src/index.js';
import { DEMO_CONFIG } from './helpers.js';

const { services } = loadConfig({ file: DEMO_CONFIG, env: {} });
const classifier = buildClassifier(services);

describe('classify against the catalogue keywords', () => {
  it.each([
    ['big pothole, almost lost a tire', 'POTHOLE'],
    ['potholes everywhere', 'POTHOLE'],
    ['there is a huge pot hole here', 'POTHOLE'],
    ['the street lights are out', 'STREETLIGHT'],
    ['garbage not collected', 'GARBAGE'],
    ['branches down after the storm', 'TREE'],
    ['loud music party next door', 'NOISE'],
    ['my basement is flooded', 'SEWER'],
    ['the hydrant is leaking', 'WATER'],
  ])('English: %s -> %s', (text, code) => {
    expect(classifier.classify(text)).toMatchObject({ code, language: 'en' });
  });

  it.each([
    ['il y a un nid-de-poule énorme', 'POTHOLE'],
    ['le lampadaire est brisé', 'STREETLIGHT'],
    ['les arbres sont tombés', 'TREE'],
    ['DÉNEIGEMENT pas fait', 'SNOW'],
  ])('French, accents or not: %s -> %s', (text, code) => {
    expect(classifier.classify(text)).toMatchObject({ code, language: 'fr' });
  });

  it.each([
    ['hay un bache enorme en la calle', 'POTHOLE'],
    ['la farola no funciona', 'STREETLIGHT'],
    ['un arbol caído bloquea el paso', 'TREE'],
    ['basura no recogida', 'GARBAGE'],
  ])('Spanish: %s -> %s', (text, code) => {
    expect(classifier.classify(text)).toMatchObject({ code, language: 'es' });
  });

  it('forgives a typo in a long keyword, a little less surely', () => {
    const typo = classifier.classify('there is a potholle');
    expect(typo.code).toBe('POTHOLE');
    expect(typo.confidence).toBeLessThan(classifier.classify('there is a pothole').confidence);
  });

  it('is sure of one clear keyword, surer of several, and unsure of a tie', () => {
    const one = classifier.classify('graffiti on the wall');
    const two = classifier.classify('graffiti and spray paint on the wall');
    const tie = classifier.classify('a bear in the garbage');
    expect(one.confidence).toBeGreaterThanOrEqual(0.5);
    expect(two.confidence).toBeGreaterThan(one.confidence);
    expect(tie.confidence).toBeLessThan(0.5);
  });

  it('does not read an English stopword as a French keyword ("our" is not "ours")', () => {
    expect(classifier.classify('our recycling was missed').code).toBe('GARBAGE');
  });

  it('returns no code and no confidence when nothing matches', () => {
    expect(classify('something weird happened', services)).toMatchObject({ code: null, confidence: 0 });
  });
});
