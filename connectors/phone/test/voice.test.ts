import { IntakeError, parseConfig, type ConfigInput, type LoadedConfig } from '@intake/core';
import { parseTranscription } from '../src/index.js';

const config = (channels: ConfigInput['channels']): LoadedConfig =>
  parseConfig(
    {
      jurisdiction: { id: 'lakeside.example', name: 'Village of Lakeside' },
      channels,
      services: [{ code: 'TREE', name: 'Tree down' }],
      router: { destinations: {} },
    },
    { base_dir: __dirname, source: 'test' },
  );

const CALLBACK = {
  CallSid: 'CA0123456789abcdef0123456789abcdef',
  From: '+15555550123',
  To: '+15555550100',
  RecordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1',
  TranscriptionStatus: 'completed',
  TranscriptionText: ' A tree is down across Shore Road near number 18. ',
};

describe('a Twilio transcription callback', () => {
  it('becomes a voice message: the words, the caller, the recording, the call as the channel id', () => {
    expect(parseTranscription(CALLBACK, config({ voice: { auth_token: 't' } }))).toEqual({
      channel: 'voice',
      external_id: 'call:CA0123456789abcdef0123456789abcdef',
      sender: { name: null, phone: '+15555550123', email: null, handle: null },
      text: 'A tree is down across Shore Road near number 18.',
      media: [{ url: CALLBACK.RecordingUrl, content_type: 'audio/x-wav', name: 'recording', bytes: null }],
      reply_to: null,
      context: { call_sid: CALLBACK.CallSid, transcription_status: 'completed' },
      source_details: {},
    });
  });

  it('still makes a message when the transcription failed, saying so to staff outside the text and carrying the recording', () => {
    const message = parseTranscription(
      { ...CALLBACK, TranscriptionStatus: 'failed', TranscriptionText: '' },
      config({ voice: { auth_token: 't' } }),
    );
    expect(message.text).toBe('');
    expect(message.source_details).toEqual({
      note: 'Voice message from a caller. The automatic transcription failed: please listen to the recording.',
    });
    expect(message.media).toHaveLength(1);
    expect(message.context).toMatchObject({ transcription_status: 'failed' });
  });

  it('answers the caller by SMS when the town has an SMS number, else from the number called', () => {
    expect(
      parseTranscription(CALLBACK, config({ voice: { auth_token: 't' }, sms: { auth_token: 's', from: '+15555550199' } })).reply_to,
    ).toEqual({
      channel: 'sms',
      to: '+15555550123',
      from: '+15555550199',
      thread: [],
      subject: null,
    });
    expect(parseTranscription(CALLBACK, config({ voice: { auth_token: 't' }, sms: { auth_token: 's' } })).reply_to?.from).toBe(
      '+15555550100',
    );
  });

  it('refuses a callback without a CallSid or with a recording that is not a URL', () => {
    for (const body of [
      { ...CALLBACK, CallSid: '' },
      { ...CALLBACK, RecordingUrl: 'not a url' },
    ]) {
      let error: unknown;
      try {
        parseTranscription(body, config({ voice: { auth_token: 't' } }));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(IntakeError);
      expect((error as IntakeError).code).toBe('invalid_twilio_transcription');
    }
  });
});
