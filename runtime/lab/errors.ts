/**
 * The one error type of the `lab` module. Every failure a user can meet has a code from a
 * closed list, a message saying what went wrong, and the next step to take, so the CLI, the
 * tests and the extension can all show the same sentence and branch on the same code.
 */
export const LAB_ERROR_CODES = [
  /** Unknown command, option or service name on the command line. */
  'USAGE',
  /** A provider that exists in the design but is not built yet (none today; kept for the API). */
  'PROVIDER_NOT_AVAILABLE',
  /** The state dir was created with another provider than the one asked for. */
  'PROVIDER_MISMATCH',
  /** No Docker-compatible engine answers (DOCKER_HOST or the default sockets). */
  'ENGINE_NOT_REACHABLE',
  /** The engine's Docker API version is older than the provider needs. */
  'ENGINE_TOO_OLD',
  /** An image is neither present nor pullable (offline, unknown name, no access). */
  'IMAGE_PULL_FAILED',
  /** An external cluster's address is missing, malformed or does not answer. */
  'EXTERNAL_UNREACHABLE',
  /** java, mvn or the PostgreSQL binaries (or the postgres OS user) are missing. */
  'MISSING_PREREQUISITE',
  /** A port remembered in the state dir is taken by a process that is not ours. */
  'PORT_IN_USE',
  /** The state dir exists but was not written by this product: we refuse to touch it. */
  'FOREIGN_STATE_DIR',
  /** The state dir has our state file but it cannot be read. */
  'CORRUPT_STATE_DIR',
  /** Maven could not resolve the Kafka jars. */
  'JAR_RESOLUTION_FAILED',
  /** A service process or container could not be started or exited during startup. */
  'START_FAILED',
  /** A service process runs but did not answer its protocol in time. */
  'NOT_READY',
  /** A process we started refused to stop. */
  'STOP_FAILED',
  /** Another lab command holds the state dir's lock for too long. */
  'STATE_DIR_BUSY',
  /** There is no log (the service never ran in this state dir). */
  'NO_LOG',
] as const;

export type LabErrorCode = (typeof LAB_ERROR_CODES)[number];

export class LabError extends Error {
  override readonly name = 'LabError';
  readonly code: LabErrorCode;
  /** What the user should do now, as a sentence (often a command to run). */
  readonly nextStep: string;

  constructor(code: LabErrorCode, message: string, nextStep: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.nextStep = nextStep;
  }

  /** The text the CLI prints: the message, then the next step. */
  describe(): string {
    return `${this.message}\nNext step: ${this.nextStep}`;
  }
}

export function isLabError(e: unknown): e is LabError {
  return e instanceof LabError;
}
