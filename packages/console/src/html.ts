import escapeHtml from 'escape-html';

/** A piece of markup already escaped; only `html` makes one, so text can never be mistaken for it. */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

type Part = Html | string | number | null | undefined | false | Part[];

const render = (part: Part): string => {
  if (part === null || part === undefined || part === false) return '';
  if (Array.isArray(part)) return part.map(render).join('');
  return part instanceof Html ? part.value : escapeHtml(String(part));
};

/** Tagged template that escapes every interpolated value unless it is Html already. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  return new Html(strings.reduce((out, text, i) => out + text + (i < parts.length ? render(parts[i]) : ''), ''));
}

/** +14035550123 -> +1•••••••123 ; a.person@example.org -> a•••@example.org: enough to recognise, not to contact. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  return phone.length <= 5 ? '•••' : `${phone.slice(0, 2)}${'•'.repeat(phone.length - 5)}${phone.slice(-3)}`;
}

export function maskEmail(email: string | null): string | null {
  if (email === null) return null;
  const at = email.lastIndexOf('@');
  return at <= 0 ? '•••' : `${email[0]}•••${email.slice(at)}`;
}

export interface PageContext {
  title: string;
  /** the signed-in operator, shown with the sign-out form */
  user?: string;
  csrf?: string;
  /** the jurisdiction's name */
  town: string;
  /** extra scripts served from /admin/assets */
  scripts?: string[];
}

/** A form that changes something: always POST, always with the session's CSRF token. */
export function postForm(action: string, csrf: string, label: string, fields: Record<string, string> = {}, className = 'inline'): Html {
  return html`<form method="post" action="${action}" class="${className}"><input type="hidden" name="_csrf" value="${csrf}">${Object.entries(
    fields,
  ).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}<button type="submit">${label}</button></form>`;
}

export function page(ctx: PageContext, body: Html): string {
  const nav =
    ctx.user === undefined
      ? ''
      : html`<nav aria-label="Console"><a href="/admin">Requests</a><a href="/admin/dead-letters">Dead letters</a><a href="/admin/queues">Queues</a><a href="/admin/reports">Reports</a>
      <span class="who">${ctx.user}</span>${postForm('/admin/sign-out', ctx.csrf ?? '', 'Sign out')}</nav>`;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${ctx.title} · Intake · ${ctx.town}</title><link rel="stylesheet" href="/admin/assets/console.css"></head>
<body><header><a class="brand" href="/admin">Intake <span>${ctx.town}</span></a>${nav}</header>
<main id="main"><h1>${ctx.title}</h1>${body}</main>
${(ctx.scripts ?? []).map((src) => html`<script src="/admin/assets/${src}" defer></script>`)}
</body></html>`.value;
}
