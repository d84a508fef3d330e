import type { FollowUp, FollowUpMessage } from '@intake/core';
import { followUpKind, statusKeywordOf } from './inquiries.js';
import type { StatusAnswers } from './status-answers.js';

/**
 * Reads a citizen's message against the reports they made: "STATUS" (with or without a reference) is answered
 * whatever came before; within the follow-up window of a report of theirs (or in its email thread), a message that
 * asks is answered with its status, one that adds becomes an update of it, and thanks are nothing. Anything else,
 * and anything about a report that is not theirs, is a new message.
 */
export class FollowUps {
  constructor(
    private readonly answers: StatusAnswers,
    /** whether words name a place the town's geocoders find (the normalizer's `locates`) */
    private readonly locates: (text: string) => Promise<boolean>,
  ) {}

  async read(message: FollowUpMessage): Promise<FollowUp> {
    const keyword = message.media === 0 ? statusKeywordOf(message.text) : null;
    if (keyword !== null) {
      const inquiry = {
        address: message.address,
        reference: keyword.reference,
        request_id: message.request_id,
        language: keyword.language,
      };
      return { kind: 'status', answer: await this.answers.answer(inquiry) };
    }
    const about = message.request_id ?? (message.latest_counts ? await this.answers.recentReport(message.address) : null);
    const report = about === null ? null : await this.answers.ownReport(about, message.address);
    if (report === null) return { kind: 'new' };
    // a report waiting for its place is completed by the answer, whatever it says (the normalizer reads it)
    if (report.state === 'awaiting_location') return { kind: 'adds', request_id: report.record.id };
    switch (followUpKind(message.text, message.media > 0)) {
      case 'ask': {
        const inquiry = { address: message.address, reference: null, request_id: report.record.id, language: null };
        return { kind: 'status', answer: await this.answers.answer(inquiry) };
      }
      case 'add':
        // a place of its own makes it a report of its own (the normalizer tells a duplicate of this one)
        return (await this.locates(message.text)) ? { kind: 'new' } : { kind: 'adds', request_id: report.record.id };
      case 'nothing':
        return { kind: 'nothing' };
      default:
        return { kind: 'new' };
    }
  }
}
