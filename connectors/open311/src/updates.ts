import { currentStatus, type PublicStatus, type TimelineEntry } from '@intake/core';
import { z } from 'zod';
import { publicDescription } from './public-text.js';
import { MAX_SPAN_DAYS } from './requests.js';

const DAY_MS = 86_400_000;

/** FixMyStreet's extended statuses, which its client maps to its own states; the public statuses fit in them. */
const UPDATE_STATUS: Record<PublicStatus, string> = {
  received: 'open',
  acknowledged: 'open',
  in_progress: 'in_progress',
  closed: 'closed',
};

const dateTime = z
  .string({ error: 'must be given once' })
  .refine(
    (value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)),
    'must be a W3C date-time such as 2026-11-22T10:00:00Z',
  )
  .transform((value) => Date.parse(value));

/** `GET servicerequestupdates`: FixMyStreet asks for the last two hours, with both dates, or for all recent ones. */
export const UpdatesQuery = z
  .object({
    jurisdiction_id: z.string().optional(),
    api_key: z.string().optional(),
    start_date: dateTime.optional(),
    end_date: dateTime.optional(),
  })
  .transform((query, ctx) => {
    const to = query.end_date ?? Date.now();
    const from = query.start_date ?? to - DAY_MS;
    if (from > to) ctx.addIssue({ code: 'custom', path: ['start_date'], message: 'must be before end_date' });
    else if (to - from > MAX_SPAN_DAYS * DAY_MS)
      ctx.addIssue({ code: 'custom', path: ['end_date'], message: `the range may not span more than ${MAX_SPAN_DAYS} days` });
    return { ...query, from, to };
  });

/** `POST servicerequestupdates`: a comment on a request, as FixMyStreet's client sends one. */
export const UpdatePost = z.object({
  service_request_id: z.string({ error: 'is required' }).trim().min(1, 'is required').max(100),
  description: z.string({ error: 'is required' }).trim().min(1, 'is required').max(4000),
  update_id: z.string().max(100).optional(),
  status: z.string().max(40).optional(),
  updated_datetime: z.string().max(40).optional(),
});

/** What was added, as a public listing may show it: a citizen's words lose their contact details as a description does. */
const publicNote = (request: TimelineEntry['request'], event: { note: string; from: string }) =>
  event.from === 'citizen' ? publicDescription({ description: event.note, reporter: request.record.reporter }) : event.note;

/** One timeline event as a GeoReport v2 service request update. Nothing about who wrote it: updates are public. */
export function toRequestUpdate(entry: TimelineEntry) {
  const { request, event, index } = entry;
  const status = statusAt(entry);
  return {
    update_id: `${request.record.id}-${index}`,
    service_request_id: request.record.id,
    status: UPDATE_STATUS[status],
    updated_datetime: event.at,
    description: event.kind === 'status' ? (event.note ?? '') : event.kind === 'update' ? publicNote(request, event) : '',
    external_status_code: event.kind === 'status' ? event.crm_status : null,
    media_url: null,
  };
}

/** The public status a request had when its `index`th event happened. */
const statusAt = (entry: TimelineEntry): PublicStatus => currentStatus({ timeline: entry.request.timeline.slice(0, entry.index + 1) });
