import { randomUUID } from 'node:crypto';
import { RequestStore, parseConfig, type ConfigInput, type ServiceRequest, type StoredRequest } from '@intake/core';
import { startConnectorApp, type ConnectorApp } from '@intake/testkit';
import { open311Connector } from '../src/index.js';

export const API_KEY = 'app-key-1';

/** A town that is not Banff: nothing in the connector may depend on the demo data. */
export const baseConfig = (): ConfigInput => ({
  jurisdiction: { id: 'testville.example', name: 'Town of Testville', country: 'CA' },
  server: { body_limit: '16kb' },
  channels: { open311: { api_keys: ['old-key', API_KEY] } },
  services: [
    { code: 'POTHOLE', name: 'Pothole', group: 'Streets', description: 'A hole in the road', keywords: ['pothole', 'pot hole'] },
    { code: 'STREETLIGHT', name: 'Streetlight out', group: 'Streets' },
    { code: 'OTHER', name: 'Something else' },
  ],
  router: { destinations: {} },
});

export interface Open311App extends ConnectorApp {
  store: RequestStore;
  /** a stored request as the normalizer would have saved it */
  save(change: Partial<ServiceRequest>, extra?: Partial<StoredRequest>): Promise<StoredRequest>;
}

/** A record as the normalizer makes it, for a town near 44.65,-63.58. */
function buildRecord(change: Partial<ServiceRequest> = {}): ServiceRequest {
  return {
    id: randomUUID(),
    reference: 'K7PM2Q',
    event: 'service_request.created',
    channel: 'sms',
    received_at: new Date().toISOString(),
    reporter: { name: 'Jane Doe', phone: '+19025550123', email: 'jane@example.org' },
    description: 'big pothole outside 12 Maple Street',
    service_code: 'POTHOLE',
    service_name: 'Pothole',
    location: {
      lat: 44.6521,
      long: -63.5874,
      address: '12 Maple Street',
      precision: 'address',
      source: 'gazetteer',
      in_jurisdiction: true,
    },
    media: [],
    source: { external_id: null, conversation_id: null, details: {} },
    duplicate_of: null,
    language: null,
    intent: 'report',
    routing: { rule: null, priority: 'normal' },
    update: null,
    ...change,
  };
}

/** The connector on a real express server (port 0): accepting into a real BullMQ queue, reading a real RequestStore. */
export async function startOpen311App(
  options: { config?: ConfigInput; redisUrl?: string; withRequests?: boolean } = {},
): Promise<Open311App> {
  const app = await startConnectorApp({
    connector: open311Connector,
    config: parseConfig(options.config ?? baseConfig(), { base_dir: __dirname, source: 'test' }),
    redisUrl: options.redisUrl,
    extraContext: ({ connection, prefix }) => (options.withRequests === false ? {} : { requests: new RequestStore(connection, prefix) }),
  });
  const store = new RequestStore(app.connection, app.prefix);
  return {
    ...app,
    store,
    async save(change, extra = {}) {
      const stored: StoredRequest = {
        record: buildRecord(change),
        state: 'routed',
        reply_to: null,
        service_confidence: 1,
        tracking_token: null,
        timeline: [],
        crm: { status: null, external_id: null },
        updated_at: new Date().toISOString(),
        ...extra,
      };
      await store.save(stored);
      return stored;
    },
  };
}
