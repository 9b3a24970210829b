import fs from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export const contentTypeOf = (file: string) =>
  CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** The file a URL path names inside `root`, or null for anything outside it or missing. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, `.${path.posix.normalize(`/${decoded}`)}`);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** Adds the bridge script before any other script, so `window.crossing` exists when the UI starts. */
export function injectBridge(html: string, bridgeSrc: string): string {
  const tag = `<script src="${bridgeSrc}"></script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}

/** Served only when the renderer has not been built: enough to smoke-test the harness itself. */
export const PLACEHOLDER_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><title>Crossing harness</title><script src="/placeholder.js"></script></head>
  <body><p id="status">The renderer is not built: run npm run build:renderer.</p></body>
</html>
`;
/** The placeholder's only behaviour: asks for the app state, so the bridge is exercised, then reports ready. */
export const PLACEHOLDER_JS = `window.crossing.getAppState({}).then((r) => {
  document.getElementById('status').textContent = JSON.stringify(r);
  document.body.dataset.ready = r.ok ? (r.value.unlocked ? 'app' : r.value.vaultExists ? 'unlock' : 'create') : 'error';
});
`;
