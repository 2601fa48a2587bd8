// Pure pieces of the admin Cluster page: how a silo's age, heartbeat and stream queues read, and which silos need a look.

import type { ClusterSilo, ClusterSiloStatus, GrainActivations } from '../api/types';

/** "3 d 4 h", "2 h 5 min", "12 min", "40 s" — how long a silo has been up. */
export function formatAge(startedAt: string, now: number): string {
  const start = Date.parse(startedAt);
  if (Number.isNaN(start)) return '—';
  const seconds = Math.max(0, Math.floor((now - start) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** The badge kind of a membership status. */
export function statusKind(status: ClusterSiloStatus): 'success' | 'warning' | 'danger' | 'neutral' {
  switch (status) {
    case 'active':
      return 'success';
    case 'joining':
    case 'created':
    case 'shutting_down':
    case 'stopping':
      return 'warning';
    case 'dead':
      return 'danger';
    default:
      return 'neutral';
  }
}

/** A silo's streams in one line: the transport, its partitions and their summed lag (unknown lags said so). */
export function describeStreams(silo: ClusterSilo): string {
  if (silo.streamTransport === null) return '—';
  if (silo.streamTransport !== 'kafka') return 'In-memory streams (no queues to show)';
  const count = silo.partitions.length;
  if (count === 0) return 'Kafka: no partitions owned';
  const known = silo.partitions.filter((p) => p.lag !== null);
  const lag = known.reduce((sum, p) => sum + (p.lag ?? 0), 0);
  const unknown = count - known.length;
  return `Kafka: ${count} partition${count === 1 ? '' : 's'}, lag ${lag}${unknown > 0 ? ` (${unknown} not measured yet)` : ''}`;
}

/**
 * Active silos whose heartbeat is older than `staleAfterMs` or that did not answer their probe: what an operator should
 * look at. Silos write "I am alive" to the membership table every 5 minutes by default (Orleans'
 * IAmAliveTablePublishTimeout), so only twice that is suspicious.
 */
export function silosNeedingAttention(silos: readonly ClusterSilo[], now: number, staleAfterMs = 10 * 60_000): ClusterSilo[] {
  return silos.filter((s) => {
    if (s.status !== 'active') return false;
    if (s.probeError) return true;
    if (!s.lastHeartbeat) return false;
    const beat = Date.parse(s.lastHeartbeat);
    return !Number.isNaN(beat) && now - beat > staleAfterMs;
  });
}

/** The grain class's short name ("ProctorWise.Grains.Users.UserGrain" → "UserGrain"). */
export function shortGrainType(type: string): string {
  const generic = type.indexOf('`');
  const plain = generic >= 0 ? type.slice(0, generic) : type;
  const dot = plain.lastIndexOf('.');
  return dot >= 0 ? plain.slice(dot + 1) : plain;
}

/** Activations per grain type across silos, most first. */
export function activationsByType(rows: readonly GrainActivations[]): { grainType: string; total: number; silos: number }[] {
  const byType = new Map<string, { total: number; silos: Set<string> }>();
  for (const row of rows) {
    const entry = byType.get(row.grainType) ?? { total: 0, silos: new Set<string>() };
    entry.total += row.activations;
    entry.silos.add(row.silo);
    byType.set(row.grainType, entry);
  }
  return [...byType.entries()]
    .map(([grainType, e]) => ({ grainType, total: e.total, silos: e.silos.size }))
    .sort((a, b) => b.total - a.total || a.grainType.localeCompare(b.grainType));
}
