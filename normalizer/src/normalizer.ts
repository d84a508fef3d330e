import { metrics, type AddressSuggestion, type GeocoderPlugin, type InboundMessage } from '@intake/core';
import { geocoderPlugins } from './geocoders/index.js';
import { intentOf, type Intent } from './intent.js';
import { detectLanguage } from './language.js';
import { locate } from './location.js';
import { answerToWhere } from './stage/answer.js';
import { freshRequest } from './stage/fresh.js';
import { buildParts, type Normalized, type NormalizerDeps, type Settle } from './stage/parts.js';
import { composeDescription } from './text.js';

export type { Normalized, NormalizerDeps, Settle } from './stage/parts.js';

export interface Normalizer {
  /**
   * InboundMessage -> StoredRequest (state 'received', or as `settle` leaves a new one), saved with deps.store.save,
   * dedupe indexes updated
   */
  normalize(message: InboundMessage, settle?: Settle): Promise<Normalized>;
  /** completions for the web form's address box, from the gazetteer */
  suggestAddresses(query: string, limit: number): AddressSuggestion[];
  /** whether an address field or the words of a report name a place the geocoders find */
  locates(report: { address: string | null; description: string }): Promise<boolean>;
  /** whether a citizen's words ask rather than report, as `normalize` will read them: for an answer given at once */
  intentOf(text: string): Intent;
  close(): Promise<void>;
}

/** Loads the gazetteer and the other read-only indexes once, and returns the stage that turns messages into requests. */
export async function createNormalizer(deps: NormalizerDeps, plugins: readonly GeocoderPlugin[] = geocoderPlugins): Promise<Normalizer> {
  const parts = buildParts(deps, plugins);
  const { log, store, gazetteers } = parts;
  return {
    async normalize(message, settle) {
      const waiting = message.continues === null ? null : await store.get(message.continues);
      const normalized =
        waiting?.state === 'awaiting_location'
          ? await answerToWhere(parts, waiting, message)
          : await freshRequest(parts, { ...message, continues: null }, settle);
      const { record } = normalized.request;
      metrics.normalized.inc({ channel: message.channel });
      log.debug(
        { id: record.id, service_code: record.service_code, precision: record.location.precision, duplicate_of: record.duplicate_of },
        'normalized',
      );
      return normalized;
    },
    async locates({ address, description }) {
      const { location } = await locate(parts.locator, { point: null, address, description: description.slice(0, 5000) });
      return location.precision !== 'none';
    },
    intentOf(text) {
      // the same description and language as freshRequest reads: the record's intent and this answer agree
      return intentOf(composeDescription({ text, html: null, subject: null }), detectLanguage(text));
    },
    suggestAddresses(query, limit) {
      const trimmed = query.trim().slice(0, 200);
      if (trimmed === '') return [];
      return gazetteers.flatMap((gazetteer) => gazetteer.suggest(trimmed, limit)).slice(0, limit);
    },
    async close() {
      // The Redis connection belongs to the caller; nothing else holds resources.
    },
  };
}
