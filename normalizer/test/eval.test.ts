import { placeKey, splitOf } from '../src/eval/index.js';

describe('the evaluation runner', () => {
  it('splits the corpus by a hash of the id, about half each, and keeps a dedupe group in one half', () => {
    const entries = Array.from({ length: 1000 }, (_, i) => ({ id: `sms-${String(i).padStart(4, '0')}`, dedupe_group: null }));
    const dev = entries.filter((entry) => splitOf(entry) === 'dev').length;
    expect(dev).toBeGreaterThan(450);
    expect(dev).toBeLessThan(550);
    expect(entries.map(splitOf)).toEqual(entries.map(splitOf)); // the same every run
    const group = ['sms-0001', 'email-0002', 'web-0003'].map((id) => splitOf({ id, dedupe_group: 'dg-007' }));
    expect(new Set(group).size).toBe(1);
  });

  it('compares places the way the corpus labels them', () => {
    expect(placeKey('211 Bear Street, Unit 3')).toBe(placeKey('211 Bear St'));
    expect(placeKey('Wolf Street & Bear Street')).toBe(placeKey('Bear Street & Wolf Street'));
    expect(placeKey('300 block of Banff Avenue')).toBe(placeKey('Banff Avenue')); // a block is labelled as its street
    expect(placeKey('211 Bear Street')).not.toBe(placeKey('213 Bear Street'));
    expect(placeKey('Rue du Couvent & Rue Saint-Jean-Baptiste')).toBe(placeKey('Rue Saint-Jean-Baptiste & Rue du Couvent')); // "apt" inside a name is no unit
    expect(placeKey('12 Main St apt 3')).toBe(placeKey('12 Main Street'));
  });
});
