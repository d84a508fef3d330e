import { cleanText, composeDescription, contentStems, normalizeEmail, normalizePhone, similarity } from '../src/index.js';

describe('cleanText', () => {
  it('renders HTML to plain text without script or style content', () => {
    const html =
      '<html><head><style>p { color: red }</style><script>alert("x")</script></head><body><p>Big <b>pothole</b> on Bear&nbsp;St</p><p>second&amp;last</p></body></html>';
    const text = cleanText(html);
    expect(text).toBe('Big pothole on Bear St\nsecond&last');
    expect(text).not.toMatch(/alert|color/);
  });

  it('removes control and invisible characters and collapses whitespace', () => {
    expect(cleanText('  big\u0000 \u200Bhole\t\t here \r\n\r\n\r\n next   line ')).toBe('big hole here\nnext line');
  });

  it('keeps a map link that only the href carried', () => {
    expect(cleanText('<a href="https://maps.google.com/?q=51.1784,-115.5708">here</a>')).toContain(
      'https://maps.google.com/?q=51.1784,-115.5708',
    );
  });

  it('decodes entities before stripping markup, so encoded markup never comes out live', () => {
    expect(cleanText('&lt;script&gt;alert(1)&lt;/script&gt;pothole at 211 Bear St')).toBe('pothole at 211 Bear St');
    expect(cleanText('<p>pothole</p> &lt;img src=x onerror=alert(1)&gt; on Bear St')).toBe('pothole\non Bear St');
    expect(cleanText('&amp;lt;b&amp;gt;Jane&amp;lt;/b&amp;gt;')).toBe('Jane');
    expect(cleanText('AT&amp;T box at Wolf &amp; Bear, 3 &lt; 5')).toBe('AT&T box at Wolf & Bear, 3 < 5');
    for (const encoded of [
      '&lt;script&gt;x&lt;/script&gt;',
      '<i>&lt;iframe src=evil&gt;</i>',
      '&#60;svg onload=alert(1)&#62;',
      '&amp;amp;lt;a href=x&amp;amp;gt;',
    ]) {
      expect(cleanText(encoded)).not.toMatch(/<[a-z]/i);
    }
  });

  it('keeps an ampersand that starts no entity', () => {
    expect(cleanText('Wolf & Bear, R&D building, &notanentity')).toBe('Wolf & Bear, R&D building, &notanentity');
  });

  it('does not mistake comparisons for tags', () => {
    expect(cleanText('hole is 3 < 5 and > 2 inches')).toBe('hole is 3 < 5 and > 2 inches');
  });
});

describe('composeDescription', () => {
  it('leads with a subject that adds something, without reply prefixes', () => {
    expect(composeDescription({ text: 'it is huge', html: null, subject: 'RE: Fwd: Pothole on Bear St' })).toBe(
      'Pothole on Bear St\nit is huge',
    );
  });
  it('drops a subject the body already says, and uses HTML when there is no text', () => {
    expect(composeDescription({ text: '', html: '<p>Pothole on Bear St, it is huge</p>', subject: 'pothole on bear st' })).toBe(
      'Pothole on Bear St, it is huge',
    );
  });
});

describe('normalizePhone', () => {
  it.each(['403 555 0123', '(403) 555-0123', '+1 403-555-0123', '1-403-555-0123', 'whatsapp:+14035550123'])(
    '%s -> +14035550123 in CA',
    (raw) => {
      expect(normalizePhone(raw, 'CA')).toBe('+14035550123');
    },
  );
  it('keeps a foreign number in E.164 and turns invalid input into null', () => {
    expect(normalizePhone('+33 6 12 34 56 78', 'CA')).toBe('+33612345678');
    for (const bad of ['12', 'abc', '555-0123', '', null, '+1 999 555 0123']) expect(normalizePhone(bad, 'CA')).toBeNull();
  });
  it('uses the configured country for national numbers', () => {
    expect(normalizePhone('06 12 34 56 78', 'FR')).toBe('+33612345678');
  });
});

describe('normalizeEmail', () => {
  it('lower-cases, accepts "Name <addr>" and rejects non-addresses', () => {
    expect(normalizeEmail(' Jane.Doe@Example.ORG ')).toBe('jane.doe@example.org');
    expect(normalizeEmail('Jane Doe <Jane@Example.org>')).toBe('jane@example.org');
    expect(normalizeEmail('not an email')).toBeNull();
    expect(normalizeEmail(null)).toBeNull();
  });
});

describe('similarity of two reports', () => {
  it('compares content stems, counts a word inside a compound, and ignores greetings past the first words', () => {
    expect(contentStems('The potholes are getting bigger')).toEqual(['pothol', 'get', 'bigger']);
    expect(similarity(contentStems('light out beside the house'), contentStems('Streetlight not working, dark at night'))).toBeGreaterThan(
      0,
    );
    const short = contentStems('stop sign knocked down');
    const long = contentStems('Hello, the stop sign has been knocked down again. Thanks a lot, Wendy Campbell, Banff resident');
    expect(similarity(short, long)).toBe(1);
    expect(similarity(contentStems('graffiti on the wall'), contentStems('dead deer on the road'))).toBe(0);
    expect(similarity([], long)).toBe(0);
  });
});
