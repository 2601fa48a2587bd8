// The signed-in user's notification connection: one per tab (/hubs/notifications pushes to every tab of the user),
// started at sign-in and stopped at sign-out; the bell and the notifications page listen to it.

import type { HubConnection } from '@microsoft/signalr';
import { listNotifications } from '../api/endpoints';
import type { AppNotification, UnreadCount } from '../api/types';
import { buildHub, startHubWithRetry, stopHub } from './hub';
import { UnreadTracker } from './inbox';
import type { ConnectionState } from './reconnect';

type Listener<T> = (value: T) => void;

class NotificationCenter {
  private connection: HubConnection | null = null;
  private abort: AbortController | null = null;
  private readonly unread = new UnreadTracker();
  private readonly countListeners = new Set<Listener<number>>();
  private readonly itemListeners = new Set<Listener<AppNotification>>();
  private state: ConnectionState = 'disconnected';

  get unreadCount(): number {
    return this.unread.count;
  }

  get connectionState(): ConnectionState {
    return this.state;
  }

  /** Connects (idempotent) and fetches the unread count. */
  start(): void {
    if (this.connection) return;
    const abort = new AbortController();
    this.abort = abort;
    const connection = buildHub('/hubs/notifications', {
      onState: (state) => {
        this.state = state;
      },
      // Pushes missed while disconnected are not replayed: read the count again.
      onReconnected: () => void this.refresh(),
    });
    connection.on('notification', (n: AppNotification) => {
      for (const listener of this.itemListeners) listener(n);
    });
    connection.on('unreadCount', (u: UnreadCount) => this.emit(this.unread.pushed(u.count)));
    this.connection = connection;
    void startHubWithRetry(connection, (state) => (this.state = state), { signal: abort.signal }).then((connected) => {
      if (connected && this.connection === connection) void this.refresh();
    });
    void this.refresh();
  }

  stop(): void {
    this.abort?.abort();
    this.abort = null;
    if (this.connection) stopHub(this.connection);
    this.connection = null;
    this.unread.reset();
    this.emit(0);
  }

  /** Reads the unread count from the API (a push that arrives meanwhile wins). */
  async refresh(): Promise<void> {
    const ticket = this.unread.ticket();
    try {
      const page = await listNotifications(1, 1);
      if (this.unread.fetched(page.unreadCount, ticket)) this.emit(page.unreadCount);
    } catch {
      // The bell keeps its last count; the notifications page shows request errors itself.
    }
  }

  /** A count the page learned from its own request or action (mark read). */
  setCount(count: number): void {
    this.emit(this.unread.pushed(count));
  }

  onCount(listener: Listener<number>): () => void {
    this.countListeners.add(listener);
    return () => this.countListeners.delete(listener);
  }

  onNotification(listener: Listener<AppNotification>): () => void {
    this.itemListeners.add(listener);
    return () => this.itemListeners.delete(listener);
  }

  private emit(count: number): void {
    for (const listener of this.countListeners) listener(count);
  }
}

export const notifications = new NotificationCenter();
