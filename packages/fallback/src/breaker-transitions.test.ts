import type { BreakerState } from "@ffc/core/plugin";
import { describe, expect, it } from "vitest";
import { admit, type BreakerSettings, closedState, recordOutcome } from "./breaker-transitions";

const consecutive: BreakerSettings = {
  mode: "consecutive",
  failureThreshold: 3,
  failureRate: 0.5,
  minimumCalls: 4,
  windowMs: 1000,
  cooldownMs: 100,
  probeTimeoutMs: 50,
};
const rate: BreakerSettings = { ...consecutive, mode: "rate", failureRate: 0.6 };

function fail(
  state: BreakerState | undefined,
  times: number,
  settings: BreakerSettings,
  now = 0,
): BreakerState {
  let current = state;
  for (let index = 0; index < times; index += 1)
    current = recordOutcome(current, "pass", "failure", now, settings);
  return current!;
}

describe("breaker transitions", () => {
  it("opens after failureThreshold failures in a row", () => {
    expect(fail(undefined, 2, consecutive).state).toBe("closed");
    const opened = fail(undefined, 3, consecutive, 1000);
    expect(opened).toMatchObject({ state: "open", failures: 3, openUntil: 1100 });
  });

  it("starts counting again after a success", () => {
    const twice = fail(undefined, 2, consecutive);
    const reset = recordOutcome(twice, "pass", "success", 0, consecutive);
    expect(reset.failures).toBe(0);
    expect(fail(reset, 2, consecutive).state).toBe("closed");
  });

  it("ignores neutral outcomes such as aborts and request errors", () => {
    const twice = fail(undefined, 2, consecutive);
    expect(recordOutcome(twice, "pass", "neutral", 0, consecutive)).toBe(twice);
  });

  it("rejects calls during the cooldown and lets one probe through after it", () => {
    const opened = fail(undefined, 3, consecutive, 0);
    expect(admit(opened, 99, consecutive).admission).toBe("reject");
    const probing = admit(opened, 100, consecutive);
    expect(probing.admission).toBe("probe");
    expect(probing.next).toMatchObject({ state: "half-open", probeUntil: 150 });
    expect(admit(probing.next, 120, consecutive).admission).toBe("reject");
  });

  it("lets another caller probe when the running probe's lease ran out", () => {
    const probing = admit(fail(undefined, 3, consecutive, 0), 100, consecutive).next;
    expect(admit(probing, 150, consecutive).admission).toBe("probe");
  });

  it("closes after a successful probe and opens again after a failed one", () => {
    const probing = admit(fail(undefined, 3, consecutive, 0), 100, consecutive).next;
    expect(recordOutcome(probing, "probe", "success", 110, consecutive)).toEqual(closedState(110));
    expect(recordOutcome(probing, "probe", "failure", 110, consecutive)).toMatchObject({
      state: "open",
      openUntil: 210,
    });
  });

  it("frees the probe slot when the probe ends neutrally", () => {
    const probing = admit(fail(undefined, 3, consecutive, 0), 100, consecutive).next;
    const freed = recordOutcome(probing, "probe", "neutral", 110, consecutive);
    expect(freed).toMatchObject({ state: "half-open", probeUntil: 0 });
    expect(admit(freed, 111, consecutive).admission).toBe("probe");
  });

  it("does not let a late outcome of a call admitted while closed change an open breaker", () => {
    const opened = fail(undefined, 3, consecutive, 0);
    expect(recordOutcome(opened, "pass", "success", 10, consecutive)).toBe(opened);
  });

  it("in rate mode opens only once minimumCalls calls were seen and the failure rate is reached", () => {
    let state: BreakerState | undefined;
    state = recordOutcome(state, "pass", "failure", 0, rate);
    state = recordOutcome(state, "pass", "failure", 0, rate);
    state = recordOutcome(state, "pass", "success", 0, rate);
    expect(state).toMatchObject({ state: "closed", calls: 3, failures: 2 });
    state = recordOutcome(state, "pass", "success", 0, rate);
    expect(state.state).toBe("closed");
    state = recordOutcome(state, "pass", "failure", 0, rate);
    expect(state).toMatchObject({ state: "open", failures: 3, openUntil: 100 });
  });

  it("in rate mode starts a new window once the old one has passed", () => {
    const old = fail(undefined, 3, { ...rate, minimumCalls: 10 }, 0);
    const fresh = recordOutcome(old, "pass", "success", 1000, rate);
    expect(fresh).toMatchObject({ calls: 1, failures: 0, windowStart: 1000 });
  });
});
