import { badRequest, type Connector, type ConnectorContext, type InboundMessageInput, type LoadedConfig } from '@intake/core';
import { describeIssues, publicUrl, sendTwiml, twilioWebhook } from '@intake/connector-sms';
import type { Router } from 'express';
import { twiml } from 'twilio';
import { z } from 'zod';
import { smsReplyTo } from './reply.js';
import { CALL_TRAITS, VOICE_KEY, VoiceSettings, voiceSettings } from './settings.js';

export const VOICE_ROUTE = '/webhooks/twilio/voice';
export const RECORDED_ROUTE = '/webhooks/twilio/voice/recorded';
export const TRANSCRIPTION_ROUTE = '/webhooks/twilio/voice/transcription';

/** Twilio transcribes recordings of at most two minutes. */
const MAX_RECORDING_SECONDS = 120;

/**
 * For the town's staff, not the caller: it tells them why the record has no words. It travels in the record's
 * `source.details`, never in the text, so the normalizer never reads the system's own words for a place or a problem.
 */
const TRANSCRIPTION_FAILED_NOTE = 'Voice message from a caller. The automatic transcription failed: please listen to the recording.';

const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

const TranscriptionForm = z.looseObject({
  CallSid: z.string({ error: 'CallSid is required' }).min(1, 'CallSid is required').max(100),
  From: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  To: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  TranscriptionText: z.string().max(20_000).default(''),
  TranscriptionStatus: z.string().max(50).default('failed'),
  RecordingUrl: z.preprocess(blankToUndefined, z.url().max(2048).optional()),
});

/** A finished transcription (or a failed one, which still makes a request carrying the recording). */
export function parseTranscription(body: unknown, config: LoadedConfig): InboundMessageInput {
  const parsed = TranscriptionForm.safeParse(body ?? {});
  if (!parsed.success) throw badRequest(describeIssues(parsed.error.issues), 'invalid_twilio_transcription');
  const form = parsed.data;
  const transcribed = form.TranscriptionStatus === 'completed' && form.TranscriptionText.trim() !== '';
  const phone = form.From ?? null;
  return {
    channel: 'voice',
    external_id: `call:${form.CallSid}`,
    sender: { name: null, phone, email: null, handle: null },
    text: transcribed ? form.TranscriptionText.trim() : '',
    media: form.RecordingUrl === undefined ? [] : [{ url: form.RecordingUrl, content_type: 'audio/x-wav', name: 'recording', bytes: null }],
    reply_to: smsReplyTo(config, phone, form.To ?? null),
    context: { call_sid: form.CallSid, transcription_status: form.TranscriptionStatus },
    source_details: transcribed ? {} : { note: TRANSCRIPTION_FAILED_NOTE },
  };
}

/** The caller's language is not known before they speak: prompts are in the town's default, in a voice for it. */
function say(response: twiml.VoiceResponse, { texts }: ConnectorContext, key: string): void {
  const language = texts.defaultLanguage;
  response.say(
    { language: texts.t(language, 'voice.say_language') as NonNullable<Parameters<twiml.VoiceResponse['say']>[0]['language']> },
    texts.t(language, key),
  );
}

function mount(router: Router, ctx: ConnectorContext): void {
  const { config } = ctx;
  const authToken = voiceSettings(config)?.auth_token;
  if (authToken === undefined) return;
  const signed = twilioWebhook(config, authToken, 'voice');

  router.post(VOICE_ROUTE, ...signed, (req, res) => {
    const response = new twiml.VoiceResponse();
    say(response, ctx, 'voice.greeting');
    // without an action Twilio would request this document again when the recording ends, greeting the caller anew
    response.record({
      action: publicUrl(config, req, RECORDED_ROUTE),
      maxLength: MAX_RECORDING_SECONDS,
      finishOnKey: '#',
      playBeep: true,
      transcribe: true,
      transcribeCallback: publicUrl(config, req, TRANSCRIPTION_ROUTE),
    });
    sendTwiml(res, response);
  });

  router.post(RECORDED_ROUTE, ...signed, (_req, res) => {
    const response = new twiml.VoiceResponse();
    say(response, ctx, 'voice.thanks');
    response.hangup();
    sendTwiml(res, response);
  });

  router.post(TRANSCRIPTION_ROUTE, ...signed, async (req, res) => {
    await ctx.accept(parseTranscription(req.body, config));
    sendTwiml(res, new twiml.VoiceResponse());
  });
}

/** Calls to the town's Twilio number: a greeting, a recording, and Twilio's transcription turned into a request. */
export const voiceConnector: Connector<VoiceSettings> = {
  key: VOICE_KEY,
  channels: [{ name: 'voice', traits: CALL_TRAITS }],
  settings: VoiceSettings,
  enabled: (config) => voiceSettings(config) !== undefined,
  mount,
};
