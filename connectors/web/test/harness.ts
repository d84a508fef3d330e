import { parseConfig, type Accepted, type AddressSuggestion, type ConfigInput, type InboundMessage } from '@intake/core';
import { startConnectorApp, type ConnectorApp, type ConnectorAppOptions } from '@intake/testkit';
import { webConnector } from '../src/index.js';

/** A town that is not Banff: nothing in the connector may depend on the demo data. */
const ADDRESSES: AddressSuggestion[] = [
  { label: '12 Maple Street', lat: 44.6521, long: -63.5874 },
  { label: '14 Maple Street', lat: 44.6523, long: -63.5876 },
  { label: '210 Harbour Road', lat: 44.6488, long: -63.5752 },
  { label: '211 Harbour Road', lat: 44.6489, long: -63.5754 },
  { label: '5 Mill Lane', lat: 44.6555, long: -63.5901 },
];

export const baseConfig = (): ConfigInput => ({
  jurisdiction: { id: 'testville.example', name: 'Town of Testville', country: 'CA' },
  server: { body_limit: '16kb' },
  channels: { web: {} },
  services: [
    { code: 'POTHOLE', name: 'Pothole', group: 'Streets' },
    { code: 'STREETLIGHT', name: 'Streetlight out', group: 'Streets' },
    { code: 'GRAFFITI', name: 'Graffiti', group: 'Parks' },
    { code: 'OTHER', name: 'Something else' },
  ],
  router: { destinations: {} },
});

export interface WebApp extends ConnectorApp {
  /** jobs on the intake queue, oldest first */
  jobs(): Promise<InboundMessage[]>;
}

/** The web connector on a real express server (port 0), accepting into a real BullMQ queue on a unique prefix. */
export async function startWebApp(
  options: { config?: ConfigInput } & Pick<ConnectorAppOptions, 'redisUrl' | 'mediaStore' | 'locates'> = {},
): Promise<WebApp> {
  const seen = new Map<string, Accepted>();
  const app = await startConnectorApp({
    connector: webConnector,
    config: parseConfig(options.config ?? baseConfig(), { base_dir: __dirname, source: 'test' }),
    redisUrl: options.redisUrl,
    mediaStore: options.mediaStore,
    locates: options.locates,
    suggestAddresses: (query, limit) => ADDRESSES.filter((a) => a.label.toLowerCase().includes(query.toLowerCase())).slice(0, limit),
    async accept(input, enqueue) {
      const earlier = input.external_id ? seen.get(input.external_id) : undefined;
      if (earlier !== undefined)
        return { id: earlier.id, reference: earlier.reference, tracking_path: earlier.tracking_path, duplicate: true, continues: null };
      const accepted = await enqueue(input);
      if (input.external_id) seen.set(input.external_id, accepted);
      return accepted;
    },
  });
  return { ...app, jobs: app.queued };
}
