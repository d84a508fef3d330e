import { publicDescription } from '../src/public-text.js';

const nobody = { name: null, phone: null, email: null };

describe('publicDescription', () => {
  it.each([
    ['a "-- " delimiter', 'pothole at 5 Elm St\n-- \nJ. Smith, 555 0100'],
    ['a French sign-off', 'nid-de-poule au 5 rue Elm\nCordialement,\nJean Dupont'],
    ['a Spanish sign-off', 'bache en 5 calle Elm\nSaludos cordiales\nJuan Pérez'],
    ['a phone signature', 'pothole at 5 Elm St\nSent from my iPhone'],
  ])('cuts the signature at %s', (_what, description) => {
    expect(publicDescription({ description, reporter: nobody })).toMatch(
      /^(pothole at 5 Elm St|nid-de-poule au 5 rue Elm|bache en 5 calle Elm)$/,
    );
  });

  it('keeps a first line that only looks like a sign-off, and house numbers, dates and counts', () => {
    expect(
      publicDescription({ description: 'Thanks for fixing the light at 211 Bear St on 2026-11-22, 3 bulbs still out', reporter: nobody }),
    ).toBe('Thanks for fixing the light at 211 Bear St on 2026-11-22, 3 bulbs still out');
  });

  it('removes numbers and addresses in any common form', () => {
    const description = 'call 403.555.0123, +44 20 7946 0958 or 1-800-555-0199; mail a.b+c@mail.example.co.uk';
    expect(publicDescription({ description, reporter: nobody })).toBe('call [removed], [removed] or [removed]; mail [removed]');
  });
});
