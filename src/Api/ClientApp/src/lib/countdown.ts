// Countdown arithmetic on server time.

/** Milliseconds left until `deadline` (ISO) at server time `serverNow`, never negative. */
export function remainingMs(deadline: string, serverNow: number): number {
  const end = Date.parse(deadline);
  if (Number.isNaN(end)) {
    return 0;
  }
  return Math.max(0, end - serverNow);
}

/** "1:05:09", "05:09" or "00:00"; rounds up so 00:00 shows only once the deadline has passed. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** A spoken form for screen readers: "4 minutes 5 seconds left". */
export function describeCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`);
  if (minutes > 0) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  if (hours === 0 && (seconds > 0 || parts.length === 0)) parts.push(`${seconds} ${seconds === 1 ? 'second' : 'seconds'}`);
  return `${parts.join(' ')} left`;
}

export type CountdownLevel = 'normal' | 'warning' | 'critical';

/** Warning under 5 minutes, critical under 1 minute. */
export function countdownLevel(ms: number): CountdownLevel {
  if (ms < 60_000) return 'critical';
  if (ms < 5 * 60_000) return 'warning';
  return 'normal';
}

/**
 * Whether the booking's slot can be started now: from `startsAt` (inclusive) to `endsAt` (exclusive),
 * both by server time.
 */
export function isWithinWindow(startsAt: string, endsAt: string, serverNow: number): boolean {
  const start = Date.parse(startsAt);
  const end = Date.parse(endsAt);
  return serverNow >= start && serverNow < end;
}
