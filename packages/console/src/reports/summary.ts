import { bucketSeconds, parseField, type DayCounters } from './aggregates.js';

export interface SummaryFilter {
  channel?: string;
  service?: string;
  /** an area's name; counters outside it are left out */
  area?: string;
}

export interface ReportSummary {
  total: number;
  duplicates: number;
  /** requests per local day, per channel */
  byDay: { day: string; counts: Record<string, number> }[];
  /** requests per week (the Monday that starts it), per service */
  byWeek: { week: string; counts: Record<string, number> }[];
  /** seconds from report to the first destination that took it */
  timeToCrm: { median: number | null; p95: number | null; count: number };
  failures: Record<string, number>;
  streets: [string, number][];
}

const mondayOf = (day: string) => {
  const at = new Date(`${day}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() - ((at.getUTCDay() + 6) % 7));
  return at.toISOString().slice(0, 10);
};

const add = (into: Record<string, number>, key: string, n: number) => {
  into[key] = (into[key] ?? 0) + n;
};

/** The value below which `share` of the histogram lies, as the middle of its bucket. */
function quantile(histogram: Map<number, number>, count: number, share: number): number | null {
  if (count === 0) return null;
  let seen = 0;
  for (const [bucket, n] of [...histogram].sort(([a], [b]) => a - b)) {
    seen += n;
    if (seen >= share * count) return bucketSeconds(bucket);
  }
  return null;
}

/** Sums the kept counters of the chosen days under a filter: what a reports page shows, without reading any request. */
export function summarise(days: Map<string, DayCounters>, filter: SummaryFilter, streetsShown = 10): ReportSummary {
  const area = filter.area ?? '*';
  const byDay: ReportSummary['byDay'] = [];
  const byWeek = new Map<string, Record<string, number>>();
  const histogram = new Map<number, number>();
  const failures: Record<string, number> = {};
  const streets: Record<string, number> = {};
  let total = 0,
    duplicates = 0,
    timed = 0;
  for (const [day, counters] of days) {
    const counts: Record<string, number> = {};
    for (const [field, n] of Object.entries(counters)) {
      const fact = parseField(field);
      if (fact.area !== area || (filter.channel && fact.channel !== filter.channel) || (filter.service && fact.service !== filter.service))
        continue;
      if (fact.kind === 'n') {
        total += n;
        add(counts, fact.channel, n);
        const week = byWeek.get(mondayOf(day)) ?? {};
        add(week, fact.service, n);
        byWeek.set(mondayOf(day), week);
      } else if (fact.kind === 'dup') duplicates += n;
      else if (fact.kind === 'st') add(streets, fact.detail ?? '', n);
      else if (fact.kind === 'dead') add(failures, fact.detail ?? '', n);
      else if (fact.kind === 't') {
        timed += n;
        histogram.set(Number(fact.detail), (histogram.get(Number(fact.detail)) ?? 0) + n);
      }
    }
    byDay.push({ day, counts });
  }
  return {
    total,
    duplicates,
    byDay,
    byWeek: [...byWeek].map(([week, counts]) => ({ week, counts })),
    timeToCrm: { median: quantile(histogram, timed, 0.5), p95: quantile(histogram, timed, 0.95), count: timed },
    failures,
    streets: Object.entries(streets)
      .sort(([, a], [, b]) => b - a)
      .slice(0, streetsShown),
  };
}
