// The webcam: video only, previewed locally, sampled to a 320×240 JPEG every 2 s for the server.

export const FRAME_WIDTH = 320;
export const FRAME_HEIGHT = 240;
export const FRAME_INTERVAL_MS = 2000;
export const FRAME_QUALITY = 0.7;

export type CameraState = 'off' | 'starting' | 'on' | 'stopped' | 'denied' | 'unavailable';

export class Camera {
  private stream: MediaStream | null = null;
  private readonly canvas = document.createElement('canvas');
  private endedHandler: (() => void) | null = null;
  state: CameraState = 'off';
  error = '';

  constructor(private readonly onChange: (state: CameraState) => void) {
    this.canvas.width = FRAME_WIDTH;
    this.canvas.height = FRAME_HEIGHT;
  }

  get mediaStream(): MediaStream | null {
    return this.stream;
  }

  /** Asks for the camera (video only). Resolves the new state. */
  async start(): Promise<CameraState> {
    if (this.state === 'on') return this.state;
    if (!navigator.mediaDevices?.getUserMedia) {
      this.error = 'This browser cannot share a camera (a secure connection and a recent browser are needed).';
      return this.set('unavailable');
    }
    this.set('starting');
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 } }, audio: false });
      this.stream = stream;
      for (const track of stream.getVideoTracks()) {
        track.addEventListener('ended', () => {
          if (this.stream === stream) {
            this.set('stopped');
            this.endedHandler?.();
          }
        });
      }
      this.error = '';
      return this.set('on');
    } catch (error) {
      const name = (error as DOMException).name;
      if (name === 'NotAllowedError' || name === 'SecurityError') {
        this.error = 'Camera access was refused. Allow the camera for this site in the browser’s address bar, then try again.';
        return this.set('denied');
      }
      this.error = name === 'NotFoundError' ? 'No camera was found.' : `The camera could not be started (${name || 'unknown error'}).`;
      return this.set('unavailable');
    }
  }

  /** Called once when the camera track ends (unplugged, turned off, permission revoked). */
  onEnded(handler: () => void): void {
    this.endedHandler = handler;
  }

  /** Draws the current video frame to a 320×240 canvas and encodes it as JPEG; null when no frame is ready. */
  capture(video: HTMLVideoElement): Promise<Blob | null> {
    if (this.state !== 'on' || video.readyState < 2 || video.videoWidth === 0) return Promise.resolve(null);
    const context = this.canvas.getContext('2d');
    if (!context) return Promise.resolve(null);
    context.drawImage(video, 0, 0, FRAME_WIDTH, FRAME_HEIGHT);
    return new Promise((resolve) => this.canvas.toBlob((blob) => resolve(blob), 'image/jpeg', FRAME_QUALITY));
  }

  stop(): void {
    const stream = this.stream;
    this.stream = null;
    stream?.getTracks().forEach((t) => t.stop());
    if (this.state === 'on' || this.state === 'starting') this.set('off');
  }

  private set(state: CameraState): CameraState {
    this.state = state;
    this.onChange(state);
    return state;
  }
}
