import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnalyticsRun } from '../src/api/types';
import { jobsPage } from '../src/pages/admin/jobs';

const run = (over: Partial<AnalyticsRun>): AnalyticsRun => ({
  job: 'daily_anomaly_aggregation',
  period: '2026-12-04',
  status: 'failed',
  trigger: 'schedule',
  attempts: 3,
  requestedAt: '2026-12-05T02:00:00Z',
  startedAt: '2026-12-05T02:00:01Z',
  finishedAt: '2026-12-05T02:31:00Z',
  durationSeconds: 12.5,
  inputFiles: 4,
  noInput: false,
  datasets: [],
  error: 'attempt 3 was interrupted',
  ...over,
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const paged = (items: AnalyticsRun[]) => json({ items, page: 1, pageSize: 50, total: items.length });

describe('jobs page', () => {
  let cleanups: (() => void)[] = [];
  let controller: AbortController;

  beforeEach(() => {
    vi.useFakeTimers();
    controller = new AbortController();
    cleanups = [];
  });

  afterEach(() => {
    controller.abort();
    cleanups.forEach((fn) => fn());
    vi.useRealTimers();
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  async function open(fetch: ReturnType<typeof vi.fn>): Promise<HTMLElement> {
    vi.stubGlobal('fetch', fetch);
    const root = document.createElement('main');
    document.body.append(root);
    await jobsPage({ params: {}, query: new URLSearchParams(), root, signal: controller.signal, onCleanup: (fn) => cleanups.push(fn) });
    return root;
  }

  it('re-runs a failed run and polls fast until the new run has finished, then backs off', async () => {
    const lists = [
      [run({})],
      [run({ status: 'pending', attempts: 0, error: null, durationSeconds: null })],
      [run({ status: 'running', attempts: 1, error: null, durationSeconds: null })],
      [run({ status: 'succeeded', attempts: 1, error: null, durationSeconds: 3, datasets: [{ name: 'by_exam', rows: 2 }, { name: 'hourly', rows: 1 }] })],
    ];
    const posts: unknown[] = [];
    let gets = 0;
    const fetch = vi.fn(async (url: string, init: RequestInit) => {
      if (init.method === 'POST') {
        posts.push({ url, body: JSON.parse(String(init.body)) });
        return json({ run: lists[1]![0], then: [] }, 202);
      }
      return paged(lists[Math.min(gets++, lists.length - 1)]!);
    });
    const root = await open(fetch);

    const row = () => root.querySelector<HTMLElement>('[data-testid="run-row"]')!;
    expect(row().dataset.status).toBe('failed');
    expect(row().querySelector('[data-testid="run-error"]')!.textContent).toBe('attempt 3 was interrupted');
    expect(row().querySelector('[data-testid="run-duration"]')!.textContent).toBe('13 s');

    root.querySelector<HTMLButtonElement>('[data-testid="run-rerun"]')!.click();
    await vi.waitFor(() => expect(row().dataset.status).toBe('pending'));
    expect(posts).toEqual([{ url: '/api/analytics/jobs/daily_anomaly_aggregation/runs', body: { period: '2026-12-04' } }]);
    expect(root.querySelector<HTMLElement>('[data-testid="jobs-live"]')!.dataset.polling).toBe('fast');

    await vi.advanceTimersByTimeAsync(2_000);
    expect(row().dataset.status).toBe('running');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(row().dataset.status).toBe('succeeded');
    expect(row().querySelector('[data-testid="run-rows"]')!.textContent).toBe('3');
    expect(root.querySelector('[data-testid="jobs-announcer"]')!.textContent).toBe('Daily anomaly aggregation 2026-12-04 succeeded.');

    // Idle now: each check doubles the wait (2, 4, 8 s…).
    const live = root.querySelector<HTMLElement>('[data-testid="jobs-live"]')!;
    expect(live.dataset.polling).toBe('idle');
    expect(live.textContent).toContain('next check in 2 s');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(live.textContent).toContain('next check in 4 s');
    await vi.advanceTimersByTimeAsync(4_000);
    expect(live.textContent).toContain('next check in 8 s');
  });

  it('checks a period key before sending and offers the chain only for the daily job', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => paged([]));
    const root = await open(fetch);
    const form = root.querySelector<HTMLFormElement>('[data-testid="trigger-form"]')!;
    const job = root.querySelector<HTMLSelectElement>('[data-testid="trigger-job"]')!;
    const period = root.querySelector<HTMLInputElement>('[data-testid="trigger-period"]')!;
    const chain = root.querySelector<HTMLElement>('[data-field="chain"]')!;
    expect(chain.hidden).toBe(false);

    job.value = 'weekly_grade_analytics';
    job.dispatchEvent(new Event('change'));
    expect(chain.hidden).toBe(true);
    expect(period.value).toMatch(/^\d{4}-W\d{2}$/);

    period.value = '2026-12-04';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(root.querySelector('[data-testid="error-period"]')!.textContent).toContain('2026-W49');
    expect(fetch.mock.calls.every(([, init]) => (init as RequestInit | undefined)?.method !== 'POST')).toBe(true);
  });
});
