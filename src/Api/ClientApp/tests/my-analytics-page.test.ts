import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserAnalytics } from '../src/api/types';
import { myAnalyticsPage } from '../src/pages/student/analytics';

const figures: UserAnalytics = {
  userId: 'u1',
  examsTaken: 2,
  meanScore: 60,
  examsPassed: 1,
  passRate: 50,
  scoreTrend: [
    { submissionId: 's1', examId: 'e-optics', examTitle: 'Optics', score: 40, passed: false, publishedAt: '2026-11-02T09:00:00Z' },
    { submissionId: 's2', examId: 'e-gone', examTitle: null, score: 80, passed: true, publishedAt: '2026-11-09T09:00:00Z' },
  ],
  anomaliesByType: { paste: 2 },
  areas: [],
  strongestAreas: [],
  weakestAreas: [],
  sources: [],
  generatedAt: '2026-11-10T09:00:00Z',
  anomalies: [
    { anomalyId: 'a1', examId: 'e-optics', examTitle: 'Optics', sessionId: 'x', type: 'paste', severity: 'low', startedAt: '2026-11-02T09:00:00Z', endedAt: null, reason: 'pasted' },
    { anomalyId: 'a2', examId: 'e-gone', examTitle: null, sessionId: 'y', type: 'paste', severity: 'low', startedAt: '2026-11-09T09:00:00Z', endedAt: null, reason: 'pasted' },
  ],
};

describe('my analytics page', () => {
  const controller = new AbortController();
  const cleanups: (() => void)[] = [];

  afterEach(() => {
    cleanups.forEach((fn) => fn());
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('names each exam by its title, and by its id only when the catalog no longer holds it', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(figures), { status: 200, headers: { 'Content-Type': 'application/json' } })));
    const root = document.createElement('main');
    document.body.append(root);

    await myAnalyticsPage({ params: { id: 'u1' }, query: new URLSearchParams(), root, signal: controller.signal, onCleanup: (fn) => cleanups.push(fn) });

    const captions = [...root.querySelectorAll('[data-testid="my-anomaly-exam-title"]')].map((c) => c.textContent);
    expect(captions).toEqual(['Optics: 1 record', 'e-gone: 1 record']);
    const groups = [...root.querySelectorAll<HTMLElement>('[data-testid="my-anomaly-exam"]')].map((g) => g.dataset.examId);
    expect(groups).toEqual(['e-optics', 'e-gone']);
    const trendLabels = [...root.querySelectorAll('[data-testid="chart-trend-table"] [data-testid="chart-row"] th')].map((c) => c.textContent);
    expect(trendLabels).toHaveLength(2);
    expect(trendLabels[0]).toMatch(/· Optics$/);
    expect(trendLabels[1]).toMatch(/· e-gone$/);
    expect(root.textContent).not.toContain('e-optics');
  });
});
