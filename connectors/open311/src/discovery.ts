import { publicLink, type LoadedConfig } from '@intake/core';
import type { Response } from 'express';
import { sendObject, type Format } from './format.js';

/** When what this facade serves last changed; Open311 apps compare it to know when to look again. */
const CHANGESET = '2026-12-01T00:00:00Z';
const FORMATS = ['text/xml', 'application/json'];

/**
 * Open311 Service Discovery: who runs the endpoint, where it is and in which formats it answers, so that apps
 * can find it. Without `server.public_url` the endpoint is given as a path on this server.
 */
export function sendDiscovery(res: Response, format: Format, config: LoadedConfig): void {
  const endpoint = {
    specification: 'http://wiki.open311.org/GeoReport_v2',
    url: publicLink(config.server.public_url, '/open311/v2') ?? '/open311/v2',
    changeset: CHANGESET,
    type: 'production',
  };
  const about = {
    changeset: CHANGESET,
    contact: `${config.jurisdiction.name} (jurisdiction_id ${config.jurisdiction.id})`,
    key_service: `Ask ${config.jurisdiction.name} for an api_key to post requests; reading needs none.`,
  };
  res.set('Cache-Control', 'public, max-age=3600');
  if (format === 'json') sendObject(res, format, 'discovery', { ...about, endpoints: [{ ...endpoint, formats: FORMATS }] });
  else sendObject(res, format, 'discovery', { ...about, endpoints: { endpoint: [{ ...endpoint, formats: { format: FORMATS } }] } });
}
