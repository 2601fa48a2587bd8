// Saves a fetched response (a report, a CSV) as a file: the request carries the bearer token, so a plain link
// cannot fetch it; the blob is handed to a temporary download link instead.

import { h } from './dom';

export async function saveDownload(response: Response, fileName: string): Promise<void> {
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: fileName, class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has handed the blob to the download.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
