export { voiceConnector, parseTranscription, VOICE_ROUTE, RECORDED_ROUTE, TRANSCRIPTION_ROUTE } from './voice.js';
export { transcriptsConnector, TRANSCRIPTS_ROUTE } from './transcripts.js';
export { parseTranscriptBody, splitTranscript, transcriptToMessage, turnsOf, TranscriptBody, type Turn } from './transcript.js';
export { VoiceSettings, TranscriptsSettings } from './settings.js';
