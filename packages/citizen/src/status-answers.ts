import {
  currentStatus,
  type LoadedConfig,
  type RequestReader,
  type StatusAnswer,
  type StatusInquiry,
  type StoredRequest,
} from '@intake/core';
import type { Texts } from '@intake/i18n';
import { trackingLink } from './links.js';
import type { RecentReports } from './recent-reports.js';

export interface StatusAnswersDeps {
  config: LoadedConfig;
  texts: Texts;
  store: Pick<RequestReader, 'get' | 'find'>;
  recent: RecentReports;
}

const sameAddress = (a: string | null | undefined, b: string) => typeof a === 'string' && a.trim().toLowerCase() === b;

/** Whether the report came from this phone number or email address: only its own sender hears how it stands. */
function sentBy(request: StoredRequest, address: string): boolean {
  const { reporter } = request.record;
  const asked = address.trim().toLowerCase();
  return [request.reply_to?.to, reporter.phone, reporter.email].some((known) => sameAddress(known, asked));
}

/**
 * What a citizen who asks about a report is told ("STATUS", "STATUS K7PM2Q", "any news on my report?"): where a report
 * of theirs stands and its tracking link, in the report's language. A reference that is unknown or someone else's gets
 * the same neutral answer, so asking reveals nothing about other people's reports.
 */
export class StatusAnswers {
  constructor(private readonly deps: StatusAnswersDeps) {}

  /** The sender's latest report while a new message may follow it up (`conversations.follow_up_hours`). */
  async recentReport(address: string, now = Date.now()): Promise<string | null> {
    const latest = await this.deps.recent.latest(address);
    const windowMs = this.deps.config.conversations.follow_up_hours * 3_600_000;
    return latest !== null && now - Date.parse(latest.at) <= windowMs ? latest.id : null;
  }

  /** The report, when the address sent it. */
  async ownReport(id: string, address: string): Promise<StoredRequest | null> {
    const found = await this.deps.store.get(id);
    return found !== null && sentBy(found, address) ? found : null;
  }

  private async askedAbout(inquiry: StatusInquiry): Promise<StoredRequest | null> {
    if (inquiry.reference !== null) return this.deps.store.find(inquiry.reference);
    const id = inquiry.request_id ?? (await this.deps.recent.latest(inquiry.address))?.id ?? null;
    return id === null ? null : this.deps.store.get(id);
  }

  async answer(inquiry: StatusInquiry): Promise<StatusAnswer> {
    const found = await this.askedAbout(inquiry);
    const request = found !== null && sentBy(found, inquiry.address) ? found : null;
    const { texts } = this.deps;
    if (request === null) {
      const language = texts.pick(inquiry.language);
      const text =
        inquiry.reference === null
          ? texts.t(language, 'reply.status_none')
          : texts.t(language, 'reply.status_unknown', { reference: inquiry.reference });
      return { text, language, request: null };
    }
    const { record } = request;
    const language = texts.pick(record.language ?? inquiry.language);
    const status = texts.t(language, `track.status_${currentStatus(request)}`);
    const note = request.timeline.findLast((event) => event.kind === 'status')?.note ?? null;
    const link = trackingLink(this.deps.config, request);
    const parts = [
      texts.t(language, 'reply.status_is', { reference: record.reference, status }),
      ...(note === null ? [] : [texts.t(language, 'reply.status_note', { note })]),
      ...(link === null ? [] : [texts.t(language, 'reply.follow', { link })]),
    ];
    return { text: parts.join(' '), language, request: { id: record.id, reference: record.reference } };
  }
}
