import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fold } from '../language.js';
import { parseStreetName } from '../streets.js';

const CorpusEntry = z.object({
  id: z.string(),
  channel: z.string(),
  text: z.string(),
  subject: z.string().nullish(),
  sender: z.object({ phone: z.string().nullish(), email: z.string().nullish() }).nullish(),
  received_at: z.string().nullish(),
  expected: z.object({
    service_code: z.string().nullable(),
    /** absent in a classification-only corpus, which labels no places */
    address: z.string().nullable().optional(),
    precision: z.enum(['address', 'intersection', 'street', 'coordinates', 'none']).optional(),
    lat: z.number().nullable().optional(),
    long: z.number().nullable().optional(),
    intent: z.enum(['report', 'question']).optional(),
  }),
  dedupe_group: z.string().nullable().default(null),
  lang: z.string().optional(),
});
export type CorpusEntry = z.infer<typeof CorpusEntry>;

/**
 * The half an entry belongs to, from a hash of its id: fixed, about half each, unrelated to content. Members of a
 * dedupe group go together (hashed by the group's id), or neither half could measure finding repeats.
 */
export function splitOf(entry: Pick<CorpusEntry, 'id' | 'dedupe_group'>): 'dev' | 'test' {
  const digest = createHash('sha256')
    .update(entry.dedupe_group ?? entry.id)
    .digest();
  return digest.readUInt32BE(0) % 2 === 0 ? 'dev' : 'test';
}

/**
 * A label reduced to what identifies the place: "211 Bear St" and "211 Bear Street, Unit 3" are one address, and
 * "300 block of Banff Avenue" is Banff Avenue, as the corpus labels a block (eval/README.md, precision `street`).
 */
export function placeKey(label: string): string {
  const withoutUnit = label.replace(/,?\s*(\b(unit|apt|suite)\b\.?|#)\s*\S+$/i, '').replace(/^[^,]*,\s*(?=\d)/, '');
  const streetKey = (name: string) => parseStreetName(name)?.key ?? fold(name).trim();
  if (/\s(&|and|at)\s/i.test(withoutUnit))
    return withoutUnit
      .split(/\s(?:&|and|at)\s/i)
      .map(streetKey)
      .sort()
      .join(' & ');
  // "17 Ave SW" is a numbered street, not number 17 on "Ave SW": its name is nothing but the number.
  if (/^\d+\s/.test(withoutUnit) && /^\d+th$/.test(parseStreetName(withoutUnit)?.core ?? '')) return streetKey(withoutUnit);
  const block = /^(\d+)\s+block\s+of\s+(.+)$/i.exec(withoutUnit);
  if (block) return streetKey(block[2]!);
  const address = /^(\d+[A-Za-z]?)\s+(.+)$/.exec(withoutUnit);
  if (address) return `${address[1]!.toLowerCase()} ${streetKey(address[2]!)}`;
  return streetKey(withoutUnit);
}

export function readCorpus(file: string): CorpusEntry[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line !== '')
    .map(([line, number]) => {
      const parsed = CorpusEntry.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`${file}:${number}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      return parsed.data;
    });
}
