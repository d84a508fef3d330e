import { IntakeError, parseConfig, type ConfigInput, type LoadedConfig } from '@intake/core';
import { parseTranscriptBody, splitTranscript, transcriptToMessage, turnsOf } from '../src/index.js';

const config = (channels: ConfigInput['channels'] = { transcripts: { api_keys: ['k'] } }): LoadedConfig =>
  parseConfig(
    {
      jurisdiction: { id: 'lakeside.example', name: 'Village of Lakeside', country: 'US' },
      channels,
      services: [
        { code: 'POTHOLE', name: 'Pothole' },
        { code: 'TREE', name: 'Tree down' },
      ],
      router: { destinations: {} },
    },
    { base_dir: __dirname, source: 'test' },
  );
const SERVICE_CODES = new Set(['POTHOLE', 'TREE']);

const errorOf = (run: () => unknown): IntakeError => {
  try {
    run();
  } catch (error) {
    if (error instanceof IntakeError) return error;
    throw error;
  }
  throw new Error('expected an IntakeError');
};

describe('splitting a pasted transcript', () => {
  it('splits one line by its Clerk:/Caller: labels', () => {
    expect(splitTranscript("Clerk: what's the address? Caller: it's 305 Lake Avenue by the bank")).toEqual([
      { speaker: 'Clerk', text: "what's the address?", role: 'clerk' },
      { speaker: 'Caller', text: "it's 305 Lake Avenue by the bank", role: 'caller' },
    ]);
  });

  it('splits lines with timestamps and any short speaker names, continuation lines staying with their speaker', () => {
    const transcript = [
      '[00:01] Agent: Village of Lakeside, how can I help?',
      '[00:04] Mrs. Okafor: there is a tree down across the road',
      'it fell in the storm last night',
      '[00:12] Agent: where exactly?',
      '[00:15] Mrs. Okafor: in front of 18 Shore Road',
    ].join('\n');
    expect(splitTranscript(transcript)).toEqual([
      { speaker: 'Agent', text: 'Village of Lakeside, how can I help?', role: 'clerk' },
      { speaker: 'Mrs. Okafor', text: 'there is a tree down across the road\nit fell in the storm last night', role: 'caller' },
      { speaker: 'Agent', text: 'where exactly?', role: 'clerk' },
      { speaker: 'Mrs. Okafor', text: 'in front of 18 Shore Road', role: 'caller' },
    ]);
  });

  it("knows the clerk by the name given, and by the clerk's first name", () => {
    expect(splitTranscript('Dana: which street?\nBob: Shore Road, near the marina', 'Dana Smith').map((turn) => turn.role)).toEqual([
      'clerk',
      'caller',
    ]);
    expect(splitTranscript('dana smith: which street? bob: Shore Road', 'Dana Smith')[0]).toEqual({
      speaker: 'dana smith',
      text: 'which street? bob: Shore Road',
      role: 'clerk',
    });
  });

  it("takes a transcript without speaker labels as all the caller's words", () => {
    const text = 'Pothole at 4 Elm St, opened up this morning around 10:30. See https://maps.example/x';
    expect(splitTranscript(text)).toEqual([{ speaker: null, text, role: 'caller' }]);
  });

  it('does not take times or links at the start of a line for speakers', () => {
    expect(splitTranscript('10:30 a tree fell\nhttps://maps.example/x')).toEqual([
      { speaker: null, text: '10:30 a tree fell\nhttps://maps.example/x', role: 'caller' },
    ]);
  });

  it("keeps words before the first label as the caller's", () => {
    expect(splitTranscript('hello? Clerk: go ahead. Caller: tree down')).toEqual([
      { speaker: null, text: 'hello?', role: 'caller' },
      { speaker: 'Clerk', text: 'go ahead.', role: 'clerk' },
      { speaker: 'Caller', text: 'tree down', role: 'caller' },
    ]);
  });
});

describe('speaker turns', () => {
  it('gives each turn its role and drops empty turns', () => {
    const turns = turnsOf({
      transcript: [
        { speaker: 'operator', text: 'Lakeside 311' },
        { speaker: 'customer', text: 'a pothole on Elm' },
        { speaker: 'customer', text: '  ' },
      ],
    });
    expect(turns).toEqual([
      { speaker: 'operator', text: 'Lakeside 311', role: 'clerk' },
      { speaker: 'customer', text: 'a pothole on Elm', role: 'caller' },
    ]);
  });
});

