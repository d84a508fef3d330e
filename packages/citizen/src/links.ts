import { publicLink, trackingPath, type CatalogueText, type LoadedConfig, type StoredRequest } from '@intake/core';

/** The absolute link to a request's tracking page, or null without `server.public_url` or a tracking token. */
export function trackingLink(config: LoadedConfig, request: Pick<StoredRequest, 'record' | 'tracking_token'>): string | null {
  if (request.tracking_token === null) return null;
  return publicLink(config.server.public_url, trackingPath({ reference: request.record.reference, token: request.tracking_token }));
}

/** "Follow it at <link>", when there is a link to give. */
export function followTexts(link: string | null): CatalogueText[] {
  return link === null ? [] : [{ key: 'reply.follow', values: { link } }];
}

/**
 * The acknowledgement, with the tracking link when the town has a public address: a question is told it was passed on
 * to whoever can answer it, not that a report is in.
 */
export function acknowledgementTexts(config: LoadedConfig, request: Pick<StoredRequest, 'record' | 'tracking_token'>): CatalogueText[] {
  const key = request.record.intent === 'question' ? 'reply.question_passed_on' : 'reply.acknowledgement';
  return [{ key }, ...followTexts(trackingLink(config, request))];
}
