// Admin: the cluster — silos with status and age, activations per silo and grain type, stream queues and Kafka lag,
// the latest analytics runs; refreshed every 10 s while visible; the Orleans dashboard one click away.

import { getCluster, openDashboardSession } from '../../api/endpoints';
import type { ClusterView } from '../../api/types';
import { activationsByType, describeStreams, formatAge, shortGrainType, silosNeedingAttention, statusKind } from '../../lib/cluster';
import { h, replace } from '../../lib/dom';
import { formatDateTime, formatNumber, humanize, relativeTime } from '../../lib/format';
import type { PageContext } from '../../lib/router';
import { StatusLine, badge, busy, button, emptyState, loading, notice, pageHeader, table } from '../../ui/components';

const REFRESH_MS = 10_000;

export async function clusterPage(ctx: PageContext): Promise<void> {
  const status = new StatusLine('cluster-status');
  const updated = h('p', { class: 'meta', testid: 'cluster-updated', 'aria-live': 'off' });
  const body = h('div', { testid: 'cluster' }, loading());
  const refresh = button('Refresh', () => void busy(refresh, load), { class: 'btn btn-secondary', testid: 'cluster-refresh' });
  const dashboard = button('Open the Orleans dashboard', () => void busy(dashboard, openDashboard), { class: 'btn', testid: 'open-dashboard', hidden: true });
  ctx.root.append(
    pageHeader('Cluster', h('p', { class: 'lead' }, 'Silos, grain activations, stream queues and the latest analytics runs. Refreshed every 10 seconds while this page is visible.')),
    h('div', { class: 'toolbar' }, refresh, dashboard),
    status.el,
    updated,
    body,
  );

  async function openDashboard(): Promise<void> {
    // The tab opens synchronously (a popup blocker allows it), then goes to the dashboard once the cookie is set.
    const tab = window.open('', '_blank');
    try {
      await openDashboardSession();
      if (tab) {
        tab.opener = null;
        tab.location.href = '/dashboard/';
      } else {
        window.location.assign('/dashboard/');
      }
    } catch (error) {
      tab?.close();
      status.error(error);
    }
  }

  async function load(): Promise<void> {
    try {
      const view = await getCluster();
      if (ctx.signal.aborted) return;
      dashboard.hidden = !view.dashboardEnabled;
      updated.textContent = `Read at ${formatDateTime(view.generatedAt)}`;
      replace(body, ...render(view));
      status.clear();
    } catch (error) {
      status.error(error);
    }
  }

  const timer = window.setInterval(() => {
    if (document.visibilityState === 'visible') void load();
  }, REFRESH_MS);
  ctx.onCleanup(() => window.clearInterval(timer));
  await load();
}

function render(view: ClusterView): Node[] {
  // Silo start and heartbeat times come from the membership table, written with the hosts' system clocks; the
  // server read them at generatedAt on the same clock. The page's clock follows the domain clock, which may be moved.
  const now = Date.parse(view.generatedAt);
  const active = view.silos.filter((s) => s.status === 'active');
  const attention = silosNeedingAttention(view.silos, now);
  const total = active.reduce((sum, s) => sum + s.activations, 0);
  const siloRows = view.silos.map((s) =>
    h(
      'tr',
      { testid: 'cluster-silo-row', 'data-status': s.status, 'data-address': s.address },
      h('td', { testid: 'silo-name' }, s.name || '—', h('div', { class: 'muted' }, s.address)),
      h('td', { testid: 'silo-status' }, badge(humanize(s.status), statusKind(s.status))),
      h('td', { testid: 'silo-age' }, s.status === 'active' ? formatAge(s.startedAt, now) : '—'),
      h('td', { testid: 'silo-heartbeat' }, relativeTime(s.lastHeartbeat, now)),
      h('td', { testid: 'silo-activations' }, formatNumber(s.activations)),
      h(
        'td',
        { testid: 'silo-streams' },
        describeStreams(s),
        s.partitions.length > 0
          ? h(
              'details',
              null,
              h('summary', null, 'Partitions'),
              h('ul', { class: 'plain-list' }, ...s.partitions.map((p) => h('li', { testid: 'silo-partition' }, `${p.topic} #${p.partition}: lag ${p.lag ?? 'not measured yet'}`))),
            )
          : null,
        s.probeError ? h('div', { class: 'field-error', testid: 'silo-probe-error' }, s.probeError) : null,
      ),
    ),
  );
  const typeRows = activationsByType(view.activations).slice(0, 40).map((t) =>
    h('tr', { testid: 'cluster-activation-row', 'data-grain-type': t.grainType }, h('td', { title: t.grainType }, shortGrainType(t.grainType)), h('td', null, formatNumber(t.total)), h('td', null, formatNumber(t.silos))),
  );
  const runRows = view.recentRuns.map((r) =>
    h(
      'tr',
      { testid: 'cluster-run-row', 'data-status': r.status },
      h('td', null, humanize(r.job)),
      h('td', null, r.period),
      h('td', null, badge(humanize(r.status), r.status === 'succeeded' ? 'success' : r.status === 'failed' ? 'danger' : 'neutral')),
      h('td', null, formatNumber(r.attempts)),
      h('td', null, r.durationSeconds === null ? '—' : `${formatNumber(r.durationSeconds, 1)} s`),
      h('td', null, r.error ?? ''),
    ),
  );
  return [
    h('p', { class: 'lead', testid: 'cluster-summary' }, `${active.length} active silo${active.length === 1 ? '' : 's'} of ${view.silos.length} in the membership table · ${formatNumber(total)} activations`),
    attention.length > 0
      ? notice('warning', `Look at: ${attention.map((s) => s.name || s.address).join(', ')} (no recent heartbeat, or no answer to its probe).`, 'cluster-attention')
      : null,
    h('h2', null, 'Silos'),
    table('Silos', ['Silo', 'Status', 'Up for', 'Last heartbeat', 'Activations', 'Streams'], siloRows, { testid: 'cluster-silos' }),
    h('h2', null, 'Activations by grain type'),
    typeRows.length > 0 ? table('Activations by grain type', ['Grain type', 'Activations', 'On silos'], typeRows, { testid: 'cluster-activations' }) : emptyState('No activations.'),
    h('h2', null, 'Latest analytics runs'),
    runRows.length > 0 ? table('Latest analytics runs', ['Job', 'Period', 'Status', 'Attempts', 'Duration', 'Error'], runRows, { testid: 'cluster-runs' }) : emptyState('No analytics run yet.', 'cluster-no-runs'),
  ].filter((n): n is HTMLElement => n !== null);
}
