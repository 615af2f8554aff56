// Bounded restarts after crashes (vscode-xml's clientErrorHandler): restart at once, but stop when the server died
// maxRestarts times within windowMs, so a server that cannot start does not loop forever.

export type CrashDecision = 'restart' | 'giveUp';

export class RestartPolicy {
  private readonly crashes: number[] = [];

  constructor(private readonly maxRestarts = 4, private readonly windowMs = 3 * 60 * 1000) {}

  recordCrash(now: number): CrashDecision {
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0] > this.windowMs) this.crashes.shift();
    return this.crashes.length > this.maxRestarts ? 'giveUp' : 'restart';
  }

  /** After a manual restart the user gets a fresh budget. */
  reset(): void {
    this.crashes.length = 0;
  }
}
