import { settingsOf, type ChannelTraits, type LoadedConfig } from '@intake/core';
import { z } from 'zod';

/** `channels.voice`: the Twilio auth token that signs the call webhooks. */
export const VoiceSettings = z.strictObject({ auth_token: z.string().min(1) });
export type VoiceSettings = z.infer<typeof VoiceSettings>;

/** `channels.transcripts`: the bearer keys of the clerks' and call centres' software. */
export const TranscriptsSettings = z.strictObject({ api_keys: z.array(z.string().min(1)).min(1) });
export type TranscriptsSettings = z.infer<typeof TranscriptsSettings>;

export const VOICE_KEY = 'voice';
export const TRANSCRIPTS_KEY = 'transcripts';

/** A call's handle is the clerk or line that took it, not the person reporting. */
export const CALL_TRAITS: Partial<ChannelTraits> = { handledByClerk: true };

export const voiceSettings = (config: LoadedConfig): VoiceSettings | undefined =>
  settingsOf(config, { key: VOICE_KEY, settings: VoiceSettings });
export const transcriptsSettings = (config: LoadedConfig): TranscriptsSettings | undefined =>
  settingsOf(config, { key: TRANSCRIPTS_KEY, settings: TranscriptsSettings });
