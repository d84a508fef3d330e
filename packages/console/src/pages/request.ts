import { badRequest, notFound, type DeliveryState, type LoadedConfig, type RequestStore, type StoredRequest } from '@intake/core';
import type { IntakeRouter } from '@intake/router';
import type { Request, Response } from 'express';
import { html, maskEmail, maskPhone, page, postForm, type Html } from '../html.js';
import { localDateTime } from '../local-dates.js';
import type { RequestIndex } from '../search/request-index.js';
import { mapSvg, type TownMap } from '../town-map.js';
import { serviceName } from './list.js';

export interface RequestPageDeps {
  config: LoadedConfig;
  store: RequestStore;
  router: IntakeRouter;
  index: RequestIndex;
  map: TownMap | null;
}

/** A request by its id or by the reference the citizen quotes. */
async function findRequest(deps: RequestPageDeps, idOrReference: string): Promise<StoredRequest> {
  const found = await deps.store.find(idOrReference);
  if (found === null) throw notFound(`no request ${idOrReference}`);
  return found;
}

const at = (config: LoadedConfig, iso: string) => localDateTime(Date.parse(iso), config.jurisdiction.timezone);

function recordCard(config: LoadedConfig, stored: StoredRequest): Html {
  const { record } = stored;
  const field = (label: string, value: Html | string | number | null | undefined) => html`<dt>${label}</dt><dd>${value ?? '—'}</dd>`;
  return html`<section class="card" aria-labelledby="record-h"><h2 id="record-h">Record</h2><dl class="fields">
    ${field('Received', at(config, record.received_at))}${field('Channel', record.channel)}
    ${field('Service', `${serviceName(config, record.service_code)}${stored.service_confidence === null ? '' : ` (${Math.round(stored.service_confidence * 100)}% sure)`}`)}
    ${field('Description', record.description)}
    ${field('Address', record.location.address)}${field('Precision', record.location.precision)}
    ${field('Point', record.location.lat === null ? null : `${record.location.lat}, ${record.location.long}`)}
    ${field('In town', record.location.in_jurisdiction === null ? null : record.location.in_jurisdiction ? 'yes' : 'no')}
    ${field('Reporter', [record.reporter.name, maskPhone(record.reporter.phone), maskEmail(record.reporter.email)].filter(Boolean).join(' · ') || null)}
    ${field('Rule', record.routing.rule ?? '(default)')}${field('Priority', record.routing.priority)}
    ${field('State', stored.state)}${field('CRM id', stored.crm.external_id)}
  </dl></section>`;
}

function timelineCard(config: LoadedConfig, stored: StoredRequest): Html {
  const line = (event: StoredRequest['timeline'][number]) =>
    event.kind === 'status'
      ? html`<li><strong>${event.status.replace('_', ' ')}</strong> (CRM: ${event.crm_status})${event.note === null ? '' : html` — ${event.note}`}<small>${at(config, event.at)}</small></li>`
      : event.kind === 'passed_on'
        ? html`<li>Passed on to ${event.team ?? event.destination}<small>${at(config, event.at)}</small></li>`
        : html`<li>Update from ${event.from}: ${event.note}<small>${at(config, event.at)}</small></li>`;
  return html`<section class="card" aria-labelledby="timeline-h"><h2 id="timeline-h">CRM statuses</h2>
    ${stored.timeline.length === 0 ? html`<p class="empty">No status from a CRM yet.</p>` : html`<ol class="timeline">${stored.timeline.map(line)}</ol>`}</section>`;
}

function deliveriesCard(config: LoadedConfig, deliveries: DeliveryState[], csrf: string, id: string): Html {
  const rows = deliveries.map(
    (
      d,
    ) => html`<tr><td>${d.destination}</td><td><span class="status status-${d.status === 'dead' ? 'failed' : d.status}">${d.status}</span></td><td>${d.attempts}</td>
      <td>${at(config, d.updated_at)}</td><td>${d.error ?? ''}</td><td>${postForm(`/admin/requests/${id}/resend`, csrf, `Resend to ${d.destination}`, { destination: d.destination })}</td></tr>`,
  );
  return html`<section class="card" aria-labelledby="deliveries-h"><h2 id="deliveries-h">Deliveries</h2>
    ${deliveries.length === 0 ? html`<p class="empty">Not routed to any destination yet.</p>` : html`<div class="table"><table><thead><tr><th scope="col">Destination</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last change</th><th scope="col">Error</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead><tbody>${rows}</tbody></table></div>`}
  </section>`;
}

