import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchEvidence, isSameOriginPath } from '../src/api/endpoints';
import { auth } from '../src/lib/auth';

const ORIGIN = 'https://exams.school.test';

describe('isSameOriginPath', () => {
  it.each([
    '/api/sessions/s1/anomalies/a1/evidence',
    '/api/sessions/s%2F1/anomalies/a1/evidence?v=2',
    '/x',
  ])('accepts the path %s', (url) => {
    expect(isSameOriginPath(url, ORIGIN)).toBe(true);
  });

  it.each([
    '//evil.example/steal',
    '/\\evil.example/steal',
    '\\\\evil.example/steal',
    '/\t/evil.example/steal',
    '/\n/evil.example/steal',
    ' /api/x',
    'https://evil.example/api/x',
    'http:/evil.example/x',
    'javascript:alert(1)',
    'data:image/jpeg;base64,AAAA',
    'api/relative',
    './api/x',
    '',
    `${ORIGIN}/api/x`,
  ])('refuses %j', (url) => {
    expect(isSameOriginPath(url, ORIGIN)).toBe(false);
  });
});

describe('fetchEvidence', () => {
  const fetchMock = vi.fn(async () => new Response(new Blob([new Uint8Array([0xff, 0xd8])], { type: 'image/jpeg' }), { status: 200 }));

  beforeEach(() => {
    fetchMock.mockClear();
    vi.stubGlobal('fetch', fetchMock);
    auth.signIn({
      accessToken: 'secret-token',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      user: { id: 'u1', name: 'Pat Proctor', email: 'pat@school.test', role: 'proctor', isActive: true, createdAt: '2026-01-01T00:00:00Z' },
    });
  });

  afterEach(() => {
    auth.signOut();
    vi.unstubAllGlobals();
  });

  it('fetches a same-origin path with the bearer token', async () => {
    const blob = await fetchEvidence('/api/sessions/s1/anomalies/a1/evidence');
    expect(blob.size).toBe(2);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/sessions/s1/anomalies/a1/evidence');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer secret-token');
  });

  it.each(['//evil.example/steal', 'https://evil.example/x', '/\\evil.example/x', 'javascript:alert(1)'])(
    'never sends the token to %j',
    async (url) => {
      await expect(fetchEvidence(url)).rejects.toThrow(/this origin/);
      expect(fetchMock).not.toHaveBeenCalled();
    },
  );
});
