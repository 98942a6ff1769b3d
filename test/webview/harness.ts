/**
 * Runs a webview bundle in headless Chromium with its one host seam stubbed: the page gets the
 * panel's CSP, an `acquireVsCodeApi` that records what the webview sends, and the test plays the
 * host by posting `ToWebview` messages. Served over loopback HTTP (module scripts need an origin).
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { ToHost, ToWebview } from '../../protocol/webview/records';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/code-server';

const ROOT = resolve(__dirname, '..', '..');

export interface WebviewPage {
  page: Page;
  /** Messages the webview sent to the host, oldest first. */
  sent(): Promise<ToHost[]>;
  post(message: ToWebview): Promise<void>;
  cspViolations(): Promise<string[]>;
  close(): Promise<void>;
}

export async function bundle(panel: string): Promise<string> {
  const out = await esbuild.build({
    entryPoints: [join(ROOT, 'webview', panel, 'main.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    mainFields: ['module', 'main'],
    logLevel: 'error',
  });
  return out.outputFiles[0].text;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

interface Poster {
  postMessage(message: unknown, origin: string): void;
}

export async function openWebview(browser: Browser, script: string): Promise<WebviewPage> {
  const nonce = randomBytes(16).toString('base64');
  // The same policy the host sets (src/webviews/records/records-html.ts), with 'self' as cspSource.
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'self' 'nonce-${nonce}'; font-src 'self'; img-src 'self' data:`;
  const html = `<!DOCTYPE html><html><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}"></head><body>
<script nonce="${nonce}">
window.__sent = []; window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__sent.push(JSON.parse(JSON.stringify(m))), getState: () => undefined, setState: () => {} });
</script>
<script type="module" nonce="${nonce}" src="/main.js"></script></body></html>`;
  const server = createServer((req, res) => {
    if (req.url === '/main.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(script);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(html);
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction('window.__sent.length > 0');
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  return {
    page,
    sent: () => page.evaluate<ToHost[]>('window.__sent'),
    post: (m) => page.evaluate((msg) => (globalThis as unknown as Poster).postMessage(msg, '*'), m),
    cspViolations: () => page.evaluate<string[]>('window.__csp'),
    close: async () => {
      await page.close();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