export function requestPage(deps: RequestPageDeps) {
  const { config, store, index } = deps;
  return async (req: Request, res: Response, ctx: { user: string; csrf: string }) => {
    const stored = await findRequest(deps, String(req.params.id));
    const { record } = stored;
    const id = record.id;
    const [deliveries, conversation, duplicates] = await Promise.all([
      store.deliveries(id),
      store.conversation(id),
      index.search({ duplicate_of: id, limit: 50 }),
    ]);
    const { reference } = record;
    const point =
      record.location.lat !== null && record.location.long !== null && deps.map !== null
        ? mapSvg(
            deps.map,
            [{ lat: record.location.lat, long: record.location.long, label: record.location.address ?? 'reported point' }],
            `Where request ${reference} was reported`,
          )
        : html`<p class="empty">No point on the map.</p>`;
    const photos =
      record.media.length === 0
        ? html`<p class="empty">No photos.</p>`
        : html`<div class="photos">${record.media.map((m) =>
            m.content_type?.startsWith('image/')
              ? html`<a href="${m.url}"><img src="${m.url}" alt="Photo sent with the report${m.name ? `: ${m.name}` : ''}"></a>`
              : html`<a href="${m.url}">${m.name ?? m.url}</a>`,
          )}</div>`;
    const turns =
      conversation.length === 0
        ? html`<ol class="conversation"><li class="citizen">${record.description}<small>${record.channel} · ${at(config, record.received_at)}</small></li></ol>`
        : html`<ol class="conversation">${conversation.map((turn) => html`<li class="${turn.from}"><span class="visually-hidden">${turn.from === 'citizen' ? 'Citizen' : 'Intake'}: </span>${turn.text}<small>${turn.from === 'intake' ? `Intake, ${turn.kind}` : 'citizen'} · ${turn.channel} · ${at(config, turn.at)}</small></li>`)}</ol>`;
    const duplicateOf =
      record.duplicate_of === null
        ? ''
        : html`<p>Duplicate of <a href="/admin/requests/${record.duplicate_of}">${record.duplicate_of}</a>. ${postForm(`/admin/requests/${id}/not-duplicate`, ctx.csrf, 'Not a duplicate')}</p>`;
    const destinations = Object.keys(config.router.destinations);
    const body = html`
      ${req.query.done ? html`<p class="notice" role="status">${String(req.query.done)}</p>` : ''}
      <div class="actions">
        ${postForm(`/admin/requests/${id}/reroute`, ctx.csrf, 'Re-route (run the rules again)')}
        <form method="post" action="/admin/requests/${id}/resend"><input type="hidden" name="_csrf" value="${ctx.csrf}">
          <div><label for="resend-to">Destination</label><select id="resend-to" name="destination">${destinations.map((name) => html`<option>${name}</option>`)}</select></div><button type="submit">Resend</button></form>
      </div>
      <div class="grid">${recordCard(config, stored)}<section class="card" aria-labelledby="map-h"><h2 id="map-h">Map</h2>${point}</section></div>
      <section class="card" aria-labelledby="conversation-h"><h2 id="conversation-h">Conversation</h2>${turns}</section>
      <section class="card" aria-labelledby="photos-h"><h2 id="photos-h">Photos</h2>${photos}</section>
      ${timelineCard(config, stored)}
      ${deliveriesCard(config, deliveries, ctx.csrf, id)}
      <section class="card" aria-labelledby="duplicates-h"><h2 id="duplicates-h">Duplicates</h2>${duplicateOf}
        ${duplicates.length === 0 ? html`<p class="empty">No later report was found to repeat this one.</p>` : html`<ul>${duplicates.map((d) => html`<li><a href="/admin/requests/${d.id}">${d.reference}</a> · ${localDateTime(d.received_at, config.jurisdiction.timezone)} · ${d.description.slice(0, 80)}</li>`)}</ul>`}
      </section>`;
    res.type('html').send(page({ title: `Request ${reference}`, town: config.jurisdiction.name, ...ctx }, body));
  };
}

/** The request page's actions; each answers with the page again and a line saying what was done. */
export function requestActions(deps: RequestPageDeps) {
  const back = (res: Response, id: string, done: string) => res.redirect(303, `/admin/requests/${id}?done=${encodeURIComponent(done)}`);
  return {
    async reroute(req: Request, res: Response) {
      const { record } = await findRequest(deps, String(req.params.id));
      const decision = await deps.router.route(record.id);
      back(res, record.id, `Routed again: rule ${decision.rule ?? '(default)'}, to ${decision.deliver_to.join(', ') || 'no destination'}.`);
    },
    async resend(req: Request, res: Response) {
      const { record } = await findRequest(deps, String(req.params.id));
      const destination = req.body?.destination;
      if (typeof destination !== 'string' || destination === '') throw badRequest('destination: say which destination to resend to');
      await deps.router.resend(record.id, destination);
      back(res, record.id, `Queued again for ${destination}.`);
    },
    async notDuplicate(req: Request, res: Response) {
      const { record } = await findRequest(deps, String(req.params.id));
      if (record.duplicate_of === null) throw badRequest('this request is not marked as a duplicate');
      await deps.store.update(record.id, (stored) => ({
        ...stored,
        record: { ...stored.record, duplicate_of: null, event: 'service_request.created' },
      }));
      // a rule may have held duplicates back: the rules run again on the corrected record
      const decision = await deps.router.route(record.id);
      back(res, record.id, `No longer a duplicate; routed to ${decision.deliver_to.join(', ') || 'no destination'}.`);
    },
  };
}
