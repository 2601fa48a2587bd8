// A tiny History-API router: path patterns with :params, role guards, one page at a time with its own
// AbortSignal for cleanup, and focus moved to the new page's heading (announced by screen readers).

import type { Role } from '../api/types';

export interface PageContext {
  params: Record<string, string>;
  query: URLSearchParams;
  /** The page's container (already empty). */
  root: HTMLElement;
  /** Aborted when the user leaves the page: pass it to listeners and fetches. */
  signal: AbortSignal;
  /** Registers a cleanup (timers, media tracks, hub connections). */
  onCleanup: (fn: () => void) => void;
}

export interface Route {
  path: string;
  /** Roles allowed; omitted = anyone, [] = signed-in users of any role. */
  roles?: readonly Role[];
  title: string;
  render: (ctx: PageContext) => void | Promise<void>;
}

interface Compiled extends Route {
  regex: RegExp;
  keys: string[];
}

export function compile(path: string): { regex: RegExp; keys: string[] } {
  const keys: string[] = [];
  const pattern = path
    .split('/')
    .map((part) => {
      if (part.startsWith(':')) {
        keys.push(part.slice(1));
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { regex: new RegExp(`^${pattern}/?$`), keys };
}

export function match(routes: readonly Route[], pathname: string): { route: Route; params: Record<string, string> } | null {
  for (const route of routes) {
    const { regex, keys } = compile(route.path);
    const m = regex.exec(pathname);
    if (m) {
      const params: Record<string, string> = {};
      keys.forEach((key, i) => {
        params[key] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { route, params };
    }
  }
  return null;
}

export interface RouterOptions {
  routes: Route[];
  root: HTMLElement;
  /** Decides where a request for `route` goes instead (sign-in, home), or null to render it. */
  guard: (route: Route, pathname: string) => string | null;
  notFound: (ctx: PageContext) => void;
  onNavigate?: (pathname: string) => void;
}

export class Router {
  private readonly routes: Compiled[];
  private controller: AbortController | null = null;
  private cleanups: (() => void)[] = [];
  private renderId = 0;

  constructor(private readonly options: RouterOptions) {
    this.routes = options.routes.map((r) => ({ ...r, ...compile(r.path) }));
    window.addEventListener('popstate', () => void this.render());
    document.addEventListener('click', (event) => this.interceptLink(event));
  }

  navigate(path: string, replace = false): void {
    if (replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    void this.render();
  }

  /** Re-renders the current page. */
  refresh(): Promise<void> {
    return this.render();
  }

  async render(): Promise<void> {
    const id = ++this.renderId;
    this.leave();
    const { pathname, search } = window.location;
    const found = match(this.routes, pathname);
    const controller = new AbortController();
    this.controller = controller;
    const root = this.options.root;
    root.replaceChildren();
    const ctx: PageContext = {
      params: found?.params ?? {},
      query: new URLSearchParams(search),
      root,
      signal: controller.signal,
      onCleanup: (fn) => this.cleanups.push(fn),
    };

    if (found) {
      const redirect = this.options.guard(found.route, pathname);
      if (redirect && redirect !== pathname + search) {
        this.navigate(redirect, true);
        return;
      }
      document.title = `${found.route.title} · ProctorWise`;
      this.options.onNavigate?.(pathname);
      try {
        await found.route.render(ctx);
      } catch (error) {
        if ((error as Error).name !== 'AbortError') throw error;
      }
    } else {
      document.title = 'Not found · ProctorWise';
      this.options.onNavigate?.(pathname);
      this.options.notFound(ctx);
    }
    if (id === this.renderId) focusHeading(root);
  }

  private leave(): void {
    this.controller?.abort();
    this.controller = null;
    const cleanups = this.cleanups;
    this.cleanups = [];
    for (const fn of cleanups) {
      try {
        fn();
      } catch (error) {
        console.error(error);
      }
    }
  }

  private interceptLink(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin || /^\/(api|hubs|health|openapi|scalar)(\/|$)/.test(url.pathname)) return;
    event.preventDefault();
    if (url.pathname + url.search !== window.location.pathname + window.location.search) this.navigate(url.pathname + url.search);
  }
}

/** Moves focus to the page's main heading so keyboard and screen-reader users start at the new content. */
export function focusHeading(root: HTMLElement): void {
  const heading = root.querySelector<HTMLElement>('h1');
  const target = heading ?? root;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  // focusVisible: false — the heading is a reading position, not a control: Chromium otherwise paints the
  // thick keyboard ring on it after every keyboard-triggered navigation (issue 17). Tab still starts here.
  target.focus({ preventScroll: false, focusVisible: false } as FocusOptions);
}
