import type { DestinationPlugin } from '@intake/core';
import { Open311Options } from './options.js';
import { deliverUpdate } from './post-update.js';
import { deliver } from './send.js';
import { pollStatus } from './updates.js';

export { Open311Options } from './options.js';

/** A city's Open311 GeoReport v2 endpoint: creates requests there, sends what is added to them, and asks for their status. */
export const open311Destination: DestinationPlugin<Open311Options> = {
  type: 'open311',
  options: Open311Options,
  create(options, { log }) {
    const polling =
      options.poll_seconds > 0
        ? { pollStatus: (ids: string[]) => pollStatus(options, ids), pollIntervalMs: options.poll_seconds * 1000 }
        : {};
    return {
      type: 'open311',
      deliver: (request, event) => deliver(options, request, event, log),
      deliverUpdate: (request, taken, event) => deliverUpdate(options, request, taken, event),
      ...polling,
    };
  },
};
