import { escapeMarkup, plainText } from '../src/index.js';

describe('Slack markup', () => {
  it('reads as a person wrote it', () => {
    expect(
      plainText(
        '<@U0BOT> <!here> pothole at <https://www.google.com/maps?q=51.17,-115.57> &amp; ask <mailto:jo@x.example|jo@x.example> or <!subteam^S1|@roads>',
        'U0BOT',
      ),
    ).toBe('pothole at https://www.google.com/maps?q=51.17,-115.57 & ask jo@x.example or @roads');
    expect(plainText('&lt;b&gt;not html&lt;/b&gt; <@U0OTHER|kim>')).toBe('<b>not html</b> @kim');
  });

  it('escapes what we relay, so a CRM note cannot ping a channel', () => {
    expect(escapeMarkup('fixed <!channel> & <https://evil.example|click>')).toBe(
      'fixed &lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;',
    );
    expect(plainText(escapeMarkup('a < b & c > d'))).toBe('a < b & c > d');
  });
});
