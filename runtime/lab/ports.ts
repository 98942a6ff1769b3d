import { createServer } from 'node:net';

/** True when nothing listens on 127.0.0.1:port (we can bind it ourselves). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/** A port the kernel considers free right now on 127.0.0.1, not in `avoid`. */
export async function pickFreePort(avoid: ReadonlySet<number>): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
        const addr = server.address();
        const p = typeof addr === 'object' && addr ? addr.port : 0;
        server.close(() => resolve(p));
      });
    });
    if (port > 0 && !avoid.has(port)) return port;
  }
  throw new Error('no free port found on 127.0.0.1');
}
