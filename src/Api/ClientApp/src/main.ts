// Entry point: the shell (skip link, role-aware navigation, main region), the routes and session wiring.

import './styles.css';
import type { Role } from './api/types';
import { auth } from './lib/auth';
import { h, replace } from './lib/dom';
import { Router, type Route } from './lib/router';
import { syncClock } from './lib/services';
import { loginPage, registerPage } from './pages/auth';
import { changePasswordPage } from './pages/account';
import { examsPage } from './pages/student/exams';
import { bookingsPage } from './pages/student/bookings';
import { examSessionPage } from './pages/student/session';
import { resultPage, resultsPage } from './pages/student/results';
import { myAnalyticsPage } from './pages/student/analytics';
import { teacherExamsPage } from './pages/teacher/exams';
import { examEditorPage } from './pages/teacher/editor';
import { examDetailPage } from './pages/teacher/detail';
import { gradingPage } from './pages/teacher/grading';
import { examAnalyticsPage } from './pages/teacher/analytics';
import { roomsPage } from './pages/proctor/rooms';
import { roomReportPage } from './pages/proctor/report';
import { roomPage } from './pages/proctor/room';
import { usersPage } from './pages/admin/users';
import { notificationPreferencesPage, notificationsPage } from './pages/notifications';
import { badgeText, bellLabel } from './lib/inbox';
import { notifications } from './lib/notifications';
import { clusterPage } from './pages/admin/cluster';
import { platformPage } from './pages/admin/platform';
import { jobsPage } from './pages/admin/jobs';
import { datasetsPage } from './pages/admin/datasets';
import { pageHeader } from './ui/components';
import { setRouter } from './lib/navigation';

const STUDENT: readonly Role[] = ['student'];
const STAFF: readonly Role[] = ['teacher', 'admin'];
const SUPERVISORS: readonly Role[] = ['proctor', 'admin'];
const ADMIN: readonly Role[] = ['admin'];
const STUDENT_OR_ADMIN: readonly Role[] = ['student', 'admin'];
const SIGNED_IN: readonly Role[] = [];

export function homeOf(role: Role | null): string {
  switch (role) {
    case 'student':
      return '/exams';
    case 'teacher':
      return '/teacher/exams';
    case 'proctor':
      return '/proctor/rooms';
    case 'admin':
      return '/admin/users';
    default:
      return '/login';
  }
}

const PASSWORD_PAGE = '/account/password';

const routes: Route[] = [
  { path: '/', title: 'Home', render: () => undefined },
  { path: '/login', title: 'Sign in', render: loginPage },
  { path: '/register', title: 'Create an account', render: registerPage },
  { path: '/exams', roles: STUDENT, title: 'Exams', render: examsPage },
  { path: '/bookings', roles: STUDENT, title: 'My bookings', render: bookingsPage },
  { path: '/exam/:bookingId', roles: STUDENT, title: 'Exam', render: examSessionPage },
  { path: '/results', roles: STUDENT, title: 'My results', render: resultsPage },
  { path: '/results/:id', roles: STUDENT, title: 'Result', render: resultPage },
  { path: '/analytics/me', roles: STUDENT, title: 'My analytics', render: myAnalyticsPage },
  { path: '/analytics/users/:id', roles: STUDENT_OR_ADMIN, title: 'Student analytics', render: myAnalyticsPage },
  { path: '/teacher/exams', roles: STAFF, title: 'Exams', render: teacherExamsPage },
  { path: '/teacher/exams/new', roles: STAFF, title: 'New exam', render: examEditorPage },
  { path: '/teacher/exams/:id', roles: STAFF, title: 'Exam', render: examDetailPage },
  { path: '/teacher/exams/:id/edit', roles: STAFF, title: 'Edit exam', render: examEditorPage },
  { path: '/teacher/exams/:id/analytics', roles: STAFF, title: 'Exam analytics', render: examAnalyticsPage },
  { path: '/teacher/submissions/:id', roles: STAFF, title: 'Grade submission', render: gradingPage },
  { path: '/proctor/rooms', roles: SUPERVISORS, title: 'Rooms', render: roomsPage },
  { path: '/proctor/rooms/:slotId', roles: SUPERVISORS, title: 'Live room', render: roomPage },
  { path: '/proctor/rooms/:slotId/report', roles: SUPERVISORS, title: 'Room report', render: roomReportPage },
  { path: '/admin/users', roles: ADMIN, title: 'Users', render: usersPage },
  { path: '/notifications', roles: SIGNED_IN, title: 'Notifications', render: notificationsPage },
  { path: '/account/password', roles: SIGNED_IN, title: 'Change password', render: changePasswordPage },
  { path: '/notifications/preferences', roles: SIGNED_IN, title: 'Notification preferences', render: notificationPreferencesPage },
  { path: '/admin/cluster', roles: ADMIN, title: 'Cluster', render: clusterPage },
  { path: '/admin/analytics/platform', roles: ADMIN, title: 'Platform analytics', render: platformPage },
  { path: '/admin/analytics/jobs', roles: ADMIN, title: 'Analytics jobs', render: jobsPage },
  { path: '/admin/analytics/datasets', roles: ADMIN, title: 'Analytics datasets', render: datasetsPage },
];

interface NavItem {
  href: string;
  label: string;
  testid: string;
}

