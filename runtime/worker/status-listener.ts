import type { StatusState } from '../storage/records';

/** How workers report lifecycle changes (Connect's ConnectorStatus.Listener / TaskStatus.Listener). */
export interface StatusListener {
  onConnector(connector: string, state: StatusState, error?: unknown): void;
  onTask(connector: string, task: number, state: StatusState, error?: unknown): void;
}

/** A one-shot gate the task loops wait on while paused. */
export class Gate {
  private waiters: (() => void)[] = [];
  private isOpen = true;

  get open(): boolean {
    return this.isOpen;
  }

  close(): void {
    this.isOpen = false;
  }

  release(): void {
    this.isOpen = true;
    const w = this.waiters;
    this.waiters = [];
    for (const fn of w) fn();
  }

  wait(timeoutMs: number): Promise<void> {
    if (this.isOpen) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve();
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(done);
    });
  }
}
