import { XMLParser } from 'fast-xml-parser';

/** One `<request>` (or JSON object) of an Open311 answer, every field as trimmed text or null. */
export type Open311Fields = Record<string, string | null>;

/** What an Open311 server answered: requests (created, looked up, resolved from a token) or updates, or an error list. */
export interface Open311Answer {
  requests: Open311Fields[];
  errors: string[];
}

// Every value stays text ("001" is a service code, not 1); repeated elements are lists even when there is one.
const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) => name === 'request' || name === 'request_update' || name === 'error',
});

/** Text of a field; empty elements, `xsi:nil` ones and JSON nulls are all "not given". */
function fieldText(value: unknown): string | null {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

const fieldsOf = (item: unknown): Open311Fields =>
  item !== null && typeof item === 'object' ? Object.fromEntries(Object.entries(item).map(([key, value]) => [key, fieldText(value)])) : {};

const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value];

/** `[{ code, description }]`, or an error as some servers write it: `{ description }` or plain text. */
const errorText = (item: unknown) => {
  const fields = fieldsOf(item);
  return fields.description ?? fieldText(item) ?? (fields.code ? `error ${fields.code}` : 'error');
};

function fromJson(json: unknown): Open311Answer {
  const items = asList(json);
  const isError = (item: unknown) => {
    const fields = fieldsOf(item);
    return fields.description !== undefined && fields.code !== undefined && !fields.service_request_id && !fields.token;
  };
  return { requests: items.filter((item) => !isError(item)).map(fieldsOf), errors: items.filter(isError).map(errorText) };
}

function fromXml(xml: string): Open311Answer {
  const document = parser.parse(xml) as Record<string, unknown>;
  const root = Object.keys(document).find((key) => !key.startsWith('?'));
  const body = root === undefined ? undefined : (document[root] as Record<string, unknown> | string);
  const children = typeof body === 'object' && body !== null ? body : {};
  if (root === 'errors') return { requests: [], errors: asList(children.error).map(errorText) };
  // `<error>Invalid api_key received</error>` as the whole answer (Code for America's 403)
  if (root === 'error') return { requests: [], errors: asList(body).map(errorText) };
  // `<service_request_updates><request_update>` answers a posted update as `<service_requests><request>` a request
  return { requests: asList(children.request ?? children.request_update).map(fieldsOf), errors: [] };
}

/** Reads a JSON or XML answer, whichever it is (servers do not always honour the format asked for); unreadable is empty. */
export function parseAnswer(text: string): Open311Answer {
  const trimmed = text.trim();
  try {
    return trimmed.startsWith('<') ? fromXml(trimmed) : fromJson(JSON.parse(trimmed));
  } catch {
    return { requests: [], errors: [] };
  }
}
