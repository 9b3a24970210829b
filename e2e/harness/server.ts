import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { platformProtections } from '../../electron/platformProtections.js';
import type { Channel, ChannelArgs, ChannelResult, EventName, IpcResponse } from '../../shared/ipc/contract.js';
import { createVaultService, crossingCsp, type LockReason, type VaultService } from '../../shared/service/index.js';
import { bridgeScript } from './bridgeScript.js';
import { DIALOG_NAMES, DialogAnswers, type DialogAnswer, type DialogName } from './dialogAnswers.js';
import { PLACEHOLDER_HTML, PLACEHOLDER_JS, contentTypeOf, injectBridge, resolveStatic } from './staticFiles.js';

export interface HarnessOptions {
  /** The built renderer (`dist-renderer/`). When it has no index.html, a placeholder page is served. */
  rendererDir?: string;
  /** The app data folder; a fresh temp folder (removed on close) when not given. */
  dataDir?: string;
  appVersion?: string;
  /** The key installers are checked against: Crossing's pinned release key unless a spec gives a throwaway one. */
  releasePublicKey?: string;
  now?: () => Date;
  /** What main would say this machine protects; by default the network's laptops (see HARNESS_PROTECTIONS). */
  platformProtections?: ChannelResult<'platformProtections'>;
  /** Check every answer against the contract (the default); the UI bench turns it off, as a packaged build has it. */
  checkResults?: boolean;
}

/**
 * Main answers `platformProtections` in the app; the harness, standing in for main, answers for the
 * laptops the network's caseworkers use: Ubuntu GNOME on Wayland, dbus-monitor installed, a system idle
 * time that reads 0. The Settings screen then lists the gaps a caseworker there has.
 */
export const HARNESS_PROTECTIONS = platformProtections(
  'linux',
  { XDG_SESSION_TYPE: 'wayland', XDG_SESSION_ID: '2' },
  { monitorTool: 'dbus-monitor', monitorsListening: true, systemIdleStuck: true, panicShortcutRegistered: true },
);
/** The harness is not Electron: About says so rather than showing made-up versions. */
export const HARNESS_RUNTIME = { electron: null, chromium: null, node: process.versions.node };

/** One contract call the harness answered, and how long the service took over it. */
export interface CallTiming {
  channel: string;
  /** `performance.now()` in the harness's process when the call arrived. */
  startedAt: number;
  /** From arrival to answer: includes any wait behind earlier calls, as the service answers one at a time. */
  ms: number;
}
/** The timings kept: the latest calls only, so that a long test run does not grow without end. */
const TIMINGS_KEPT = 20_000;

export interface Harness {
  /** The page to open: http://127.0.0.1:PORT/ */
  readonly url: string;
  readonly origin: string;
  /** Required by the WebSocket and by the HTTP control endpoint. */
  readonly token: string;
  readonly dataDir: string;
  /** Where "save as…" writes when a test queued no answer. */
  readonly outDir: string;
  readonly servingPlaceholder: boolean;
  readonly service: VaultService;
  readonly dialogs: DialogAnswers;
  /** The next answer of a dialog: a path, or null for "cancelled". */
  queueDialog(dialog: DialogName, answer: DialogAnswer): void;
  /** Calls the contract directly (setting up a vault or cases without clicking through the UI). */
  call<C extends Channel>(channel: C, args: ChannelArgs<C>): Promise<IpcResponse<C>>;
  lock(reason: LockReason): void;
  /** The latest calls answered (from the page or through `call`), oldest first: for the UI bench. */
  callTimings(): readonly CallTiming[];
  clearCallTimings(): void;
  /** As if the person double-clicked a `.crossing` file: the UI receives `importFileOpened`. */
  openFile(filePath: string): void;
  close(): Promise<void>;
}

