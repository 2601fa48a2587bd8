// Getting a proctor's attention for a high or critical alert: an optional beep (Web Audio, off by default,
// the choice remembered in localStorage) and an optional desktop notification (asked for on a click, as
// browsers require). Both are extras: the alert feed and the tab title's count work without them.

import type { ProctorAlert } from '../api/types';

const SOUND_KEY = 'pw.room.sound';

/** Alerts that call for attention beyond the feed. */
export function isUrgent(alert: Pick<ProctorAlert, 'severity'>): boolean {
  return alert.severity === 'high' || alert.severity === 'critical';
}

export function soundEnabled(storage: Pick<Storage, 'getItem'> = localStorage): boolean {
  try {
    return storage.getItem(SOUND_KEY) === 'on';
  } catch {
    return false; // storage blocked (privacy mode): sound stays off, the default
  }
}

export function setSoundEnabled(on: boolean, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(SOUND_KEY, on ? 'on' : 'off');
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

export class Attention {
  private audio: AudioContext | null = null;

  /** Call from the click that turns sound on: browsers let audio start only after a user gesture. */
  unlockSound(): void {
    if (typeof AudioContext === 'undefined') return;
    this.audio ??= new AudioContext();
    void this.audio.resume().catch(() => undefined);
  }

  /** A short two-tone beep (no audio file to fetch). */
  beep(): void {
    if (typeof AudioContext === 'undefined') return;
    this.audio ??= new AudioContext();
    const ctx = this.audio;
    const start = ctx.currentTime;
    for (const [offset, frequency] of [[0, 880], [0.18, 660]] as const) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.2, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.15);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start + offset);
      osc.stop(start + offset + 0.16);
    }
  }

  get notificationsSupported(): boolean {
    return typeof Notification !== 'undefined';
  }

  get notificationPermission(): NotificationPermission | 'unsupported' {
    return this.notificationsSupported ? Notification.permission : 'unsupported';
  }

  /** Call from a click. Resolves the permission the browser gave. */
  async askNotifications(): Promise<NotificationPermission | 'unsupported'> {
    if (!this.notificationsSupported) return 'unsupported';
    return Notification.requestPermission();
  }

  /** Shows a desktop notification when allowed; clicking it brings the room's tab back. */
  notify(alert: ProctorAlert): void {
    if (this.notificationPermission !== 'granted') return;
    const n = new Notification(`${alert.severity === 'critical' ? 'Critical' : 'High'} alert: ${alert.studentName}`, { body: alert.reason, tag: alert.alertId });
    n.onclick = () => {
      window.focus();
      n.close();
    };
  }

  dispose(): void {
    void this.audio?.close().catch(() => undefined);
    this.audio = null;
  }
}
