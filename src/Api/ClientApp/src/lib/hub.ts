// SignalR connections: relative hub URL, the current token on every (re)connect, endless reconnection.

import { HttpError, HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { auth } from './auth';
import { connectWithRetry, foreverRetryPolicy, type ConnectionState } from './reconnect';

export interface HubOptions {
  /** Called on every state change (for a visible connection status). */
  onState: (state: ConnectionState) => void;
  /** Called after an automatic reconnection: re-join groups and resynchronise. */
  onReconnected: () => void;
}

export function buildHub(path: '/hubs/student' | '/hubs/proctor' | '/hubs/notifications', options: HubOptions): HubConnection {
  const connection = new HubConnectionBuilder()
    .withUrl(path, { accessTokenFactory: () => auth.token ?? '' })
    .withAutomaticReconnect(foreverRetryPolicy)
    .configureLogging(LogLevel.Warning)
    .build();
  connection.onreconnecting(() => options.onState('reconnecting'));
  connection.onreconnected(() => {
    options.onState('connected');
    options.onReconnected();
  });
  connection.onclose(() => options.onState('disconnected'));
  return connection;
}

/** Starts a connection; a 401 on negotiate ends the session like any other 401. */
export async function startHub(connection: HubConnection, onState: (state: ConnectionState) => void): Promise<boolean> {
  if (connection.state !== HubConnectionState.Disconnected) return connection.state === HubConnectionState.Connected;
  onState('connecting');
  try {
    await connection.start();
    onState('connected');
    return true;
  } catch (error) {
    onState('disconnected');
    if (error instanceof HttpError && error.statusCode === 401) auth.expire();
    return false;
  }
}

export interface RetryStartOptions {
  /** The page's signal: leaving the page stops the retries. */
  signal: AbortSignal;
  /** False stops the retries (e.g. the exam ended). */
  active?: () => boolean;
  /** Before each wait after a failed attempt (for a visible "retrying in N s"). */
  onRetry?: (failedAttempts: number, delayMs: number) => void;
}

/**
 * Starts a connection and, when the first attempt fails (server restarting, network down), retries with
 * back-off until it connects, the page is left, `active()` turns false or the session ends (a 401 signs out).
 */
export function startHubWithRetry(connection: HubConnection, onState: (state: ConnectionState) => void, options: RetryStartOptions): Promise<boolean> {
  return connectWithRetry(() => startHub(connection, onState), {
    signal: options.signal,
    canRetry: () => auth.token !== null && (options.active?.() ?? true),
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
  });
}

/** Stops quietly (route change, sign-out). */
export function stopHub(connection: HubConnection): void {
  void connection.stop().catch(() => undefined);
}

/** The message of a failed hub invocation without SignalR's prefix. */
export function hubErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^An unexpected error occurred invoking '[^']+' on the server\. HubException: /, '').replace(/^HubException: /, '');
}
