import type * as vscode from 'vscode';
import { maskText } from './model/masking';

/** The one log of the extension; every line is masked so no password reaches the output channel. */
export class Logger {
  constructor(readonly channel: vscode.LogOutputChannel) {}
  info(msg: string): void {
    this.channel.info(maskText(msg));
  }
  warn(msg: string): void {
    this.channel.warn(maskText(msg));
  }
  error(msg: string, err?: unknown): void {
    const detail =
      err instanceof Error
        ? (err.stack ?? err.message)
        : typeof err === 'string'
          ? err
          : err === undefined
            ? ''
            : JSON.stringify(err);
    this.channel.error(maskText(detail ? `${msg}\n${detail}` : msg));
  }
  debug(msg: string): void {
    this.channel.debug(maskText(msg));
  }
  show(): void {
    this.channel.show(true);
  }
}
