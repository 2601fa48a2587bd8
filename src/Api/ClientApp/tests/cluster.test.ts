import { describe, expect, it } from 'vitest';
import type { ClusterSilo } from '../src/api/types';
import { activationsByType, describeStreams, formatAge, shortGrainType, silosNeedingAttention, statusKind } from '../src/lib/cluster';

const now = Date.parse('2026-12-06T12:00:00Z');
const silo = (overrides: Partial<ClusterSilo> = {}): ClusterSilo => ({
  address: '10.0.0.1:11111@1',
  name: 'silo-a',
  host: 'host-a',
  status: 'active',
  startedAt: '2026-12-06T11:00:00Z',
  lastHeartbeat: '2026-12-06T11:59:50Z',
  activations: 10,
  streamTransport: 'kafka',
  partitions: [],
  probeError: null,
  ...overrides,
});

describe('formatAge', () => {
  it('reads in the largest sensible units', () => {
    expect(formatAge('2026-12-06T11:59:20Z', now)).toBe('40 s');
    expect(formatAge('2026-12-06T11:48:00Z', now)).toBe('12 min');
    expect(formatAge('2026-12-06T09:55:00Z', now)).toBe('2 h 5 min');
    expect(formatAge('2026-12-03T08:00:00Z', now)).toBe('3 d 4 h');
  });
  it('never goes negative and survives bad input', () => {
    expect(formatAge('2026-12-06T12:00:30Z', now)).toBe('0 s');
    expect(formatAge('not a date', now)).toBe('—');
  });
});

describe('describeStreams', () => {
  it('sums the lag and says which partitions were not measured', () => {
    const s = silo({
      partitions: [
        { provider: 'default', topic: 'pw.sessions', partition: 0, lag: 3 },
        { provider: 'default', topic: 'pw.sessions', partition: 1, lag: 4 },
        { provider: 'default', topic: 'pw.alerts', partition: 0, lag: null },
      ],
    });
    expect(describeStreams(s)).toBe('Kafka: 3 partitions, lag 7 (1 not measured yet)');
  });
  it('names in-memory streams, a silo without partitions and a silo that did not answer', () => {
    expect(describeStreams(silo({ streamTransport: 'memory' }))).toContain('In-memory');
    expect(describeStreams(silo())).toBe('Kafka: no partitions owned');
    expect(describeStreams(silo({ streamTransport: null }))).toBe('—');
    expect(describeStreams(silo({ partitions: [{ provider: 'd', topic: 't', partition: 2, lag: 0 }] }))).toBe('Kafka: 1 partition, lag 0');
  });
});

describe('silosNeedingAttention', () => {
  it('picks active silos with an old heartbeat or a failed probe, not dead ones', () => {
    const fine = silo({ name: 'fine' });
    const stale = silo({ name: 'stale', lastHeartbeat: '2026-12-06T11:49:00Z' });
    const recent = silo({ name: 'recent', lastHeartbeat: '2026-12-06T11:56:00Z' });
    const silent = silo({ name: 'silent', probeError: 'It did not answer within 3 s.' });
    const dead = silo({ name: 'dead', status: 'dead', lastHeartbeat: '2026-12-05T00:00:00Z' });
    expect(silosNeedingAttention([fine, recent, stale, silent, dead], now).map((s) => s.name)).toEqual(['stale', 'silent']);
  });
});

describe('grain types', () => {
  it('shortens class names and totals activations across silos', () => {
    expect(shortGrainType('ProctorWise.Grains.Users.UserGrain')).toBe('UserGrain');
    expect(shortGrainType('Orleans.Streams.PubSubRendezvousGrain`1[[x]]')).toBe('PubSubRendezvousGrain');
    const rows = activationsByType([
      { grainType: 'A', silo: 's1', activations: 2 },
      { grainType: 'B', silo: 's1', activations: 5 },
      { grainType: 'A', silo: 's2', activations: 4 },
    ]);
    expect(rows).toEqual([
      { grainType: 'A', total: 6, silos: 2 },
      { grainType: 'B', total: 5, silos: 1 },
    ]);
  });
  it('colours statuses', () => {
    expect(statusKind('active')).toBe('success');
    expect(statusKind('shutting_down')).toBe('warning');
    expect(statusKind('dead')).toBe('danger');
    expect(statusKind('unknown')).toBe('neutral');
  });
});
