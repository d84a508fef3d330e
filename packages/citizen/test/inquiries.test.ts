import { followUpKind, statusKeywordOf } from '../src/index.js';

describe('the status keyword', () => {
  it.each([
    ['STATUS', null, 'en'],
    ['status?', null, 'en'],
    ['Status K7PM2Q', 'K7PM2Q', 'en'],
    ['status #k7pm2q', 'K7PM2Q', 'en'],
    ['STATSU', null, 'en'],
    ['stauts k7pm2q', 'K7PM2Q', 'en'],
    ['Status of my report K7PM2Q please', 'K7PM2Q', 'en'],
    ['Statut', null, 'fr'],
    ['statut de mon signalement K7PM2Q svp', 'K7PM2Q', 'fr'],
    ['État ?', null, 'fr'],
    ['estado', null, 'es'],
    ['Estado de mi reporte K7PM2Q', 'K7PM2Q', 'es'],
  ])('reads %p as asking about %p, in %p', (text, reference, language) => {
    expect(statusKeywordOf(text)).toEqual({ reference, language });
  });

  it.each([
    'status of the dump on saturday, is it open this week?',
    'the status of the streetlight is that it is broken',
    'STOP',
    'statistics',
    'pothole K7PM2Q',
    '',
  ])('leaves %p to be a message like any other', (text) => {
    expect(statusKeywordOf(text)).toBeNull();
  });
});

describe('a follow-up that asks, or adds', () => {
  it.each([
    // English
    ['any news on my pothole report from yesterday?', 'ask'],
    ['has anyone looked at it', 'ask'],
    ['Hello, has anyone looked at it yet?\n\nJane', 'ask'],
    ['Much bigger!', 'add'],
    ['is the dump open on saturday?\nJane', null],
    ['Hi, still waiting for someone to fix it.', 'ask'],
    ["it's gotten much bigger", 'add'],
    ['Two cars hit it this morning. The hole is about a foot wide now.', 'add'],
    ['thanks!', 'nothing'],
    ['is the dump open on saturday?', null],
    // French
    ["Du nouveau pour mon signalement d'hier ?", 'ask'],
    ["Est-ce que quelqu'un est venu voir ?", 'ask'],
    ['Le trou est encore plus gros maintenant.', 'add'],
    ['Merci beaucoup !', 'nothing'],
    // Spanish
    ['¿Hay alguna novedad de mi reporte?', 'ask'],
    ['¿Alguien ya lo revisó?', 'ask'],
    ['El bache está más grande ahora.', 'add'],
    ['Gracias', 'nothing'],
  ])('reads %p as %p', (text, kind) => {
    expect(followUpKind(text, false)).toBe(kind);
  });

  it('reads a photo as something added, whatever the words', () => {
    expect(followUpKind('', true)).toBe('add');
    expect(followUpKind('any news?', true)).toBe('add');
  });
});
