/**
 * The webview's single host seam: everything the panel sends or receives goes through here.
 * Browser tests replace `acquireVsCodeApi` and post `ToWebview` messages to the window.
 */
import type { ToHost, ToWebview } from '../../protocol/webview/records';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

let api: VsCodeApi | undefined;

export function send(message: ToHost): void {
  (api ??= acquireVsCodeApi()).postMessage(message);
}

export function onMessage(handler: (message: ToWebview) => void): void {
  window.addEventListener('message', (e: MessageEvent<unknown>) => {
    const m = e.data as { type?: unknown; body?: unknown } | null;
    if (m && typeof m.type === 'string' && typeof m.body === 'object' && m.body !== null)
      handler(m as ToWebview);
  });
}
