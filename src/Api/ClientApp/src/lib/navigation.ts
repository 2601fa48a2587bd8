// Lets pages navigate without importing the app's entry module.

import type { Router } from './router';

let current: Router | null = null;

export function setRouter(router: Router): void {
  current = router;
}

export function navigate(path: string, replace = false): void {
  if (current) current.navigate(path, replace);
  else window.location.assign(path);
}
