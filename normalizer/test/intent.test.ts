import { asksOpeningHours, intentOf } from '../src/intent.js';

describe('telling a question from a report', () => {
  it.each([
    ['is the dump open saturday?', 'en'],
    ['Hi, how do I get a second recycling bin. thanks', 'en'],
    ['Clerk: City of Elmwood, how can I help?\nCaller: what day does the compost truck come to Birch Lane?', 'en'],
    ["Est-ce que l'écocentre est ouvert dimanche?", 'fr'],
    ['¿a qué hora abre la biblioteca?', 'es'],
    // English puts its verb first, whatever the subject: no list of "is recycling", "is trash"
    ['is composting free in the winter months', 'en'],
    ['does leaf pickup run in november. thanks', 'en'],
  ] as const)('%s asks', (text, language) => {
    expect(intentOf(text, language)).toBe('question');
  });

  it.each([
    ['garbage dumped here behind 40 Cedar Rd', 'en'],
    ['can you send someone to fix the streetlight on Birch Lane?', 'en'],
    ['Hi. There is a pothole outside 12 Elm Ave. When will it be fixed?', 'en'],
    ['Clerk: City of Elmwood, how can I help?\nCaller: a tree came down on Birch Lane', 'en'],
    ['Pouvez-vous réparer le lampadaire de la rue des Pins?', 'fr'],
    ['hay un bache enorme en la calle Olmo', 'es'],
  ] as const)('%s reports', (text, language) => {
    expect(intentOf(text, language)).toBe('report');
  });
});

describe('questions about opening hours', () => {
  it.each([
    ['is the recycling depot open on monday?', 'en'],
    ["à quelle heure ferme l'écocentre?", 'fr'],
    ['¿el vertedero abre los domingos?', 'es'],
  ] as const)('%s asks when a place is open', (text, language) => {
    expect(asksOpeningHours(text, language)).toBe(true);
  });

  it('is not said of a question about a problem, nor of one about a service asked first', () => {
    expect(asksOpeningHours('why has the streetlight been out for two weeks?', 'en')).toBe(false);
    expect(asksOpeningHours('Hi, where do I take an old mattress, is the depot open on weekends?', 'en')).toBe(false);
    expect(asksOpeningHours('the depot is open but nobody took my mattress', 'en')).toBe(false); // a report
  });
});
