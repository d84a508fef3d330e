import type { PluginSchemas } from '@intake/core';
import { z } from 'zod';

/** The part of a JSON Schema (zod's toJSONSchema) a key table reads. */
interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  default?: unknown;
  enum?: unknown[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
}

const typeOf = (node: SchemaNode): string => {
  if (node.enum !== undefined) return node.enum.map((value) => JSON.stringify(value)).join(' or ');
  if (node.anyOf !== undefined) return node.anyOf.map(typeOf).join(' or ');
  if (node.type === 'array' && node.items !== undefined) return `list of ${typeOf(node.items)}`;
  return [node.type ?? 'any'].flat().join(' or ');
};

/** One row per key, nested objects as dotted keys: `imap.host`. */
function rowsOf(node: SchemaNode, at: string[]): string[][] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => {
    const name = [...at, key].join('.');
    // a section's default is its keys' defaults, listed on their own rows
    const fallback = child.default === undefined || child.properties !== undefined ? '' : cell(JSON.stringify(child.default));
    const own = [cell(name), typeOf(child), required.has(key) ? 'required' : fallback];
    return child.properties === undefined ? [own] : [own, ...rowsOf(child, [...at, key])];
  });
}

const cell = (text: string) => (text === '' ? '' : `\`${text.replace(/\|/g, '\\|')}\``);

/**
 * Every key each registered connector takes under `channels.<key>`, as a Markdown table read from the connectors'
 * own zod schemas: what `intake config keys` prints and the README holds, so the two cannot drift apart.
 */
export function channelKeysTable(channels: NonNullable<PluginSchemas['channels']>): string {
  const rows = Object.entries(channels.settings).flatMap(([channel, schema]) => {
    const node = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as SchemaNode;
    const keys = rowsOf(node, []);
    return keys.length === 0 ? [`| \`${channel}\` | (none) | | |`] : keys.map((row) => `| \`${channel}\` | ${row.join(' | ')} |`);
  });
  return ['| channel | key | type | default, or required |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
