// SignalR reconnection: retry quickly at first, then every 15 s for as long as the page is open (the
// library's default gives up after four attempts, which would leave a proctor's dashboard silently dead).

export interface RetryContextLike {
  previousRetryCount: number;
  elapsedMilliseconds: number;
}

const FIRST_DELAYS = [0, 2000, 5000, 10000];

export const foreverRetryPolicy = {
  nextRetryDelayInMilliseconds(context: RetryContextLike): number | null {
    return FIRST_DELAYS[context.previousRetryCount] ?? 15000;
  },
};

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export function connectionLabel(state: ConnectionState): string {
  switch (state) {
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return 'Live';
    case 'reconnecting':
      return 'Connection lost — reconnecting…';
    case 'disconnected':
      return 'Disconnected';
  }
}
