import type { AttemptRecord } from "@ffc/core";
import type { TargetInfo } from "./target-suitability";

/** How one target of a chain ended: its last error, or why it was not tried. */
export type TargetEnding = { error: unknown } | { passedOver: string } | undefined;

/**
 * The message of AllProvidersFailedError: every target in order with its last error and the
 * number of attempts it got, so that one log line tells the whole story.
 */
export function chainFailureMessage(
  targets: readonly TargetInfo[],
  endings: readonly TargetEnding[],
  attempts: readonly AttemptRecord[],
): string {
  const lines = targets.map((target, index) => {
    const name = `${target.provider}/${target.model}`;
    const ending = endings[index];
    if (ending === undefined) return `${index + 1}. ${name}: not tried`;
    if ("passedOver" in ending) return `${index + 1}. ${name}: not tried, because ${ending.passedOver}`;
    const count = attempts.filter(
      (attempt) => attempt.provider === target.provider && attempt.model === target.model,
    ).length;
    return `${index + 1}. ${name}: ${describeError(ending.error)} (${count} attempt${count === 1 ? "" : "s"})`;
  });
  return `All ${targets.length} fallback target${targets.length === 1 ? "" : "s"} failed: ${lines.join("; ")}.`;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