describe('a transcript as a message', () => {
  const body = (fields: Record<string, unknown>) => parseTranscriptBody({ call_id: 'call-1', ...fields }, SERVICE_CODES);

  it("makes the caller's turns the description and keeps the whole call and the clerk as context", () => {
    const message = transcriptToMessage(
      body({
        caller_phone: '(555) 555-0123',
        clerk: 'Dana',
        transcript: [
          { speaker: 'Dana', text: 'What is the problem?' },
          { speaker: 'Caller', text: 'A big pothole on Elm Street.' },
          { speaker: 'Dana', text: 'Which address, Oak Street?' },
          { speaker: 'Caller', text: 'No, outside 4 Elm Street.' },
        ],
        language: 'en',
      }),
      config(),
    );
    expect(message).toEqual({
      channel: 'transcript',
      external_id: 'call-1',
      sender: { name: null, phone: '(555) 555-0123', email: null, handle: 'Dana' },
      text: 'A big pothole on Elm Street.\nNo, outside 4 Elm Street.',
      address: null,
      service_code: null,
      reply_to: null,
      context: {
        call_id: 'call-1',
        clerk: 'Dana',
        language: 'en',
        transcript:
          'Dana: What is the problem?\nCaller: A big pothole on Elm Street.\nDana: Which address, Oak Street?\nCaller: No, outside 4 Elm Street.',
      },
    });
  });

  it('passes a given address and service code on, and answers the caller by SMS when the town texts', () => {
    const message = transcriptToMessage(
      body({ caller_phone: '+15555550123', transcript: 'Caller: tree down', address: '18 Shore Road', service_code: 'TREE' }),
      config({ transcripts: { api_keys: ['k'] }, sms: { auth_token: 't', from: '+15555550100' } }),
    );
    expect(message).toMatchObject({
      address: '18 Shore Road',
      service_code: 'TREE',
      reply_to: { channel: 'sms', to: '+15555550123', from: '+15555550100' },
    });
  });

  it("uses the clerk's words when the clerk alone speaks", () => {
    expect(transcriptToMessage(body({ transcript: 'Clerk: caller reports a tree down at 18 Shore Road' }), config()).text).toBe(
      'caller reports a tree down at 18 Shore Road',
    );
  });

  it('refuses an unknown service code', () => {
    const error = errorOf(() => body({ transcript: 'a tree', service_code: 'NOPE' }));
    expect([error.status, error.code, error.message]).toEqual([
      400,
      'unknown_service_code',
      'service_code: "NOPE" is not in the service catalogue',
    ]);
  });

  it.each([
    [{ transcript: 'x', call_id: '' }, 'call_id: is required'],
    [{}, 'transcript: must be text or a list of { speaker, text } turns'],
    [{ transcript: 42 }, 'transcript: must be text or a list of { speaker, text } turns'],
    [{ transcript: '  ' }, 'transcript: must not be empty'],
    [{ transcript: [] }, 'transcript: must hold at least one turn'],
    [{ transcript: [{ speaker: 'Caller' }] }, 'transcript.0.text: text is required'],
    [{ transcript: 'x', caller_phone: 5 }, 'caller_phone: must be text'],
    [{ transcript: 'x', extra: true }, 'Unrecognized key'],
  ])('refuses %j with a clear message', (fields, message) => {
    const error = errorOf(() => body(fields));
    expect(error.code).toBe('invalid_transcript');
    expect(error.message).toContain(message);
  });

  it('refuses turns that are all empty', () => {
    const error = errorOf(() => transcriptToMessage(body({ transcript: [{ speaker: 'Caller', text: ' ' }] }), config()));
    expect([error.code, error.message]).toEqual(['invalid_transcript', 'transcript: has no words']);
  });

  it('refuses a transcript whose turns together are too long to keep', () => {
    const turns = Array.from({ length: 5 }, () => ({ speaker: 'Caller', text: 'x'.repeat(4500) }));
    expect(errorOf(() => transcriptToMessage(body({ transcript: turns }), config())).message).toBe(
      'transcript: must be at most 20000 characters',
    );
  });
});