function navItems(role: Role | null): NavItem[] {
  switch (role) {
    case 'student':
      return [
        { href: '/exams', label: 'Exams', testid: 'nav-exams' },
        { href: '/bookings', label: 'My bookings', testid: 'nav-bookings' },
        { href: '/results', label: 'My results', testid: 'nav-results' },
      ];
    case 'teacher':
      return [{ href: '/teacher/exams', label: 'My exams', testid: 'nav-teacher-exams' }];
    case 'proctor':
      return [{ href: '/proctor/rooms', label: 'My rooms', testid: 'nav-rooms' }];
    case 'admin':
      return [
        { href: '/admin/users', label: 'Users', testid: 'nav-users' },
        { href: '/teacher/exams', label: 'All exams', testid: 'nav-admin-exams' },
        { href: '/proctor/rooms', label: 'Rooms', testid: 'nav-rooms' },
        { href: '/admin/cluster', label: 'Cluster', testid: 'nav-cluster' },
        { href: '/admin/analytics/platform', label: 'Analytics', testid: 'nav-analytics' },
        { href: '/admin/analytics/jobs', label: 'Jobs', testid: 'nav-jobs' },
        { href: '/admin/analytics/datasets', label: 'Datasets', testid: 'nav-datasets' },
      ];
    default:
      return [
        { href: '/login', label: 'Sign in', testid: 'nav-login' },
        { href: '/register', label: 'Create an account', testid: 'nav-register' },
      ];
  }
}

const app = document.getElementById('app') ?? document.body;
const nav = h('nav', { class: 'site-nav', 'aria-label': 'Main' });
const userBox = h('div', { class: 'user-box' });
const main = h('main', { id: 'main', class: 'main', tabindex: '-1' });

// The bell: the unread count of the signed-in user, live from /hubs/notifications (every open tab).
const bellCount = h('span', { class: 'bell-count', testid: 'notification-count', 'aria-hidden': 'true' });
const bell = h('a', { href: '/notifications', class: 'bell', testid: 'notification-bell' }, h('span', { class: 'bell-icon', 'aria-hidden': 'true' }, '\u{1F514}'), bellCount);
function showCount(count: number): void {
  bellCount.textContent = badgeText(count);
  bellCount.hidden = bellCount.textContent === '';
  bell.setAttribute('aria-label', bellLabel(count));
  bell.dataset.count = String(count);
}
showCount(0);
notifications.onCount(showCount);

replace(
  app,
  h('a', { href: '#main', class: 'skip-link', testid: 'skip-link', on: { click: (e) => { e.preventDefault(); main.focus(); } } }, 'Skip to main content'),
  h('header', { class: 'site-header' }, h('div', { class: 'site-header-inner' }, h('a', { href: '/', class: 'brand', testid: 'brand' }, 'ProctorWise'), nav, userBox)),
  main,
);

function renderShell(pathname: string): void {
  const items = navItems(auth.role);
  replace(
    nav,
    h(
      'ul',
      null,
      ...items.map((item) =>
        h(
          'li',
          null,
          h('a', { href: item.href, testid: item.testid, 'aria-current': pathname === item.href || pathname.startsWith(`${item.href}/`) ? 'page' : undefined }, item.label),
        ),
      ),
    ),
  );
  const user = auth.user;
  replace(
    userBox,
    user
      ? [
          bell,
          h('span', { class: 'user-name' }, h('span', { testid: 'current-user' }, user.name), ' ', h('span', { class: 'role-tag', testid: 'current-role' }, user.role)),
          h('a', { href: PASSWORD_PAGE, class: 'btn btn-secondary btn-small', testid: 'nav-password' }, 'Password'),
          h('button', { type: 'button', class: 'btn btn-secondary btn-small', testid: 'nav-signout', on: { click: () => { auth.signOut(); } } }, 'Sign out'),
        ]
      : null,
  );
}

const router = new Router({
  routes,
  root: main,
  guard: (route, pathname) => {
    const role = auth.role;
    if (route.path === '/') return homeOf(role);
    if ((route.path === '/login' || route.path === '/register') && role) return auth.user?.mustChangePassword ? PASSWORD_PAGE : homeOf(role);
    if (route.roles) {
      if (!role) return `/login?next=${encodeURIComponent(pathname)}`;
      // A temporary password (an administrator's reset) opens this one page until it is changed; the API refuses the rest.
      if (auth.user?.mustChangePassword && route.path !== PASSWORD_PAGE) return PASSWORD_PAGE;
      if (route.roles.length > 0 && !route.roles.includes(role)) return homeOf(role);
    }
    return null;
  },
  notFound: (ctx) => {
    ctx.root.append(pageHeader('Page not found'), h('p', null, 'There is nothing at this address. ', h('a', { href: '/' }, 'Go to the start page'), '.'));
  },
  onNavigate: renderShell,
});
setRouter(router);

auth.onChange((_session, reason) => {
  if (reason === 'refresh') return;
  // The notification hub refuses a temporary password's token: start it once the password is the user's own.
  if (reason === 'signin' && !auth.user?.mustChangePassword) notifications.start();
  else notifications.stop();
  if (reason === 'signin') {
    const next = new URLSearchParams(window.location.search).get('next');
    if (auth.user?.mustChangePassword) router.navigate(PASSWORD_PAGE, true);
    else router.navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : homeOf(auth.role), true);
  } else {
    // Signed out, or expired/revoked (the sign-in page shows the message).
    router.navigate(reason === 'expired' ? `/login?next=${encodeURIComponent(window.location.pathname)}` : '/login', true);
  }
});

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') auth.checkExpiry();
});

// Server time first (session expiry and every countdown depend on it), then the first page.
void (async () => {
  await syncClock();
  setInterval(() => void syncClock(), 5 * 60_000);
  auth.start();
  if (auth.user && !auth.user.mustChangePassword) notifications.start();
  await router.render();
})();
