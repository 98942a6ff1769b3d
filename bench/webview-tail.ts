/**
 * `node --import tsx bench/webview-tail.ts [--rate 5000] [--seconds 60] [--buffer 100000]`
 *
 * The Records webview in headless Chromium (real bundle, the panel's CSP, host seam stubbed):
 * records arrive as the host sends them, one batch every 50 ms at --rate records/s for --seconds.
 * Prints JSON: first records painted after open, p95/max frame time while tailing, records dropped
 * within the buffer, the renderer main thread's CPU share while tailing (thread time, comparable
 * on a loaded machine) with the load average, and JS heap with a full buffer. Goals (issue 9): p95 < 50 ms, 0 dropped,
 * first paint < 300 ms, < 300 MB at 100k.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { decodeRecord } from '../protocol/webview/record-decode';
import type { RecordView } from '../protocol/webview/records';

const ROOT = resolve(__dirname, '..');
const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '5000' },
    seconds: { type: 'string', default: '60' },
    buffer: { type: 'string', default: '100000' },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const bufferSize = Number(values.buffer);

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  tdur?: number;
  args?: { name?: string };
}

interface Poster {
  postMessage(message: unknown, origin: string): void;
}

const enc = (s: string) => new TextEncoder().encode(s);
let id = 1;
function batch(n: number): RecordView[] {
  const out: RecordView[] = [];
  for (let i = 0; i < n; i++) {
    const k = id;
    out.push(
      decodeRecord(
        id++,
        {
          topic: 'bench',
          partition: k % 3,
          offset: String(k),
          timestamp: String(Date.now()),
          key: enc(`{"id":${k}}`),
          value: enc(
            `{"before":null,"after":{"id":${k},"name":"customer ${k}","email":"c${k}@example.com"},"source":{"schema":"public","table":"customers","txId":${k},"lsn":${k * 100}},"op":"c","ts_ms":${Date.now()}}`,
          ),
          headers: [['trace', enc(`t-${k}`)]],
        },
        'records',
      ).view,
    );
  }
  return out;
}

async function main(): Promise<void> {
  const script = (
    await esbuild.build({
      entryPoints: [join(ROOT, 'webview', 'records', 'main.ts')],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      mainFields: ['module', 'main'],
      minify: true,
      logLevel: 'error',
    })
  ).outputFiles[0].text;
  const nonce = randomBytes(16).toString('base64');
  const html = `<!DOCTYPE html><html><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'; style-src 'self' 'nonce-${nonce}'"></head><body>
<script nonce="${nonce}">window.acquireVsCodeApi = () => ({ postMessage: () => {} });</script>
<script type="module" nonce="${nonce}" src="/main.js"></script></body></html>`;
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': req.url === '/main.js' ? 'text/javascript' : 'text/html' });
    res.end(req.url === '/main.js' ? script : html);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const browser = await chromium.launch({
    executablePath: process.env.KCL_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--enable-precise-memory-info',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('crash', () => console.error('renderer crashed'));
    page.on('console', (m) => {
      if (m.type() === 'error') console.error(m.text());
    });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForSelector('#list');
    const post = (m: unknown) =>
      page.evaluate((msg) => (globalThis as unknown as Poster).postMessage(msg, '*'), m);
    await post({
      type: 'init',
      body: { title: 'bench', topic: 'bench', partitions: [0, 1, 2], mode: 'records', bufferSize },
    });
    // Records are generated in the page from one decoded template (ids, offsets renewed) and
    // posted with window.postMessage, as the host's postMessage arrives: the driver's CDP round
    // trips would otherwise be the bottleneck, not the webview.
    const perBatch = Math.round(rate / 20);
    const template = JSON.stringify(batch(perBatch));
    await page.evaluate(`window.__tpl = ${template}; window.__id = 1;
      window.__batch = (n) => { const out = []; for (let i = 0; i < n; i++) { const t = window.__tpl[i % window.__tpl.length]; const id = window.__id++;
        out.push({ ...t, id, offset: String(id), timestamp: String(Date.now()) }); } return out; };
      window.__t0 = performance.now(); window.postMessage({ type: 'records', body: { records: window.__batch(${perBatch}) } }, '*');`);
    await page.waitForSelector('.row:not([hidden])');
    const firstPaintMs = Math.round(await page.evaluate<number>('performance.now() - window.__t0'));
    // A string, not a function: tsx's __name helper would not exist in the page.
    await page.evaluate(
      `window.__frames = []; { let last = performance.now(); const tick = (t) => { window.__frames.push(t - last); last = t; requestAnimationFrame(tick); }; requestAnimationFrame(tick); }
       window.__sentCount = ${perBatch}; window.__timer = setInterval(() => { window.postMessage({ type: 'records', body: { records: window.__batch(${perBatch}) } }, '*'); window.__sentCount += ${perBatch}; }, 50);`,
    );
    // CPU time of the renderer's main thread (thread time, not wall time: a figure that stays
    // comparable on a loaded machine, where frame times mostly measure the other processes).
    const tracer = await page.context().newCDPSession(page);
    const events: TraceEvent[] = [];
    tracer.on('Tracing.dataCollected', (d) => {
      events.push(...(d.value as unknown as TraceEvent[]));
    });
    const traced = new Promise((ok) => tracer.once('Tracing.tracingComplete', ok));
    await tracer.send('Tracing.start', { categories: 'toplevel,__metadata', transferMode: 'ReportEvents' });
    const load1 = loadavg()[0];
    await new Promise((r) => setTimeout(r, seconds * 1000));
    await page.evaluate('clearInterval(window.__timer)');
    await tracer.send('Tracing.end');
    await traced;
    const mainThread = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const busyUs = events
      .filter((e) => e.ph === 'X' && e.tid === mainThread?.tid && e.pid === mainThread?.pid)
      .filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask')
      .reduce((sum, e) => sum + (e.tdur ?? 0), 0);
    await new Promise((r) => setTimeout(r, 500));
    const sent = await page.evaluate<number>('window.__sentCount');
    const frames = await page.evaluate<number[]>('window.__frames');
    frames.sort((a, b) => a - b);
    const counts = await page.evaluate<string>("document.getElementById('counts').textContent");
    const m = /(\d+) shown · (\d+) buffered · (\d+) received/.exec(counts);
    const buffered = Number(m?.[2] ?? 0);
    const received = Number(m?.[3] ?? 0);
    // Fill to the buffer size and read the heap.
    await page.evaluate(
      `for (let i = window.__sentCount; i < ${bufferSize}; i += 5000) window.postMessage({ type: 'records', body: { records: window.__batch(5000) } }, '*');`,
    );
    await new Promise((r) => setTimeout(r, 3000));
    const fullCounts = await page.evaluate<string>("document.getElementById('counts').textContent");
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const metrics = (await cdp.send('Performance.enable').then(() => cdp.send('Performance.getMetrics')))
      .metrics;
    const heap = metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0;
    const pct = (p: number) =>
      Math.round(frames[Math.min(frames.length - 1, Math.floor(frames.length * p))] * 10) / 10;
    console.log(
      JSON.stringify(
        {
          bench: 'webview-tail',
          rate,
          seconds,
          bufferSize,
          firstPaintMs,
          frames: frames.length,
          frameP50Ms: pct(0.5),
          frameP95Ms: pct(0.95),
          frameMaxMs: Math.round(frames[frames.length - 1] * 10) / 10,
          rendererMainCpuPct: Math.round(busyUs / (seconds * 1e6) / 0.001) / 10,
          loadAverage1m: [Math.round(load1 * 10) / 10, Math.round(loadavg()[0] * 10) / 10],
          sentDuringTail: sent,
          countsAtFullBuffer: fullCounts,
          receivedByWebview: received,
          bufferedAfterTail: buffered,
          droppedWithinBuffer: Math.max(0, Math.min(received, bufferSize) - buffered),
          heapMbAtFullBuffer: Math.round((heap / 1024 / 1024) * 10) / 10,
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
