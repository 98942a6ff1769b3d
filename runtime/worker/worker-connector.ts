/**
 * WorkerConnector: one connector instance and its target-state transitions.
 * PAUSED and STOPPED both stop the plugin instance (Connect does the same); resuming starts it again.
 */
import type { TargetState } from '../../protocol/connect-rest/entities';
import type { Connector } from '../api/connector';
import type { StatusListener } from './status-listener';

type State = 'INIT' | 'STARTED' | 'PAUSED' | 'STOPPED' | 'FAILED';

export class WorkerConnector {
  private state: State = 'INIT';

  constructor(
    readonly name: string,
    private readonly connector: Connector,
    private readonly config: Record<string, string>,
    private readonly listener: StatusListener,
    private readonly onReconfigure: () => void,
  ) {
    connector.initialize({
      requestTaskReconfiguration: () => this.onReconfigure(),
      raiseError: (error) => this.fail(error),
    });
  }

  get plugin(): Connector {
    return this.connector;
  }

  get isRunning(): boolean {
    return this.state === 'STARTED';
  }

  get isFailed(): boolean {
    return this.state === 'FAILED';
  }

  private fail(error: unknown): void {
    this.state = 'FAILED';
    this.listener.onConnector(this.name, 'FAILED', error);
  }

  private async doStop(): Promise<void> {
    if (this.state === 'STARTED') await this.connector.stop();
  }

  /** Moves to the target state; a failure marks the connector FAILED (with its trace) instead of throwing. */
  async transitionTo(target: TargetState): Promise<void> {
    try {
      if (target === 'STARTED') {
        if (this.state === 'STARTED') return;
        await this.connector.start({ ...this.config });
        this.state = 'STARTED';
        this.listener.onConnector(this.name, 'RUNNING');
      } else if (target === 'PAUSED') {
        await this.doStop();
        this.state = 'PAUSED';
        this.listener.onConnector(this.name, 'PAUSED');
      } else {
        await this.doStop();
        this.state = 'STOPPED';
        this.listener.onConnector(this.name, 'STOPPED');
      }
    } catch (error) {
      this.fail(error);
    }
  }

  async shutdown(): Promise<void> {
    try {
      await this.doStop();
    } catch {
      // A connector that fails to stop is abandoned; its replacement starts fresh.
    }
    this.state = 'STOPPED';
  }
}
