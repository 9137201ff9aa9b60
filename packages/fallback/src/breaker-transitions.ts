import type { BreakerState } from "@ffc/core/plugin";

/** The figures a breaker decides by (validated BreakerOptions). */
export interface BreakerSettings {
  mode: "consecutive" | "rate";
  failureThreshold: number;
  failureRate: number;
  minimumCalls: number;
  windowMs: number;
  cooldownMs: number;
  probeTimeoutMs: number;
}

/** What a breaker lets a call do: pass (closed), probe (half-open, the one trial call), or nothing. */
export type Admission = "pass" | "probe" | "reject";

/** How a call through the breaker ended; "neutral" says nothing about the target's health. */
export type BreakerOutcome = "success" | "failure" | "neutral";

/** A closed breaker with nothing counted, its rate window starting now. */
export function closedState(now: number): BreakerState {
  return { state: "closed", failures: 0, calls: 0, windowStart: now, openUntil: 0, probeUntil: 0 };
}

/**
 * Decides whether a call may go to the target. An open breaker whose cooldown has passed turns
 * half-open and lets exactly one probe through; the probe holds a lease of `probeTimeoutMs`
 * so that a probe lost with its process does not keep the breaker half-open forever.
 * Returns `current` itself when nothing changes, so stores can skip the write.
 */
export function admit(
  current: BreakerState | undefined,
  now: number,
  settings: BreakerSettings,
): { next: BreakerState; admission: Admission } {
  if (!current) return { next: closedState(now), admission: "pass" };
  if (current.state === "closed") return { next: current, admission: "pass" };
  const waitUntil = current.state === "open" ? current.openUntil : current.probeUntil;
  if (now < waitUntil) return { next: current, admission: "reject" };
  return {
    next: { ...current, state: "half-open", probeUntil: now + settings.probeTimeoutMs },
    admission: "probe",
  };
}

/**
 * Counts how a call ended. Only the probe decides a half-open breaker (success closes it,
 * failure opens it for another cooldown); calls let through while it was closed but ending
 * after it opened change nothing.
 */
export function recordOutcome(
  current: BreakerState | undefined,
  admission: Admission,
  outcome: BreakerOutcome,
  now: number,
  settings: BreakerSettings,
): BreakerState {
  const state = current ?? closedState(now);
  if (admission === "probe") {
    if (state.state !== "half-open") return state;
    if (outcome === "success") return closedState(now);
    if (outcome === "failure") return open(state, state.failures + 1, now, settings);
    return { ...state, probeUntil: 0 };
  }
  if (state.state !== "closed" || outcome === "neutral") return state;
  if (settings.mode === "consecutive") {
    if (outcome === "success") return state.failures === 0 ? state : { ...state, failures: 0 };
    const failures = state.failures + 1;
    return failures >= settings.failureThreshold
      ? open(state, failures, now, settings)
      : { ...state, failures };
  }
  const windowEnded = now >= state.windowStart + settings.windowMs;
  const calls = (windowEnded ? 0 : state.calls) + 1;
  const failures = (windowEnded ? 0 : state.failures) + (outcome === "failure" ? 1 : 0);
  const windowStart = windowEnded ? now : state.windowStart;
  if (calls >= settings.minimumCalls && failures / calls >= settings.failureRate) {
    return open({ ...state, calls, windowStart }, failures, now, settings);
  }
  return { ...state, calls, failures, windowStart };
}

function open(state: BreakerState, failures: number, now: number, settings: BreakerSettings): BreakerState {
  return { ...state, state: "open", failures, openUntil: now + settings.cooldownMs, probeUntil: 0 };
}
