/** Images: use the local copy, else pull it with progress lines; a failed pull names the image. */
import type Docker from 'dockerode';
import { LabError } from '../errors';
import type { ProgressSink } from '../types';

interface PullEvent {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
}

export async function imagePresent(docker: Docker, image: string): Promise<boolean> {
  try {
    await docker.getImage(image).inspect();
    return true;
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) return false;
    throw e;
  }
}

function pullFailed(image: string, service: string, why: string, cause?: unknown): LabError {
  return new LabError(
    'IMAGE_PULL_FAILED',
    `Pulling the ${service} image ${image} failed: ${why}`,
    `Check the network or registry access (docker pull ${image}), or make the image available locally ` +
      `(docker load / docker build -t ${image}), or choose another image with --${service}-image.`,
    { cause },
  );
}

/** Pulls `image` unless present; progress roughly every 2 s as "MB done / MB total". */
export async function ensureImage(
  docker: Docker,
  image: string,
  service: string,
  progress: ProgressSink,
): Promise<void> {
  if (await imagePresent(docker, image)) return;
  progress(`${service}: pulling ${image}`);
  let stream: NodeJS.ReadableStream;
  try {
    stream = await docker.pull(image);
  } catch (e) {
    throw pullFailed(image, service, e instanceof Error ? e.message : String(e), e);
  }
  const layers = new Map<string, { current: number; total: number }>();
  let last = Date.now();
  let streamError: string | undefined;
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (err: Error | null) => (err ? reject(pullFailed(image, service, err.message, err)) : resolve()),
      (ev: PullEvent) => {
        if (ev.error) streamError = ev.errorDetail?.message ?? ev.error;
        if (ev.id && ev.progressDetail?.total) {
          layers.set(ev.id, { current: ev.progressDetail.current ?? 0, total: ev.progressDetail.total });
        }
        if (Date.now() - last > 2000 && layers.size > 0) {
          last = Date.now();
          let cur = 0;
          let tot = 0;
          for (const l of layers.values()) {
            cur += l.current;
            tot += l.total;
          }
          progress(`${service}: pulling ${image}: ${(cur / 1e6).toFixed(0)} / ${(tot / 1e6).toFixed(0)} MB`);
        }
      },
    );
  });
  if (streamError !== undefined) throw pullFailed(image, service, streamError);
  if (!(await imagePresent(docker, image))) throw pullFailed(image, service, 'the engine reported no image');
  progress(`${service}: pulled ${image}`);
}
