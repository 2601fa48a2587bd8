// SignalR connections: relative hub URL, the current token on every (re)connect, endless reconnection.

import { HttpError, HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { auth } from './auth';
import { foreverRetryPolicy, type ConnectionState } from './reconnect';

export interface HubOptions {
  /** Called on every state change (for a visible connection status). */
  onState: (state: ConnectionState) => void;
  /** Called after an automatic reconnection: re-join groups and resynchronise. */
  onReconnected: () => void;
}

export function buildHub(path: '/hubs/student' | '/hubs/proctor', options: HubOptions): HubConnection {
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

/** Stops quietly (route change, sign-out). */
export function stopHub(connection: HubConnection): void {
  void connection.stop().catch(() => undefined);
}

/** The message of a failed hub invocation without SignalR's prefix. */
export function hubErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^An unexpected error occurred invoking '[^']+' on the server\. HubException: /, '').replace(/^HubException: /, '');
}
