import type { CrmStatus } from '@intake/core';
import { callCrm } from '../http.js';
import { parseAnswer } from './answers.js';
import { crmCall, endpoint, refusal } from './client.js';
import type { Open311Options } from './options.js';

/** GET requests.{format}?service_request_id=a,b,c: what the CRM says now, one entry per request it knows. */
export async function pollStatus(options: Open311Options, externalIds: string[]): Promise<CrmStatus[]> {
  if (externalIds.length === 0) return [];
  const call = crmCall(
    options,
    endpoint(options, 'requests', { jurisdiction_id: options.jurisdiction_id, service_request_id: externalIds.join(',') }),
  );
  const answer = await callCrm(call);
  if (!answer.ok) throw refusal(call, answer);
  const asked = new Set(externalIds);
  return parseAnswer(answer.text).requests.flatMap((fields): CrmStatus[] => {
    const id = fields.service_request_id;
    // San Francisco writes "Open" and "Closed"
    const status = fields.status?.toLowerCase();
    if (!id || !asked.has(id) || !status) return [];
    return [{ external_id: id, status, notes: fields.status_notes ?? null, closed: status === 'closed' }];
  });
}
