// The signed-in session: kept in memory and in sessionStorage (per tab, gone when the tab closes; never
// localStorage, never in a URL). The token is renewed with POST /api/auth/refresh before it expires;
// any 401 ends the session and sends the user back to sign-in with a message.

import type { Role, TokenResponse, User } from '../api/types';
import { clock } from './services';

const STORAGE_KEY = 'proctorwise.session';
export const EXPIRED_MESSAGE = 'Your session has expired, please sign in again';

export interface AuthSession {
  accessToken: string;
  expiresAt: string;
  user: User;
}

type Listener = (session: AuthSession | null, reason: 'signin' | 'refresh' | 'signout' | 'expired') => void;

/**
 * When to renew: after 80 % of the remaining lifetime (24 min before expiry for the default 2 h token, so a
 * throttled background tab still renews in time), or two minutes before expiry when that is earlier — but
 * never before half of it, so a short-lived token cannot cause a stream of renewals.
 */
export function refreshDelay(expiresAtMs: number, nowMs: number): number {
  const remaining = expiresAtMs - nowMs;
  if (remaining <= 0) return 0;
  return Math.max(remaining * 0.5, Math.min(remaining * 0.8, remaining - 120_000));
}

/** The shortest time between two renewals, whatever the token's lifetime. */
const MIN_REFRESH_INTERVAL_MS = 10_000;

class Auth {
  private current: AuthSession | null = null;
  private listeners = new Set<Listener>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private notice: string | null = null;
  private refreshing: Promise<boolean> | null = null;
  private lastRefresh = 0;

  constructor() {
    try {
      const raw = sessionStorage.getItem(STORAGE_KEY);
      if (raw) {
        const parsed = JSON.parse(raw) as AuthSession;
        if (parsed && typeof parsed.accessToken === 'string' && parsed.user) this.current = parsed;
      }
    } catch {
      sessionStorage.removeItem(STORAGE_KEY);
    }
  }

  get session(): AuthSession | null {
    return this.current;
  }

  get token(): string | null {
    return this.current?.accessToken ?? null;
  }

  get user(): User | null {
    return this.current?.user ?? null;
  }

  get role(): Role | null {
    return this.current?.user.role ?? null;
  }

  /** Called once the server clock is known: drops an expired stored session, schedules renewal. */
  start(): void {
    if (!this.current) return;
    if (Date.parse(this.current.expiresAt) <= clock.now()) {
      this.expire();
      return;
    }
    this.schedule();
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  signIn(response: TokenResponse): void {
    this.notice = null;
    this.store(response);
    this.emit('signin');
  }

  signOut(): void {
    this.clear();
    this.emit('signout');
  }

  /** Ends the session after a 401 (expired or revoked token) and leaves a message for the sign-in page. */
  expire(message = EXPIRED_MESSAGE): void {
    if (!this.current) return;
    this.clear();
    this.notice = message;
    this.emit('expired');
  }

  /** The message for the sign-in page (read once). */
  takeNotice(): string | null {
    const notice = this.notice;
    this.notice = null;
    return notice;
  }

  /** Renews the token now; resolves false (and expires the session on 401) when it cannot. */
  refresh(): Promise<boolean> {
    if (!this.current) return Promise.resolve(false);
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** Renews at once if the token is close to expiry (after the tab slept, timers may be late). */
  checkExpiry(): void {
    if (!this.current) return;
    const expiresAt = Date.parse(this.current.expiresAt);
    if (expiresAt <= clock.now()) this.expire();
    else this.schedule();
  }

  private async doRefresh(): Promise<boolean> {
    const token = this.token;
    if (!token) return false;
    if (Date.now() - this.lastRefresh < MIN_REFRESH_INTERVAL_MS) {
      this.schedule(MIN_REFRESH_INTERVAL_MS);
      return false;
    }
    this.lastRefresh = Date.now();
    try {
      const response = await fetch('/api/auth/refresh', { method: 'POST', headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
      if (response.status === 401) {
        this.expire();
        return false;
      }
      if (!response.ok) {
        this.schedule(30_000);
        return false;
      }
      const body = (await response.json()) as TokenResponse;
      if (this.token !== token) return false; // signed out or in again meanwhile
      this.store(body);
      this.emit('refresh');
      return true;
    } catch {
      this.schedule(30_000); // offline: try again soon, the token may still be valid
      return false;
    }
  }

  private store(session: AuthSession): void {
    this.current = { accessToken: session.accessToken, expiresAt: session.expiresAt, user: session.user };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(this.current));
    this.schedule();
  }

  private clear(): void {
    this.current = null;
    sessionStorage.removeItem(STORAGE_KEY);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delay?: number): void {
    if (this.timer) clearTimeout(this.timer);
    if (!this.current) return;
    const ms = delay ?? refreshDelay(Date.parse(this.current.expiresAt), clock.now());
    // setTimeout overflows above ~24.8 days; re-check daily for very long lifetimes.
    this.timer = setTimeout(() => void this.refresh(), Math.min(ms, 86_400_000));
  }

  private emit(reason: Parameters<Listener>[1]): void {
    for (const listener of this.listeners) listener(this.current, reason);
  }
}

export const auth = new Auth();