const BRIDGE_PATH = '/__harness/bridge.js';
const CONTROL_PATH = '/__harness/control';
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/**
 * Serves the built renderer on 127.0.0.1 (random port) under Crossing's CSP, and answers the IPC
 * contract over a loopback WebSocket with the same vault service Electron's main process uses.
 * For tests only: never part of a packaged build.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const ownsDataDir = options.dataDir === undefined;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'crossing-harness-'));
  const dataDir = options.dataDir ?? path.join(root, 'data');
  const outDir = path.join(root, 'out');
  fs.mkdirSync(dataDir, { recursive: true });
  const token = crypto.randomBytes(24).toString('hex');
  const rendererDir = path.resolve(options.rendererDir ?? 'dist-renderer');
  const servingPlaceholder = !fs.existsSync(path.join(rendererDir, 'index.html'));

  const sockets = new Set<WebSocket>();
  const broadcast = (event: EventName, payload: unknown) => {
    const message = JSON.stringify({ event, payload });
    for (const socket of sockets) socket.send(message);
  };
  const dialogs = new DialogAnswers(outDir);
  const service = createVaultService({
    dataDir,
    dialogs,
    appVersion: options.appVersion ?? '0.0.0-harness',
    runtime: HARNESS_RUNTIME,
    ...(options.releasePublicKey ? { releasePublicKey: options.releasePublicKey } : {}),
    emit: broadcast,
    checkResults: options.checkResults ?? true,
    ...(options.now ? { now: options.now } : {}),
  });

  const protections = options.platformProtections ?? HARNESS_PROTECTIONS;
  /** The contract as the app answers it: main's own rows here, every other row by the vault service. */
  const answerCall = (channel: string, args: unknown): Promise<IpcResponse<Channel>> =>
    channel === 'platformProtections'
      ? Promise.resolve({ ok: true, value: protections })
      : service.handle(channel, args);
  let timings: CallTiming[] = [];
  const handle = async (channel: string, args: unknown): Promise<IpcResponse<Channel>> => {
    const startedAt = performance.now();
    try {
      return await answerCall(channel, args);
    } finally {
      if (timings.length >= TIMINGS_KEPT) timings = timings.slice(TIMINGS_KEPT / 2);
      timings.push({ channel, startedAt, ms: performance.now() - startedAt });
    }
  };

  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const wsUrl = `ws://127.0.0.1:${port}/__harness/ws?token=${token}`;
  const csp = crossingCsp({ connect: [`ws://127.0.0.1:${port}`] });

  const harness: Harness = {
    url: `${origin}/`,
    origin,
    token,
    dataDir,
    outDir,
    servingPlaceholder,
    service,
    dialogs,
    queueDialog: (dialog, answer) => dialogs.queue(dialog, answer),
    call: (channel, args) => handle(channel, args) as Promise<IpcResponse<typeof channel>>,
    lock: (reason) => service.lock(reason),
    callTimings: () => timings.slice(),
    clearCallTimings: () => void (timings = []),
    openFile: (filePath) => void service.openFile(filePath),
    async close() {
      for (const socket of sockets) socket.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      service.lock('user');
      fs.rmSync(ownsDataDir ? root : outDir, { recursive: true, force: true });
    },
  };

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Security-Policy': csp, 'Content-Type': type });
      res.end(body);
    };
    if (url.pathname === CONTROL_PATH)
      return void handleControl(req, harness).then(([status, body]) => send(status, body, 'application/json'));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    if (url.pathname === BRIDGE_PATH) return send(200, bridgeScript(wsUrl), contentTypeOf('bridge.js'));
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const html = servingPlaceholder
        ? PLACEHOLDER_HTML
        : fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
      return send(200, injectBridge(html, BRIDGE_PATH), contentTypeOf('index.html'));
    }
    if (servingPlaceholder && url.pathname === '/placeholder.js')
      return send(200, PLACEHOLDER_JS, contentTypeOf('bridge.js'));
    const file = servingPlaceholder ? null : resolveStatic(rendererDir, url.pathname);
    if (file === null) return send(404, 'not found');
    send(200, fs.readFileSync(file), contentTypeOf(file));
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    // Only the harness's own page may connect: right token, and a browser Origin of this server.
    const allowed =
      url.pathname === '/__harness/ws' &&
      safeEqual(url.searchParams.get('token') ?? '', token) &&
      req.headers.origin === origin;
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data) => void answer(ws, handle, data.toString()));
    });
  });

  return harness;
}

type Handle = (channel: string, args: unknown) => Promise<IpcResponse<Channel>>;

async function answer(ws: WebSocket, handle: Handle, text: string): Promise<void> {
  let message: { id?: unknown; channel?: unknown; args?: unknown };
  try {
    message = JSON.parse(text) as typeof message;
  } catch {
    return;
  }
  if (typeof message !== 'object' || message === null) return;
  const response = await handle(String(message.channel), message.args);
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: message.id, response }));
}

/**
 * The control endpoint for a harness run in another process: POST JSON with the token in the
 * `x-harness-token` header. `{ "dialog": "saveFile", "answer": "/tmp/x.crossing" }` queues a dialog
 * answer; `{ "lock": "panic" }` locks; `{ "openFile": "/tmp/x.crossing" }` opens a file with the app.
 */
async function handleControl(req: http.IncomingMessage, harness: Harness): Promise<[number, string]> {
  if (req.method !== 'POST') return [405, '{"error":"POST only"}'];
  if (!safeEqual(String(req.headers['x-harness-token'] ?? ''), harness.token)) return [403, '{"error":"bad token"}'];
  let body: Record<string, unknown>;
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    return [400, '{"error":"not JSON"}'];
  }
  if (
    typeof body.dialog === 'string' &&
    (DIALOG_NAMES as readonly string[]).includes(body.dialog) &&
    (typeof body.answer === 'string' || body.answer === null)
  ) {
    harness.queueDialog(body.dialog as DialogName, body.answer);
  } else if (typeof body.lock === 'string' && ['idle', 'suspend', 'screen', 'panic', 'user'].includes(body.lock)) {
    harness.lock(body.lock as LockReason);
  } else if (typeof body.openFile === 'string') {
    harness.openFile(body.openFile);
  } else return [400, '{"error":"unknown control message"}'];
  return [200, JSON.stringify({ ok: true, saved: harness.dialogs.saved })];
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
