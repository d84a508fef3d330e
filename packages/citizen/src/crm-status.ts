import { createHash } from 'node:crypto';
import { currentStatus, type LoadedConfig, type PublicStatus, type RequestStore, type StoredRequest } from '@intake/core';
import type { Replies } from './replies.js';
import { StatusWords } from './statuses.js';

export interface RequestStatusesDeps {
  config: LoadedConfig;
  store: RequestStore;
  replies: Replies;
}

/** What a CRM says about a request: its status route's body, or one answer of Open311 polling. */
export interface CrmStatusUpdate {
  status: string;
  note?: string | null;
  external_id?: string;
}

/** Statuses a citizen is not written to about: they were already told their report was passed on. */
const QUIET: ReadonlySet<PublicStatus> = new Set(['received', 'acknowledged']);

const jobKey = (...parts: (string | null)[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 12);

/**
 * A request's public progress: what the CRMs say (each status mapped to the public vocabulary, with the CRM's own
 * word and its note kept in the timeline) and where it was passed on. The citizen hears of each new status or
 * note once: a reply's job id derives from it, so a repeat queues nothing.
 */
export class RequestStatuses {
  private readonly words: StatusWords;

  constructor(private readonly deps: RequestStatusesDeps) {
    this.words = new StatusWords(deps.config);
  }

  /**
   * Records a CRM's status for a request named by id or reference. Throws UnknownStatusError (422) for a word no
   * one mapped, before anything is read or written; null when the request is not (or no longer) stored.
   */
  async record(idOrReference: string, update: CrmStatusUpdate): Promise<{ changed: boolean; request: StoredRequest } | null> {
    const meaning = this.words.meaning(update.status);
    const note = update.note?.trim() || null;
    const before = await this.deps.store.find(idOrReference);
    if (before === null) return null;
    const last = before.timeline.findLast((event) => event.kind === 'status');
    const changed = last === undefined || last.crm_status !== meaning.word || (note !== null && last.note !== note);
    const id = before.record.id;
    const event = { kind: 'status' as const, at: new Date().toISOString(), status: meaning.status, crm_status: meaning.word, note };
    const kept = await this.deps.store.update(id, (stored) => ({
      ...stored,
      crm: { status: meaning.word, external_id: update.external_id ?? stored.crm.external_id },
    }));
    const request = changed && kept !== null ? await this.deps.store.appendTimeline(id, event) : kept;
    if (request === null) return null;
    const was = currentStatus(before);
    const moved = meaning.status !== was && !(QUIET.has(meaning.status) && was !== 'closed');
    if (changed && (moved || note !== null)) {
      const texts = [{ key: `reply.status_${meaning.status}` }, ...(note === null ? [] : [note])];
      await this.deps.replies.enqueue(id, 'status', texts, `status-${jobKey(meaning.word, note)}`);
    }
    return { changed, request };
  }

  /**
   * A destination took the request (the router wrote so in its timeline, with the delivery itself): the citizen is
   * told once, whichever destination it was.
   */
  async passedOn(request: StoredRequest): Promise<void> {
    // no reply job for a citizen who cannot be answered (a web form without contact, a CRM's own request)
    if (this.deps.replies.canAnswer(request.reply_to?.channel))
      await this.deps.replies.enqueue(request.record.id, 'status', [{ key: 'reply.delivered' }], 'delivered');
  }
}
