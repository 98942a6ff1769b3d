import { javaToString } from '../../config/java-compat';
import { javaClassNameOf } from '../../data/errors';

/** Throwable.getMessage(): null when there is none (Java exceptions without a message). */
export function javaMessage(error: unknown): string | null {
  if (error instanceof Error) return error.message === '' ? null : error.message;
  return error === null || error === undefined ? null : javaToString(error);
}

/** Throwable.toString(). */
export function javaToStringOf(error: unknown): string {
  const message = javaMessage(error);
  const cls = javaClassNameOf(error);
  return message === null ? cls : `${cls}: ${message}`;
}

/**
 * One V8 stack frame in Java's StackTraceElement layout, `at <function>(<file>:<line>)`: V8's
 * "at Class.method (/abs/path/file.ts:12:5)" becomes "at Class.method(file.ts:12)", a frame without a
 * function name "at <anonymous>(file.ts:12)", "native"/"node:internal" frames keep their location.
 * The function and file names are the runtime's own (TypeScript), not Java classes: the layout is
 * Java's, the content is honest about where the error came from.
 */
export function javaStyleFrame(v8Frame: string): string | null {
  const f = v8Frame.trim();
  if (!f.startsWith('at ')) return null;
  const body = f.slice(3).replace(/^async /, '');
  const named = /^(.*?) \((.*)\)$/.exec(body);
  const fn = named ? named[1] : '<anonymous>';
  const where = named ? named[2] : body;
  const loc = /^(?:.*[/\\])?([^/\\]+?):(\d+)(?::\d+)?$/.exec(where);
  return `at ${fn}(${loc ? `${loc[1]}:${loc[2]}` : where})`;
}

function framesOf(error: unknown): string[] {
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  const out: string[] = [];
  for (const line of stack.split('\n').slice(1)) {
    const frame = javaStyleFrame(line);
    if (frame !== null) out.push(frame);
  }
  return out;
}

/**
 * Throwable.printStackTrace() text: the throwable line, `\tat` frames, then `Caused by:` for each
 * cause, whose frames shared with the enclosing trace's tail are folded into `\t... N more` as Java
 * does. Frames are the runtime's (see javaStyleFrame); the differential test compares the throwable
 * lines only.
 */
export function printStackTrace(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  let enclosing: string[] = [];
  let first = true;
  const seen = new Set<unknown>();
  while (current !== null && current !== undefined && !seen.has(current)) {
    seen.add(current);
    lines.push(`${first ? '' : 'Caused by: '}${javaToStringOf(current)}`);
    const frames = framesOf(current);
    let m = frames.length - 1;
    let n = enclosing.length - 1;
    while (!first && m >= 0 && n >= 0 && frames[m] === enclosing[n]) {
      m--;
      n--;
    }
    const inCommon = frames.length - 1 - m;
    for (const frame of frames.slice(0, m + 1)) lines.push(`\t${frame}`);
    if (!first && inCommon > 0) lines.push(`\t... ${inCommon} more`);
    enclosing = frames;
    first = false;
    current = current instanceof Error ? current.cause : null;
  }
  return `${lines.join('\n')}\n`;
}
