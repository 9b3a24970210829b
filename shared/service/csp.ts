/**
 * Crossing's Content-Security-Policy: nothing from any remote origin, no inline script, no eval,
 * no plugins, no framing, no forms. `connect` lists the only places the page may talk to (none in
 * the app; the harness adds its own loopback WebSocket).
 */
export function crossingCsp(options: { connect?: readonly string[] } = {}): string {
  const connect = options.connect?.length ? options.connect.join(' ') : "'none'";
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    // pdf.js parses a PDF in a worker: only the app's own worker file (never blob: or a remote one).
    "worker-src 'self'",
    "manifest-src 'none'",
  ].join('; ');
}
