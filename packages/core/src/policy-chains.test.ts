import { describe, expect, it } from "vitest";
import { LLMManager } from "./llm-manager";
import type { Plugin, Policy } from "./policy";
import { scriptedProvider } from "./test-support/scripted-provider";
import { uniqueId } from "./unique-id";

/** A policy that writes its mark into a shared log on every call it wraps. */
function marking(name: string, log: string[], stage: Policy["stage"] = "retry"): Policy {
  return {
    name,
    stage,
    async generate(call, next) {
      log.push(name);
      return next(call);
    },
  };
}

describe("policy chains, cached per combination of per-call policies", () => {
  it("runs each call's own policies, also when they change from call to call", async () => {
    const log: string[] = [];
    const llm = new LLMManager({ provider: scriptedProvider([{ text: "ok" }]), model: "m" });
    const first = marking("first", log);
    const second = marking("second", log);
    await llm.generate({ prompt: "a", retryConfig: first });
    await llm.generate({ prompt: "b", retryConfig: first });
    await llm.generate({ prompt: "c", retryConfig: second });
    await llm.generate({ prompt: "d" });
    await llm.generate({ prompt: "e", fallbackConfig: first });
    expect(log).toEqual(["first", "first", "second", "first"]);
  });

  it("sees a change to the same policies array, and orders per-call policies by stage with the plugins", async () => {
    const log: string[] = [];
    const plugin: Plugin = { ...marking("plugin", log, "admission") };
    const llm = new LLMManager(
      { provider: scriptedProvider([{ text: "ok" }]), model: "m" },
      { plugins: [plugin] },
    );
    const policies = [marking("inner", log, "attempt")];
    await llm.generate({ prompt: "a", policies });
    policies.push(marking("outer", log, "observe"));
    await llm.generate({ prompt: "b", policies });
    expect(log).toEqual(["plugin", "inner", "outer", "plugin", "inner"]);
  });

  it("takes in plugins added with use() after earlier calls", async () => {
    const log: string[] = [];
    const llm = new LLMManager({ provider: scriptedProvider([{ text: "ok" }]), model: "m" });
    const retry = marking("retry", log);
    await llm.generate({ prompt: "a", retryConfig: retry });
    llm.use(marking("late", log, "admission"));
    await llm.generate({ prompt: "b", retryConfig: retry });
    await llm.generate({ prompt: "c" });
    expect(log).toEqual(["retry", "late", "retry", "late"]);
  });
});

describe("uniqueId", () => {
  it("never repeats within a process and carries a per-process random prefix", () => {
    const ids = Array.from({ length: 10_000 }, () => uniqueId());
    expect(new Set(ids).size).toBe(ids.length);
    const prefixes = new Set(ids.map((id) => id.slice(0, id.lastIndexOf("-"))));
    expect(prefixes.size).toBe(1);
    expect([...prefixes][0]!.length).toBeGreaterThanOrEqual(8);
  });
});

describe("call.state", () => {
  it("is one Map per call, shared by copies of the call that policies pass on", async () => {
    const seen: unknown[] = [];
    const key = Symbol("mark");
    const outer: Policy = {
      name: "outer",
      stage: "cache",
      async generate(call, next) {
        call.state.set(key, `mark of ${call.callId}`);
        // A policy that changes the target passes a copy of the call, as fallback does.
        return next({ ...call, request: { ...call.request, model: "other" } });
      },
    };
    const inner: Policy = {
      name: "inner",
      stage: "attempt",
      async generate(call, next) {
        seen.push(call.state.get(key), call.request.model);
        return next(call);
      },
    };
    const llm = new LLMManager({ provider: scriptedProvider([{ text: "ok" }]), model: "m" });
    await llm.generate({ prompt: "a", policies: [outer, inner] });
    await llm.generate({ prompt: "b", policies: [inner] });
    expect(seen).toEqual([expect.stringMatching(/^mark of call_/), "other", undefined, "m"]);
  });
});
