import { createHash } from 'node:crypto';
import { shortReference, type LoadedConfig, type RequestStore } from '@intake/core';
import type { Replies } from './replies.js';

export interface CrmStatusDeps {
  config: LoadedConfig;
  store: RequestStore;
  replies: Replies;
}

export interface CrmStatusUpdate {
  status: string;
  note?: string | null;
  external_id?: string;
}

/** A request the CRM merely calls open was already reported as passed on: that first status is not news. */
const isNews = (before: string | null, status: string) => !(before === null && status.toLowerCase() === 'open');

/**
 * Stores what a CRM says about a request (its status route or Open311 polling) and tells the citizen each new
 * status once: the reply's job id is derived from the status, so a repeat queues nothing.
 * Returns null when the request is not (or no longer) stored.
 */
export async function recordCrmStatus(deps: CrmStatusDeps, id: string, update: CrmStatusUpdate): Promise<{ changed: boolean } | null> {
  const { status, note, external_id: externalId } = update;
  const before = await deps.store.get(id);
  if (before === null) return null;
  const changed = before.crm.status !== status;
  await deps.store.update(id, (stored) => ({ ...stored, crm: { status, external_id: externalId ?? stored.crm.external_id } }));
  if (changed && isNews(before.crm.status, status)) {
    const texts = note ? [{ key: 'reply.status', values: { status } }, note] : [{ key: 'reply.status', values: { status } }];
    await deps.replies.enqueue(id, 'status', texts, `status-${createHash('sha256').update(status).digest('hex').slice(0, 12)}`);
  }
  return { changed };
}
