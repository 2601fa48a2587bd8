// The camera tiles' images: every ~2 s, each running student's latest frame is asked for with the ETag of
// the frame on screen, so an unchanged frame costs a bodiless 304 and a new one its JPEG (≈ 10–20 KB).
// Polling (not a SignalR push) keeps the bytes per proctor to what this proctor shows: nothing while the
// tab is hidden, nothing for students who ended, and no image ever goes through the alert path (docs/proctoring.md).

import { ApiError } from '../../api/client';
import { fetchLiveFrame } from '../../api/endpoints';

/** How often a tile asks for a new frame: the student's browser sends one every ~2 s. */
export const FRAME_POLL_MS = 2000;

/** Requests in flight at once: 30 students' polls spread over the 2 s instead of one burst. */
const MAX_PARALLEL = 4;

export interface TileFrame {
  /** Blob URL of the image on screen, null when none was received. */
  url: string | null;
  /** The frame's capture time (server clock), null when the server has none. */
  capturedAt: string | null;
  /** True once the server answered at least once for this student. */
  loaded: boolean;
  /** Frames received (a new image each), for tests and the tile's data-frames attribute. */
  count: number;
}

export class LiveFrames {
  private readonly frames = new Map<string, TileFrame & { etag: string | null }>();
  private readonly listeners = new Set<(sessionId: string) => void>();
  private wanted: () => readonly string[] = () => [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private refused = false;
  /** Bytes of image received since the page opened (the cost figure of docs/PERFORMANCE.md). */
  bytes = 0;
  /** Images received since the page opened. */
  images = 0;

  constructor(
    private readonly signal: AbortSignal,
    private readonly onRefused: (error: ApiError) => void,
  ) {
    signal.addEventListener('abort', () => this.stop());
  }

  /** Starts polling the sessions `wanted` returns (the running students of the room). */
  start(wanted: () => readonly string[]): void {
    this.wanted = wanted;
    this.schedule(0);
  }

  /** Asks at once (a new student appeared, the tab came back). */
  refreshSoon(): void {
    if (!this.running) this.schedule(0);
  }

  get(sessionId: string): TileFrame {
    return this.frames.get(sessionId) ?? { url: null, capturedAt: null, loaded: false, count: 0 };
  }

  subscribe(listener: (sessionId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Drops a student's image (the session ended). */
  forget(sessionId: string): void {
    const frame = this.frames.get(sessionId);
    if (frame?.url) URL.revokeObjectURL(frame.url);
    if (frame) this.frames.set(sessionId, { url: null, capturedAt: null, loaded: true, count: frame.count, etag: null });
    this.emit(sessionId);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const frame of this.frames.values()) if (frame.url) URL.revokeObjectURL(frame.url);
    this.frames.clear();
  }

  private schedule(delayMs: number): void {
    if (this.signal.aborted || this.refused) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.pass(), delayMs);
  }

  /** One round over the wanted sessions, a few at a time; the next round starts FRAME_POLL_MS after this one began. */
  private async pass(): Promise<void> {
    this.timer = null;
    if (this.signal.aborted || this.refused) return;
    const began = Date.now();
    if (document.visibilityState !== 'hidden') {
      this.running = true;
      try {
        const queue = [...this.wanted()];
        const worker = async () => {
          for (let id = queue.shift(); id !== undefined && !this.refused && !this.signal.aborted; id = queue.shift()) await this.poll(id);
        };
        await Promise.all(Array.from({ length: Math.min(MAX_PARALLEL, queue.length) }, worker));
      } finally {
        this.running = false;
      }
    }
    this.schedule(Math.max(0, FRAME_POLL_MS - (Date.now() - began)));
  }

  private async poll(sessionId: string): Promise<void> {
    const current = this.frames.get(sessionId);
    try {
      const result = await fetchLiveFrame(sessionId, current?.etag ?? null, this.signal);
      if (this.signal.aborted) return;
      if (result.kind === 'same') {
        if (current && !current.loaded) this.frames.set(sessionId, { ...current, loaded: true });
        return;
      }
      if (current?.url) URL.revokeObjectURL(current.url);
      if (result.kind === 'none') {
        this.frames.set(sessionId, { url: null, capturedAt: null, loaded: true, count: current?.count ?? 0, etag: null });
      } else {
        this.bytes += result.bytes;
        this.images++;
        this.frames.set(sessionId, {
          url: URL.createObjectURL(result.blob),
          capturedAt: result.capturedAt || null,
          loaded: true,
          count: (current?.count ?? 0) + 1,
          etag: result.etag || null,
        });
      }
      this.emit(sessionId);
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      if (error instanceof ApiError && (error.status === 403 || error.status === 401)) {
        // Not this proctor's room (or no longer): stop asking, say so once.
        this.refused = true;
        this.onRefused(error);
      }
      // Other failures (network, 5xx): the next round asks again; the tile turns "stale" meanwhile.
    }
  }

  private emit(sessionId: string): void {
    for (const listener of this.listeners) listener(sessionId);
  }
}
