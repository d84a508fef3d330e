import { isTypoOf } from '../src/fuzzy.js';
import { SlipIndex } from '../src/slips.js';

/** Names of every length from 3 to 14 letters, close to one another as a big city's are, and slips of each kind. */
const LETTERS = 'abelnorstéi';
let seed = 7;
const random = (n: number) => {
  seed = (seed * 48271) % 2147483647;
  return seed % n;
};
const someName = () => Array.from({ length: 3 + random(12) }, () => LETTERS[random(LETTERS.length)]).join('');
const slip = (name: string) => {
  const at = 1 + random(name.length - 1);
  const letter = LETTERS[random(LETTERS.length)]!;
  switch (random(4)) {
    case 0:
      return name.slice(0, at) + letter + name.slice(at); // a letter too many
    case 1:
      return name.slice(0, at) + name.slice(at + 1); // a letter left out
    case 2:
      return name.slice(0, at) + letter + name.slice(at + 1); // a wrong letter
    default:
      return name.slice(0, at - 1) + name[at] + name[at - 1] + name.slice(at + 1); // two letters swapped
  }
};

describe('the index of street names for spelling slips', () => {
  const names = [...new Set(Array.from({ length: 3000 }, someName))];
  const index = new SlipIndex();
  names.forEach((name) => index.add(name));

  it('finds exactly the names a comparison with every one of them finds, in the same order', () => {
    const typed = Array.from({ length: 1500 }, () => {
      const name = names[random(names.length)]!;
      return random(3) === 0 ? slip(slip(name)) : slip(name);
    });
    let found = 0;
    for (const text of [...typed, 'xyz', 'sale', '']) {
      const expected = names.filter((name) => name.length >= 4 && isTypoOf(text, name));
      const slips = index.slipsOf(text);
      expect({ text, slips }).toEqual({ text, slips: expected });
      found += slips.length;
    }
    expect(found).toBeGreaterThan(1000);
  });
});
