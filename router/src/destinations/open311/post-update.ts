import { PermanentDeliveryError, type DeliveryEvent, type Receipt, type ServiceRequest } from '@intake/core';
import { callCrm, describeCall } from '../http.js';
import { parseAnswer } from './answers.js';
import { crmCall, endpoint, httpUrl, nameParts, refusal, DESCRIPTION_MAX } from './client.js';
import type { Open311Options } from './options.js';

/**
 * What was added to a request the CRM took, as FixMyStreet's Open311 client sends it (perllib/Open311.pm,
 * post_service_request_update): `POST servicerequestupdates` naming the CRM's own id for the request. The status is
 * left out: a citizen adding a photo neither reopens nor closes anything.
 */
function form(options: Open311Options, request: ServiceRequest, serviceRequestId: string): URLSearchParams {
  const update = request.update!;
  const byCitizen = update.from === 'citizen';
  const fields: Record<string, string | undefined> = {
    api_key: options.api_key,
    jurisdiction_id: options.jurisdiction_id,
    service_request_id: serviceRequestId,
    update_id_ext: update.id,
    updated_datetime: update.at,
    description: update.note.slice(0, DESCRIPTION_MAX) || undefined,
    media_url: update.media.find((media) => httpUrl(media.url))?.url,
    ...(byCitizen
      ? { email: request.reporter.email ?? undefined, phone: request.reporter.phone ?? undefined, ...nameParts(request.reporter.name) }
      : {}),
  };
  return new URLSearchParams(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** Sends an update of a request the CRM took; its answer's `update_id` is the receipt's. */
export async function deliverUpdate(
  options: Open311Options,
  request: ServiceRequest,
  taken: Receipt,
  event: DeliveryEvent,
): Promise<Receipt> {
  const serviceRequestId = taken.external_id;
  if (!serviceRequestId) throw new PermanentDeliveryError('the CRM gave no service_request_id for this request: an update cannot name it');
  const call = crmCall(options, endpoint(options, 'servicerequestupdates'), {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Idempotency-Key': event.idempotency_key },
    body: form(options, request, serviceRequestId),
  });
  const answer = await callCrm(call);
  if (!answer.ok) throw refusal(call, answer);
  const { requests, errors } = parseAnswer(answer.text);
  if (errors.length > 0)
    throw new PermanentDeliveryError(`${describeCall(call.method, call.url)} answered ${answer.status} with errors: ${errors.join('; ')}`);
  return { status: answer.status, external_id: serviceRequestId, update_id: requests[0]?.update_id ?? null };
}
