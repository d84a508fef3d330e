import { IntakeError, requireBearer, type Connector, type ConnectorContext } from '@intake/core';
import express, { type Router } from 'express';
import { CALL_TRAITS, TRANSCRIPTS_KEY, TranscriptsSettings, transcriptsSettings } from './settings.js';
import { parseTranscriptBody, transcriptToMessage } from './transcript.js';

export const TRANSCRIPTS_ROUTE = '/api/v1/transcripts';

function mount(router: Router, ctx: ConnectorContext): void {
  const { config } = ctx;
  const keys = transcriptsSettings(config)?.api_keys;
  if (keys === undefined) return;
  const serviceCodes = new Set(config.services.map((service) => service.code));
  router.post(
    TRANSCRIPTS_ROUTE,
    requireBearer(keys, ctx.rateLimits),
    express.json({ limit: config.server.body_limit }),
    async (req, res) => {
      if (!req.is('application/json')) throw new IntakeError(415, 'unsupported_media_type', 'send the transcript as application/json');
      const accepted = await ctx.accept(transcriptToMessage(parseTranscriptBody(req.body, serviceCodes), config));
      res.status(202).json({ id: accepted.id, reference: accepted.reference, duplicate: accepted.duplicate });
    },
  );
}

/** Call transcripts from clerks and call-centre software: `POST /api/v1/transcripts` with a bearer key. */
export const transcriptsConnector: Connector<TranscriptsSettings> = {
  key: TRANSCRIPTS_KEY,
  channels: [{ name: 'transcript', traits: CALL_TRAITS }],
  settings: TranscriptsSettings,
  enabled: (config) => transcriptsSettings(config) !== undefined,
  mount,
};
