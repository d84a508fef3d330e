import { broaderWords, describesState, englishUses } from '../src/english.js';

describe('general English, from WordNet', () => {
  it('knows how often everyday prose uses a word, in any of its forms', () => {
    expect(englishUses('people')).toBeGreaterThan(100);
    expect(englishUses('walking')).toBe(englishUses('walk'));
    expect(englishUses('needs')).toBe(englishUses('need'));
    expect(englishUses('guardrail')).toBeLessThan(5);
  });

  it('knows no slip or made-up word', () => {
    expect(englishUses('sidwalk')).toBeNull();
    expect(englishUses('garbadge')).toBeNull();
    expect(englishUses('zzzz')).toBeNull();
    expect(englishUses('aardvark')).not.toBeNull();
    expect(englishUses('zymurgy')).not.toBeNull();
  });

  it('knows the words said mostly of how a thing is rather than as a thing', () => {
    for (const word of ['icy', 'dead', 'loose', 'slippery']) expect(describesState(word)).toBe(true);
    for (const word of ['bear', 'parking', 'snow', 'water', 'sidwalk']) expect(describesState(word)).toBe(false);
  });

  it('knows what a noun is a kind of, nearest first, in its commonest sense and any of its forms', () => {
    expect(broaderWords('recliner', 1)).toEqual(['armchair']);
    expect(broaderWords('recliners', 1)).toEqual(['armchair']);
    expect(broaderWords('recliner', 2)).toEqual(['armchair', 'chair']);
    expect(broaderWords('footbridge', 1)).toContain('bridge');
    expect(broaderWords('sidwalk', 1)).toEqual([]);
  });
});
