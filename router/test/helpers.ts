import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig, schemasOf, type LoadedConfig, type RequestStore, type ServiceRequest, type StoredRequest } from '@intake/core';
import { destinationPlugins } from '../src/index.js';

export const tempDir = () => mkdtempSync(path.join(tmpdir(), 'intake-router-'));

/** A validated config, exactly as the gateway would load it, from a partial `intake.yaml` object. */
export function buildConfig(raw: Record<string, unknown>, baseDir = tempDir()): LoadedConfig {
  return parseConfig(
    {
      jurisdiction: { id: 'example.org', name: 'Example Town', timezone: 'America/Edmonton' },
      services: [
        { code: 'POTHOLE', name: 'Pothole', group: 'Streets' },
        { code: 'STREETLIGHT', name: 'Streetlight out', group: 'Streets' },
        { code: 'GRAFFITI', name: 'Graffiti', group: 'Parks' },
      ],
      ...raw,
    },
    { base_dir: baseDir, source: 'test', env: {}, plugins: { destinations: schemasOf(destinationPlugins), geocoders: {} } },
  );
}

export function buildRequest(change: Partial<ServiceRequest> = {}): ServiceRequest {
  return {
    id: `req-${randomUUID()}`,
    reference: 'K7PM2Q',
    event: 'service_request.created',
    channel: 'sms',
    received_at: '2026-11-22T10:00:00Z',
    reporter: { name: null, phone: '+14035550123', email: null },
    description: 'big pothole outside 211 Main St, almost lost a tire',
    service_code: 'POTHOLE',
    service_name: 'Pothole',
    location: { lat: 50.5, long: -110.5, address: '211 Main Street', precision: 'address', source: 'gazetteer', in_jurisdiction: true },
    media: [],
    source: { external_id: 'SM123', conversation_id: null, details: {} },
    duplicate_of: null,
    language: null,
    intent: 'report',
    routing: { rule: null, priority: 'normal' },
    update: null,
    ...change,
  };
}

export const stored = (record: ServiceRequest): StoredRequest => ({
  record,
  state: 'received',
  reply_to: null,
  service_confidence: null,
  tracking_token: null,
  timeline: [],
  crm: { status: null, external_id: null },
  updated_at: new Date().toISOString(),
});

/** Stores a request built from `change`, as the normalizer would have left it, and returns it. */
export async function saveRequest(store: RequestStore, change: Partial<ServiceRequest>): Promise<ServiceRequest> {
  const request = buildRequest(change);
  await store.save(stored(request));
  return request;
}

export const NO_POINT = { lat: null, long: null, address: null, precision: 'none', source: null, in_jurisdiction: null } as const;
