/**
 * A subscription loop's pause (for an append, the next poll or a retry) that `interrupt` ends at once, so
 * stopping a subscription does not wait out its poll interval (half a second, at every shutdown).
 */
export class InterruptiblePause {
  private wake: (() => void) | undefined;
  private interrupted = false;

  /** Waits for `wait`, or less if interrupted meanwhile; at once if already interrupted. */
  async for(wait: Promise<unknown>): Promise<void> {
    if (this.interrupted) return;
    await new Promise<void>((resolve) => {
      this.wake = resolve;
      void wait.then(
        () => resolve(),
        () => resolve(),
      );
    });
    this.wake = undefined;
  }

  interrupt(): void {
    this.interrupted = true;
    this.wake?.();
  }

  /** Ready to pause again (a subscription started after a stop). */
  reset(): void {
    this.interrupted = false;
  }
}
