import type { ServiceDefinition } from '@intake/core';
import type { InputBlock, ModalView, PlainTextOption } from '@slack/types';
import { z } from 'zod';

/** The report form's callback id: its submissions come back under it. */
export const REPORT_VIEW = 'intake_report';
/** The action id of the service select; a long catalogue is searched through it (block_suggestion). */
export const SERVICE_ACTION = 'service';

const BLOCK = { description: 'description', service: 'service', address: 'address', photo: 'photo' } as const;
const TEXT_ACTION = 'value';

// Slack's own limits for a select's options and a text input
const MAX_OPTIONS = 100;
const MAX_OPTION_TEXT = 75;
const MAX_DESCRIPTION = 3000;
const MAX_ADDRESS = 500;

/** Where the form was opened from: kept in the view's private_metadata until it is submitted. */
export const FormOrigin = z.object({
  channel: z.string().max(50).optional(),
  message_ts: z.string().max(50).optional(),
  message_author: z.string().max(50).optional(),
});
export type FormOrigin = z.infer<typeof FormOrigin>;

export interface FormPrefill {
  description?: string;
  photo?: string;
}

const plain = (text: string) => ({ type: 'plain_text' as const, text });

function serviceOption(service: ServiceDefinition): PlainTextOption {
  const name = service.name.length > MAX_OPTION_TEXT ? `${service.name.slice(0, MAX_OPTION_TEXT - 1)}…` : service.name;
  return { text: plain(name), value: service.code };
}

/** The catalogue in a static select when Slack's 100-option limit allows (grouped as configured), else a searched one. */
function serviceSelect(services: ServiceDefinition[]): InputBlock['element'] {
  const placeholder = plain('Choose a service, or leave it to us');
  if (services.length > MAX_OPTIONS) return { type: 'external_select', action_id: SERVICE_ACTION, placeholder, min_query_length: 1 };
  if (!services.some((service) => service.group !== undefined)) {
    return { type: 'static_select', action_id: SERVICE_ACTION, placeholder, options: services.map(serviceOption) };
  }
  const groups = new Map<string, PlainTextOption[]>();
  for (const service of services) {
    const group = service.group ?? 'Other';
    groups.set(group, [...(groups.get(group) ?? []), serviceOption(service)]);
  }
  const option_groups = [...groups].map(([label, options]) => ({ label: plain(label.slice(0, MAX_OPTION_TEXT)), options }));
  return { type: 'static_select', action_id: SERVICE_ACTION, placeholder, option_groups };
}

/** Services whose name, code or keywords contain what was typed: the answer to a long catalogue's search. */
export function searchServices(services: ServiceDefinition[], query: string): PlainTextOption[] {
  const wanted = query.trim().toLowerCase();
  return services
    .filter((service) => [service.name, service.code, ...service.keywords].some((word) => word.toLowerCase().includes(wanted)))
    .slice(0, MAX_OPTIONS)
    .map(serviceOption);
}

/** The report form: what, which service, where, and a photo link; prefilled from the command or the message. */
export function reportForm(services: ServiceDefinition[], prefill: FormPrefill, origin: FormOrigin): ModalView {
  const description = prefill.description?.slice(0, MAX_DESCRIPTION) || undefined;
  return {
    type: 'modal',
    callback_id: REPORT_VIEW,
    private_metadata: JSON.stringify(origin),
    title: plain('Report a problem'),
    submit: plain('Send'),
    close: plain('Cancel'),
    blocks: [
      {
        type: 'input',
        block_id: BLOCK.description,
        label: plain('What is the problem?'),
        element: {
          type: 'plain_text_input',
          action_id: TEXT_ACTION,
          multiline: true,
          max_length: MAX_DESCRIPTION,
          initial_value: description,
        },
      },
      { type: 'input', block_id: BLOCK.service, optional: true, label: plain('Service'), element: serviceSelect(services) },
      {
        type: 'input',
        block_id: BLOCK.address,
        optional: true,
        label: plain('Where is it?'),
        hint: plain('A street address or the nearest intersection'),
        element: { type: 'plain_text_input', action_id: TEXT_ACTION, max_length: MAX_ADDRESS },
      },
      {
        type: 'input',
        block_id: BLOCK.photo,
        optional: true,
        label: plain('Photo link'),
        element: { type: 'url_text_input', action_id: TEXT_ACTION, initial_value: prefill.photo },
      },
    ],
  };
}

const TextValue = z.object({ value: z.string().nullish() }).optional();
const SubmittedState = z.object({
  [BLOCK.description]: z.object({ [TEXT_ACTION]: TextValue }).optional(),
  [BLOCK.service]: z
    .object({ [SERVICE_ACTION]: z.object({ selected_option: z.object({ value: z.string() }).nullish() }).optional() })
    .optional(),
  [BLOCK.address]: z.object({ [TEXT_ACTION]: TextValue }).optional(),
  [BLOCK.photo]: z.object({ [TEXT_ACTION]: TextValue }).optional(),
});

export interface ReportFields {
  description: string;
  service_code: string | null;
  address: string | null;
  photo: string | null;
}

export type Submission = { ok: true; fields: ReportFields } | { ok: false; errors: Record<string, string> };

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** The form's answers, checked again here (a submission is only as good as its payload); problems are shown beside their field. */
export function readSubmission(values: unknown, services: ServiceDefinition[]): Submission {
  const state = SubmittedState.safeParse(values);
  if (!state.success) return { ok: false, errors: { [BLOCK.description]: 'The form could not be read; please open it again.' } };
  const form = state.data;
  const fields: ReportFields = {
    description: blankToNull(form.description?.value?.value) ?? '',
    service_code: form.service?.service?.selected_option?.value ?? null,
    address: blankToNull(form.address?.value?.value)?.slice(0, MAX_ADDRESS) ?? null,
    photo: blankToNull(form.photo?.value?.value),
  };
  const errors: Record<string, string> = {};
  if (fields.description === '') errors[BLOCK.description] = 'Please say what the problem is.';
  if (fields.service_code !== null && !services.some((service) => service.code === fields.service_code))
    errors[BLOCK.service] = 'Please choose a service from the list.';
  if (fields.photo !== null && !/^https?:\/\/\S+$/i.test(fields.photo)) errors[BLOCK.photo] = 'A web link, starting with https://';
  return Object.keys(errors).length === 0
    ? { ok: true, fields: { ...fields, description: fields.description.slice(0, MAX_DESCRIPTION) } }
    : { ok: false, errors };
}

/** The form's origin from private_metadata; anything unreadable is no origin, not an error. */
export function readOrigin(metadata: string | undefined): FormOrigin {
  try {
    const origin = FormOrigin.safeParse(JSON.parse(metadata ?? '{}'));
    return origin.success ? origin.data : {};
  } catch {
    return {};
  }
}
