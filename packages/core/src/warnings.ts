import type { EmitEvent, LLMEventMap } from "./events";
import type { Logger } from "./logger";

/** A warning a provider hands back with a result, e.g. that the model is deprecated. */
export interface ProviderWarning {
  /** A stable code, e.g. "model-deprecated" or "model-unknown". */
  code: string;
  /** What happened and what to do, for people; never holds a secret. */
  message: string;
}

/** Reports a warning of a call: a `warning` event, and the manager's logger. */
export type WarnFunction = (warning: LLMEventMap["warning"]) => void;

// Once per process for each code, provider and model: a deprecated model must not print on every call.
const reported = new Set<string>();

/** The warn function of one call: emits the event and logs, each warning once per process. */
export function warnerFor(emit: EmitEvent, logger: Logger): WarnFunction {
  return (warning) => {
    const key = `${warning.code}\u0000${warning.provider ?? ""}\u0000${warning.model ?? ""}`;
    if (reported.has(key)) return;
    reported.add(key);
    emit("warning", warning);
    logger.warn(`[ffc] ${warning.message}`);
  };
}

/** Forgets which warnings were reported (for tests). */
export function resetReportedWarnings(): void {
  reported.clear();
}
