import type { InboundMessageInput } from '@intake/core';
import { z } from 'zod';

/** Forms post empty fields and JSON clients send nulls: both mean "not given". Numbers are read as text. */
const blankToUndefined = (value: unknown) => {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  return typeof value === 'number' ? String(value) : value;
};
const text = (max: number) =>
  z.preprocess(blankToUndefined, z.string({ error: 'must be text' }).trim().max(max, `must be at most ${max} characters`).optional());

/** Apps send 0,0 when the device had no fix (San Francisco's own answers carry 0.0 for "unknown"). */
const coordinate = (limit: number) =>
  z.preprocess(
    (value) => {
      const given = blankToUndefined(value);
      return typeof given === 'string' ? Number(given) : given;
    },
    z
      .number({ error: 'must be a number' })
      .min(-limit, `must be between -${limit} and ${limit}`)
      .max(limit, `must be between -${limit} and ${limit}`)
      .optional(),
  );

/** GeoReport v2 "POST Service Request" arguments; api_key and jurisdiction_id are checked before, anything else is ignored. */
export const Open311Report = z
  .object({
    service_code: text(100),
    lat: coordinate(90),
    long: coordinate(180),
    address_string: text(500),
    address_id: text(200),
    description: text(4000),
    media_url: z.preprocess(
      blankToUndefined,
      z
        .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
        .max(2048, 'must be at most 2048 characters')
        .optional(),
    ),
    email: z.preprocess(blankToUndefined, z.email({ error: 'is not a valid email address' }).max(320, 'is too long').optional()),
    first_name: text(100),
    last_name: text(100),
    phone: text(64),
    device_id: text(200),
    account_id: text(200),
  })
  .superRefine((report, ctx) => {
    if ((report.lat === undefined) !== (report.long === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [report.lat === undefined ? 'lat' : 'long'],
        message: 'is required when the other coordinate is given',
      });
    }
  });
export type Open311Report = z.infer<typeof Open311Report>;

const point = ({ lat, long }: Open311Report) =>
  lat === undefined || long === undefined || (lat === 0 && long === 0) ? null : { lat, long };

/** Problems beyond the fields' own shapes: a service Intake knows and a location, as the spec requires. */
export function reportProblems(report: Open311Report, serviceCodes: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (report.service_code === undefined) problems.push('service_code was not provided');
  else if (!serviceCodes.has(report.service_code))
    problems.push(`service_code "${report.service_code}" is not a known service (see services.json)`);
  if (point(report) === null && report.address_string === undefined && report.address_id === undefined) {
    problems.push('a location is required: lat and long, address_string or address_id');
  }
  return problems;
}

/** Keeps only the context entries that were given; context values are text. */
const given = (entries: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(entries).filter((entry): entry is [string, string] => entry[1] !== undefined));

/**
 * The report as an InboundMessage. The Open311 app keeps its own conversation with its user (it polls
 * GET requests for status), so there is no reply address: Intake writes to no one on its behalf.
 */
export function toInboundMessage(report: Open311Report): InboundMessageInput {
  const name = [report.first_name, report.last_name].filter(Boolean).join(' ');
  return {
    channel: 'open311',
    sender: {
      name: name || null,
      phone: report.phone ?? null,
      email: report.email ?? null,
      // lets dedupe tell "the same app user again" apart when there is no phone or email
      handle: report.account_id ?? report.device_id ?? null,
    },
    text: report.description ?? '',
    service_code: report.service_code ?? null,
    address: report.address_string ?? null,
    point: point(report),
    media: report.media_url === undefined ? [] : [{ url: report.media_url }],
    context: given({ address_id: report.address_id, device_id: report.device_id, account_id: report.account_id }),
  };
}
