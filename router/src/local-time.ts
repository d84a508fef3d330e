import { ConfigError } from '@intake/core';

type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** The wall clock in the jurisdiction: what "hours" and "days" in a rule mean. */
export interface LocalTime {
  day: Weekday;
  /** minutes since local midnight */
  minutes: number;
  label: string;
}

export function localClock(timezone: string): (now: Date) => LocalTime {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const read = (now: Date): LocalTime => {
    const parts = Object.fromEntries(format.formatToParts(now).map((part) => [part.type, part.value]));
    const hour = Number(parts.hour);
    const minute = Number(parts.minute);
    return {
      day: String(parts.weekday).slice(0, 3).toLowerCase() as Weekday,
      minutes: hour * 60 + minute,
      label: `${String(parts.weekday)} ${parts.hour}:${parts.minute} ${timezone}`,
    };
  };
  // Read once a minute: formatting took a tenth of the route stage's CPU, and every time zone in use today is a
  // whole number of minutes from UTC, so one UTC minute is one local minute.
  let last: { minute: number; time: LocalTime } | null = null;
  return (now) => {
    const minute = Math.floor(now.getTime() / 60_000);
    if (last?.minute !== minute) last = { minute, time: read(now) };
    return last.time;
  };
}

export interface HourRange {
  from: number;
  to: number;
}

const toMinutes = (time: string, at: string): number => {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  if (hours > 24 || minutes > 59 || hours * 60 + minutes > 24 * 60) throw new ConfigError([`${at}: ${time} is not a time of day`]);
  return hours * 60 + minutes;
};

/** "08:00-17:00"; "22:00-06:00" wraps midnight; equal ends mean the whole day. */
export function parseHours(range: string, at: string): HourRange {
  const [from = '', to = ''] = range.split('-');
  return { from: toMinutes(from, at), to: toMinutes(to, at) };
}

export function withinHours(minutes: number, { from, to }: HourRange): boolean {
  if (from === to) return true;
  return from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}
