import { readFile } from 'node:fs/promises';
import { type Protocol } from 'electron';
import { contentTypeOf, resolveAppFile } from './appFiles.js';
import { contentSecurityPolicy } from './csp.js';
import { APP_SCHEME } from './sessionPolicy.js';

/**
 * The custom scheme is standard (it has an origin, so 'self' and ES modules work) and secure; it must be
 * registered before the app is ready. Loading from it instead of file:// keeps the renderer out of the
 * rest of the file system.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/** Answers a request for an app URL from the renderer folder; 404 for anything outside it. */
export function appFileHandler(rootDir: string) {
  return async (request: { url: string; method: string }): Promise<Response> => {
    const file = request.method === 'GET' ? resolveAppFile(rootDir, request.url) : null;
    if (file === null) return new Response(null, { status: 404, headers: SECURITY_HEADERS });
    try {
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file) } });
    } catch {
      return new Response(null, { status: 404, headers: SECURITY_HEADERS });
    }
  };
}

/** Serves the renderer on the app scheme in one session. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, appFileHandler(rootDir));
}
