import type { z } from 'zod';

/**
 * One `path: message` per zod issue. For a union ("text or a list of turns") whose input had the right shape at
 * the top, the problems inside that shape are told, not only that no alternative fitted.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): string {
  return issues
    .map((issue) => {
      const path = [...prefix, ...issue.path];
      const shaped =
        issue.code === 'invalid_union' ? issue.errors.find((member) => member.every((inner) => inner.path.length > 0)) : undefined;
      return shaped === undefined ? `${path.map(String).join('.') || 'body'}: ${issue.message}` : describeIssues(shaped, path);
    })
    .join('; ');
}
