import { StatusWords, UnknownStatusError } from '../src/index.js';

describe("a CRM's status words", () => {
  const words = new StatusWords({ status_map: { 'Crew Dispatched': 'in_progress', closed: 'acknowledged' } });

  it.each([
    ['Open', 'open', 'acknowledged'],
    ['IN_PROGRESS', 'in progress', 'in_progress'],
    ['action-scheduled', 'action scheduled', 'in_progress'],
    ['  Fixed ', 'fixed', 'closed'],
    ['not_councils_responsibility', 'not councils responsibility', 'closed'],
    ['received', 'received', 'received'],
    ['crew dispatched', 'crew dispatched', 'in_progress'],
  ])('read %p as %p, meaning %p', (crmWord, word, status) => {
    expect(words.meaning(crmWord)).toEqual({ word, status });
  });

  it("let the town's status_map win over the built-in meaning", () => {
    expect(words.meaning('Closed').status).toBe('acknowledged');
    expect(new StatusWords({ status_map: {} }).meaning('Closed').status).toBe('closed');
  });

  it('refuse a word no one mapped with a 422 the CRM can read', () => {
    expect(() => words.meaning('banana')).toThrow(UnknownStatusError);
    try {
      words.meaning('banana');
    } catch (error) {
      expect(error).toMatchObject({ status: 422, code: 'unknown_status', message: expect.stringContaining('status_map') });
    }
  });
});
