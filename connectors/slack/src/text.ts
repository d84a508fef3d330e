/** What `<…>` holds in Slack's markup: a user, a channel, a special mention, or a link, each with an optional label. */
function plainToken(inner: string, botUserId: string | null): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? null : inner.slice(bar + 1);
  if (target.startsWith('@')) return target.slice(1) === botUserId ? '' : `@${label ?? target.slice(1)}`;
  if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
  // <!here>, <!channel>, <!subteam^ID|@crew>: only a label means something to a reader
  if (target.startsWith('!')) return label ?? '';
  if (target.startsWith('mailto:')) return label ?? target.slice('mailto:'.length);
  // a link keeps its address: a pasted map link is where the problem is
  return label === null || label === target ? target : `${label} (${target})`;
}

/** Slack's message markup as a person wrote it: mentions and links made plain (the bot's own mention dropped), entities decoded. */
export function plainText(markup: string, botUserId: string | null = null): string {
  return markup
    .replace(/<([^<>]+)>/g, (_match, inner: string) => plainToken(inner, botUserId))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** Text for Slack's markup: `&`, `<` and `>` escaped, so that nothing we relay can mention @channel or forge a link. */
export const escapeMarkup = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
