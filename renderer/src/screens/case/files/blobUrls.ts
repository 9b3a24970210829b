import { onEvent } from '../../../api';

/**
 * Decrypted files are shown from blob: URLs held in this page's memory, never written anywhere.
 * Every URL made is remembered, and revoked when its viewer or thumbnail goes, and all at once when
 * the vault locks: after a lock no decrypted picture stays reachable from the page.
 */
const live = new Set<string>();

export function blobUrlOf(base64: string, type: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  bytes.fill(0);
  live.add(url);
  return url;
}

export function revokeBlobUrl(url: string | null | undefined): void {
  if (!url || !live.has(url)) return;
  URL.revokeObjectURL(url);
  live.delete(url);
}

export function revokeAllBlobUrls(): void {
  for (const url of live) URL.revokeObjectURL(url);
  live.clear();
}

export function decodeBase64(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

let watching = false;
/** Called once by the Files section: forget every URL when the vault locks, whatever is mounted. */
export function revokeOnLock(): void {
  if (watching) return;
  watching = true;
  onEvent('locked', () => revokeAllBlobUrls());
}
