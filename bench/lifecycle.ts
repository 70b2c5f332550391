/**
 * Everything the benchmark starts (DynamoDB Local, the HTTP server, temp files)
 * registers how to stop it here, so that a normal end, a failure and Ctrl-C all
 * leave nothing running.
 */
export class Cleanup {
  private readonly steps: { name: string; run: () => unknown }[] = [];
  private done: Promise<void> | null = null;
  /** The exit code a signal asked for; work cut short by it is not a failure to report. */
  interruptedExitCode: number | null = null;

  add(name: string, run: () => unknown): void {
    this.steps.push({ name, run });
  }

  /** Runs every step once, newest first; a failing step is reported and does not stop the others. */
  runAll(): Promise<void> {
    this.done ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step.run();
        } catch (error) {
          console.error(`cleanup: ${step.name} failed: ${(error as Error).message}`);
        }
      }
    })();
    return this.done;
  }
}

/** Ctrl-C (or a TERM from a CI runner) stops what was started, then exits with the conventional code. */
export function stopOnSignals(cleanup: Cleanup): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping…`);
      const code = signal === 'SIGINT' ? 130 : 143;
      cleanup.interruptedExitCode = code;
      void cleanup.runAll().finally(() => process.exit(code));
    });
  }
}
