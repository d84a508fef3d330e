import {
  InboundMessage,
  NO_LOCATION,
  serviceRequestFrom,
  type IntakeJob,
  type LoadedConfig,
  type RequestReader,
  type RequestStore,
  type StoredRequest,
} from '@intake/core';
import type { Queue } from 'bullmq';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** What is known of a message still waiting for the normalizer: what its sender gave, nothing worked out yet. */
function provisional(message: InboundMessage, config: LoadedConfig): StoredRequest {
  const { point } = message;
  return {
    record: serviceRequestFrom({
      id: message.id,
      reference: message.tracking?.reference ?? '',
      channel: message.channel,
      received_at: message.received_at,
      description: message.text,
      service_code: message.service_code,
      service_name: config.services.find((service) => service.code === message.service_code)?.name ?? null,
      location:
        point === null
          ? { ...NO_LOCATION, address: message.address }
          : { ...point, address: message.address, precision: 'coordinates', source: 'device', in_jurisdiction: null },
      media: message.media,
    }),
    state: 'received',
    reply_to: null,
    service_confidence: null,
    crm: { status: null, external_id: null },
    tracking_token: null,
    timeline: [],
    updated_at: message.received_at,
  };
}

/**
 * The stored requests, and those still in the intake queue, so a GET right after a POST finds the new request
 * (the normalizer takes a moment). Only messages without a channel id are queued under their own id: Open311's
 * posts, which are the ones read back at once.
 */
export function readerWithPending(store: RequestStore, intakeQueue: Queue<IntakeJob>, config: LoadedConfig): RequestReader {
  async function pending(idOrReference: string): Promise<StoredRequest | null> {
    const id = ULID.test(idOrReference) ? idOrReference : await store.idByReference(idOrReference);
    const job = id === null ? undefined : await intakeQueue.getJob(id);
    return job === undefined ? null : provisional(InboundMessage.parse(job.data), config);
  }
  return {
    received: (range, pageSize) => store.received(range, pageSize),
    timelineBetween: (from, to, limit) => store.timelineBetween(from, to, limit),
    get: async (id) => (await store.get(id)) ?? pending(id),
    find: async (idOrReference) => (await store.find(idOrReference)) ?? pending(idOrReference),
  };
}
