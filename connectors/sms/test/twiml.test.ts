import { twiml } from 'twilio';
import { messagingTwiml } from '../src/twiml.js';

const twilioAnswer = (text: string | null) => {
  const response = new twiml.MessagingResponse();
  if (text !== null) response.message(text);
  return response.toString();
};

describe('the TwiML answer', () => {
  it.each([
    ['silence', null],
    [
      'an acknowledgement',
      'Town of Banff: we received your report 8J7UVM. Thank you. Follow it at https://311.example/track/8J7UVM-ne52uTdHZ',
    ],
    ['markup and entities', 'a <b>bold</b> & "quoted" \'one\' &amp; > that'],
    ['line ends and tabs', 'first line\r\nsecond\tline\nthird'],
    ['accents, emoji and other scripts', 'Déneigement rue de l’Église 🚧 — 道路 ½'],
    ['an empty text', ''],
  ])("is twilio's own for %s", (_what, text) => {
    expect(messagingTwiml(text)).toBe(twilioAnswer(text));
  });

  it.each([
    ['a control character', 'bell \u0007'],
    ['an unpaired surrogate', 'half \uD83D emoji'],
  ])('refuses %s as twilio does', (_what, text) => {
    expect(() => twilioAnswer(text)).toThrow();
    expect(() => messagingTwiml(text)).toThrow();
  });
});
