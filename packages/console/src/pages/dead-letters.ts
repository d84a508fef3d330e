import { badRequest, notFound, type LoadedConfig } from '@intake/core';
import type { DeadLetterEntry, IntakeRouter } from '@intake/router';
import type { Request, Response } from 'express';
import { html, page, postForm } from '../html.js';
import { localDateTime } from '../local-dates.js';

export interface DeadLetterDeps {
  config: LoadedConfig;
  router: IntakeRouter;
}

/** Shown at most on one page; replay-all and purge-all act on every entry, not only those shown. */
const SHOWN = 500;

const entryPath = (entry: DeadLetterEntry) => `/admin/dead-letters/${encodeURIComponent(entry.entry_id)}`;

function destinationOf(config: LoadedConfig, value: unknown): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !(value in config.router.destinations)) throw badRequest('destination: not a configured destination');
  return value;
}

export function deadLetterPages({ config, router }: DeadLetterDeps) {
  const when = (iso: string) => localDateTime(Date.parse(iso), config.jurisdiction.timezone);
  const back = (res: Response, done: string, destination?: string) =>
    res.redirect(303, `/admin/dead-letters?${new URLSearchParams({ ...(destination && { destination }), done }).toString()}`);

  return {
    async list(req: Request, res: Response, ctx: { user: string; csrf: string }) {
      const destination = destinationOf(config, req.query.destination);
      const entries = (await router.deadLetters(SHOWN)).filter((entry) => destination === undefined || entry.destination === destination);
      const byError = new Map<string, number>();
      for (const entry of entries)
        byError.set(`${entry.destination}\u0000${entry.error}`, (byError.get(`${entry.destination}\u0000${entry.error}`) ?? 0) + 1);
      const destinations = Object.keys(config.router.destinations);
      const body = html`
        ${typeof req.query.done === 'string' ? html`<p class="notice" role="status">${req.query.done}</p>` : ''}
        <form method="get" action="/admin/dead-letters" class="filters"><div><label for="destination">Destination</label><select id="destination" name="destination"><option value="">all</option>${destinations.map(
          (name) => html`<option${name === destination ? html` selected` : ''}>${name}</option>`,
        )}</select></div><div class="go"><button type="submit">Show</button></div></form>
        <div class="actions">
          ${postForm('/admin/dead-letters/replay-all', ctx.csrf, destination === undefined ? 'Replay all' : `Replay all of ${destination}`, destination === undefined ? {} : { destination })}
          ${postForm('/admin/dead-letters/purge-all', ctx.csrf, destination === undefined ? 'Purge all' : `Purge all of ${destination}`, destination === undefined ? {} : { destination })}
        </div>
        <h2>By destination and error</h2>
        ${
          byError.size === 0
            ? html`<p class="empty">No dead letters${destination === undefined ? '' : ` for ${destination}`}.</p>`
            : html`<div class="table"><table><thead><tr><th scope="col">Destination</th><th scope="col">Error</th><th scope="col">Entries</th></tr></thead><tbody>${[
                ...byError,
              ].map(([key, n]) => {
                const [name, error] = key.split('\u0000');
                return html`<tr><td>${name}</td><td>${error}</td><td>${n}</td></tr>`;
              })}</tbody></table></div>`
        }
        <h2>Entries</h2>
        ${
          entries.length === 0
            ? ''
            : html`<div class="table"><table><thead><tr><th scope="col">Request</th><th scope="col">Destination</th><th scope="col">Failed</th><th scope="col">Attempts</th><th scope="col">Error</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead><tbody>${entries.map(
                (
                  entry,
                ) => html`<tr><td><a href="/admin/requests/${entry.id}">${entry.id}</a></td><td>${entry.destination}</td><td>${when(entry.failed_at)}</td><td>${entry.attempts}</td><td>${entry.error}</td>
            <td><a href="${entryPath(entry)}">Inspect</a> ${postForm(`${entryPath(entry)}/replay`, ctx.csrf, 'Replay')} ${postForm(`${entryPath(entry)}/purge`, ctx.csrf, 'Purge')}</td></tr>`,
              )}</tbody></table></div>`
        }`;
      res.type('html').send(page({ title: 'Dead letters', town: config.jurisdiction.name, ...ctx }, body));
    },

    async inspect(req: Request, res: Response, ctx: { user: string; csrf: string }) {
      const [entry] = await router.findDeadLetters(String(req.params.entry));
      if (entry === undefined) throw notFound(`no dead letter ${String(req.params.entry)}`);
      const body = html`<div class="card"><dl class="fields"><dt>Entry</dt><dd>${entry.entry_id}</dd><dt>Request</dt><dd><a href="/admin/requests/${entry.id}">${entry.id}</a></dd>
        <dt>Destination</dt><dd>${entry.destination}</dd><dt>Failed</dt><dd>${when(entry.failed_at)}</dd><dt>Attempts</dt><dd>${entry.attempts}</dd><dt>Error</dt><dd>${entry.error}</dd></dl></div>
        <div class="actions">${postForm(`${entryPath(entry)}/replay`, ctx.csrf, 'Replay')} ${postForm(`${entryPath(entry)}/purge`, ctx.csrf, 'Purge')}</div>`;
      res.type('html').send(page({ title: 'Dead letter', town: config.jurisdiction.name, ...ctx }, body));
    },

    /** An entry id, or a request id for every entry of that request. */
    async replay(req: Request, res: Response) {
      const entries = await router.findDeadLetters(String(req.params.entry));
      if (entries.length === 0) throw notFound(`no dead letter ${String(req.params.entry)}`);
      for (const entry of entries) await router.replay(entry.entry_id);
      back(res, `Replayed ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}.`);
    },
    async purge(req: Request, res: Response) {
      const entries = await router.findDeadLetters(String(req.params.entry));
      if (entries.length === 0) throw notFound(`no dead letter ${String(req.params.entry)}`);
      for (const entry of entries) await router.purge({ entry_id: entry.entry_id });
      back(res, `Purged ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}.`);
    },
    async replayAll(req: Request, res: Response) {
      const destination = destinationOf(config, req.body?.destination);
      back(res, `Replayed ${await router.replayAll(destination)} entries.`, destination);
    },
    async purgeAll(req: Request, res: Response) {
      const destination = destinationOf(config, req.body?.destination);
      back(res, `Purged ${await router.purge(destination === undefined ? {} : { destination })} entries.`, destination);
    },
  };
}
