import type { Logger } from "./logger";

/**
 * Calls an observer (an event listener, a plugin's onEvent or finalizeResult) so that nothing
 * it does can change the call it watches: a throw is caught, a returned promise that rejects is
 * caught too (an async listener must not crash the process with an unhandled rejection), and
 * each failure goes once to the manager's logger with the observer's error attached. It is not
 * reported as an event: a listener of that event could fail again and loop.
 *
 * `owner` is the `this` of a plugin method. `role` and `name` describe the observer; the
 * message is only built when something failed, so a healthy call allocates nothing here.
 */
export function callObserver<Argument>(
  owner: unknown,
  observer: (argument: Argument, ...rest: any[]) => unknown,
  argument: Argument,
  extra: unknown,
  logger: Logger,
  role: string,
  name: string,
): void {
  try {
    const returned = observer.call(owner, argument, extra);
    if (returned !== undefined && typeof (returned as PromiseLike<unknown>)?.then === "function") {
      (returned as PromiseLike<unknown>).then(undefined, (error: unknown) =>
        report(logger, role, name, error),
      );
    }
  } catch (error) {
    report(logger, role, name, error);
  }
}

function report(logger: Logger, role: string, name: string, error: unknown): void {
  try {
    logger.error(`[ffc] ${role} "${name}" failed; the call went on without it.`, error);
  } catch {
    // A logger that throws has nowhere left to report to; the call must still go on.
  }
}
