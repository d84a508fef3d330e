import { PermanentDeliveryError, type DeliveryEvent, type Logger, type Receipt, type ServiceRequest } from '@intake/core';
import { callCrm, describeCall } from '../http.js';
import { parseAnswer, type Open311Fields } from './answers.js';
import { DESCRIPTION_MAX, crmCall, endpoint, httpUrl, nameParts, refusal } from './client.js';
import type { Open311Options } from './options.js';

function serviceCodeFor(options: Open311Options, request: ServiceRequest): string {
  const code =
    request.service_code === null ? options.default_service_code : (options.service_code_map[request.service_code] ?? request.service_code);
  if (code === undefined)
    throw new PermanentDeliveryError('the request has no service code and the destination sets no default_service_code');
  return code;
}

/** GeoReport v2 "POST Service Request" arguments, form-encoded as the spec has them. */
function form(options: Open311Options, request: ServiceRequest): URLSearchParams {
  const { location, reporter } = request;
  const fields: Record<string, string | undefined> = {
    api_key: options.api_key,
    jurisdiction_id: options.jurisdiction_id,
    service_code: serviceCodeFor(options, request),
    lat: location.lat === null ? undefined : String(location.lat),
    long: location.long === null ? undefined : String(location.long),
    address_string: location.address ?? undefined,
    description: request.description.slice(0, DESCRIPTION_MAX) || undefined,
    email: reporter.email ?? undefined,
    ...nameParts(reporter.name),
    phone: reporter.phone ?? undefined,
    media_url: request.media.find((media) => httpUrl(media.url))?.url,
  };
  return new URLSearchParams(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** A token is the CRM's promise of an id: asks once for it (GET tokens/{token}); null while the CRM has none yet. */
async function resolveToken(options: Open311Options, token: string, log: Logger): Promise<string | null> {
  try {
    const answer = await callCrm(
      crmCall(options, endpoint(options, `tokens/${encodeURIComponent(token)}`, { jurisdiction_id: options.jurisdiction_id })),
    );
    const id = answer.ok
      ? (parseAnswer(answer.text).requests.find((fields) => fields.service_request_id)?.service_request_id ?? null)
      : null;
    if (id === null)
      log.warn({ token, status: answer.status }, 'open311 token not resolved yet: the request is delivered without the CRM id');
    return id;
  } catch (error) {
    log.warn({ token, err: (error as Error).message }, 'open311 token lookup failed: the request is delivered without the CRM id');
    return null;
  }
}

async function receiptFrom(options: Open311Options, status: number, created: Open311Fields | undefined, log: Logger): Promise<Receipt> {
  const notice = created?.service_notice ?? null;
  const id = created?.service_request_id ?? null;
  const token = created?.token ?? null;
  if (id === null && token !== null) return { status, external_id: await resolveToken(options, token, log), token, service_notice: notice };
  // the CRM took it (a 2xx): a retry would file it twice, so it is delivered without an id
  if (id === null) log.warn({ status }, 'open311 answer named no service_request_id or token');
  return { status, external_id: id, service_notice: notice };
}

export async function deliver(options: Open311Options, request: ServiceRequest, event: DeliveryEvent, log: Logger): Promise<Receipt> {
  const call = crmCall(options, endpoint(options, 'requests'), {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Idempotency-Key': event.idempotency_key },
    body: form(options, request),
  });
  const answer = await callCrm(call);
  if (!answer.ok) throw refusal(call, answer);
  const { requests, errors } = parseAnswer(answer.text);
  // some servers answer an error list with a 200
  if (errors.length > 0)
    throw new PermanentDeliveryError(`${describeCall(call.method, call.url)} answered ${answer.status} with errors: ${errors.join('; ')}`);
  return receiptFrom(options, answer.status, requests[0], log);
}
