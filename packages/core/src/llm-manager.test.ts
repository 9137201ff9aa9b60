import { execFileSync } from "node:child_process";
import { getEventListeners } from "node:events";
import { mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { Context } from "./context";
import {
  AbortError,
  ConfigError,
  StreamInterruptedError,
  TemplateError,
  TemporaryError,
  TimeoutError,
} from "./errors/index";
import type { LLMEvent } from "./events";
import { LLMManager } from "./llm-manager";
import type { Plugin, Policy } from "./policy";
import { PromptTemplate } from "./prompt-template";
import { Provider, registerProvider, unregisterProvider } from "./provider-registry";
import { scriptedProvider } from "./test-support/scripted-provider";

const template = new PromptTemplate({
  name: "task_decomposition",
  content: "Break down the following task into steps: {task}",
  variables: ["task"],
});

function guideContext(): Context {
  const context = new Context();
  context.add("system_prompt", "You are a helpful AI assistant");
  context.add("user_context", { plan: "pro" });
  context.add("task", "Plan a product launch");
  return context;
}

describe("LLMManager.generate", () => {
  it("sends the system prompt, the context entries and the rendered template", async () => {
    const provider = scriptedProvider([{ text: "1. Research" }]);
    const llm = new LLMManager({ provider, model: "gpt-4o", maxTokens: 2000 });
    const result = await llm.generate({ template, context: guideContext() });
    expect(result.text).toBe("1. Research");
    expect(result.provider).toBe("scripted");
    expect(result.attempts).toHaveLength(1);
    const request = provider.requests[0]!;
    expect(request.maxTokens).toBe(2000);
    expect(request.messages[0]).toEqual({ role: "system", content: "You are a helpful AI assistant" });
    expect(request.messages[1]).toEqual({
      role: "user",
      content:
        '<context name="user_context">\n{\n  "plan": "pro"\n}\n</context>\n\nBreak down the following task into steps: Plan a product launch',
    });
  });

  it("lets explicit variables win over context entries", async () => {
    const provider = scriptedProvider([{ text: "ok" }]);
    const llm = new LLMManager({ provider, model: "m" });
    await llm.generate({ template, context: guideContext(), variables: { task: "Ship it" } });
    expect(JSON.stringify(provider.requests[0]!.messages)).toContain("steps: Ship it");
  });

  it("fails with TemplateError naming a missing variable before any request", async () => {
    const provider = scriptedProvider([{ text: "ok" }]);
    const llm = new LLMManager({ provider, model: "m" });
    await expect(llm.generate({ template, context: new Context() })).rejects.toThrow(
      /missing variable\(s\) "task"/,
    );
    expect(provider.requests).toHaveLength(0);
  });

  it("fails with TemplateError naming an unknown variable", async () => {
    const llm = new LLMManager({ provider: scriptedProvider([{ text: "ok" }]), model: "m" });
    const error = await llm
      .generate({ template, variables: { task: "x", taks: "typo" } as never })
      .catch((caught: unknown) => caught);
    expect(TemplateError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('"taks"');
  });

  it("emits start, attempt and end events with usage", async () => {
    const llm = new LLMManager({
      provider: scriptedProvider([{ text: "ok", inputTokens: 7, outputTokens: 3 }]),
      model: "m",
    });
    const events: LLMEvent[] = [];
    llm.on("*", (event) => events.push(event));
    await llm.generate({ prompt: "hi", metadata: { userId: "u1" } });
    expect(events.map((event) => event.type)).toEqual([
      "call-start",
      "attempt-start",
      "attempt-end",
      "call-end",
    ]);
    const end = events[2] as Extract<LLMEvent, { type: "attempt-end" }>;
    expect(end.usage).toEqual({ inputTokens: 7, outputTokens: 3, totalTokens: 10 });
    expect(end.metadata?.userId).toBe("u1");
    expect(new Set(events.map((event) => event.callId)).size).toBe(1);
  });

  it("records a failed attempt and emits call-error", async () => {
    const llm = new LLMManager({
      provider: scriptedProvider([{ error: new TemporaryError("boom") }]),
      model: "m",
    });
    const types: string[] = [];
    llm.on("*", (event) => types.push(event.type));
    await expect(llm.generate({ prompt: "hi" })).rejects.toThrow("boom");
    expect(types).toEqual(["call-start", "attempt-start", "attempt-error", "call-error"]);
  });

  it("ends an attempt with TimeoutError after timeoutMs", async () => {
    const llm = new LLMManager({
      provider: scriptedProvider([{ text: "late", delayMs: 5_000 }]),
      model: "m",
    });
    const started = Date.now();
    const error = await llm.generate({ prompt: "hi", timeoutMs: 30 }).catch((caught: unknown) => caught);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("ends the whole call with a non-retryable TimeoutError after deadlineMs", async () => {
    const llm = new LLMManager({
      provider: scriptedProvider([{ text: "late", delayMs: 5_000 }]),
      model: "m",
    });
    const error = await llm.generate({ prompt: "hi", deadlineMs: 30 }).catch((caught: unknown) => caught);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).retryable).toBe(false);
    expect((error as Error).message).toContain("deadline of 30 ms");
  });

  it("ends with AbortError when the caller aborts, and never starts an already-aborted call", async () => {
    const provider = scriptedProvider([{ text: "late", delayMs: 5_000 }]);
    const llm = new LLMManager({ provider, model: "m" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await llm
      .generate({ prompt: "hi", signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(AbortError.isInstance(error)).toBe(true);
    expect((error as AbortError).retryable).toBe(false);
    const before = provider.requests.length;
    const again = await llm
      .generate({ prompt: "hi", signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(AbortError.isInstance(again)).toBe(true);
    expect(provider.requests.length).toBe(before);
  });

  it("hands each attempt its own signal, so a long-lived caller's signal collects no listeners", async () => {
    const provider = scriptedProvider([{ text: "ok" }]);
    const llm = new LLMManager({ provider, model: "m" });
    const controller = new AbortController();
    for (let index = 0; index < 20; index += 1)
      await llm.generate({ prompt: "hi", signal: controller.signal });
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    expect(provider.requests[0]!.signal).toBeDefined();
    expect(provider.requests[0]!.signal).not.toBe(controller.signal);
    controller.abort();
    expect(provider.requests[0]!.signal!.aborted).toBe(false);
  });

  it("composes policies outermost first by stage, whatever order they are given in", async () => {
    const order: string[] = [];
    const tracer = (name: string, stage: Policy["stage"]): Policy => ({
      name,
      stage,
      async generate(call, next) {
        order.push(`enter ${name}`);
        const result = await next(call);
        order.push(`leave ${name}`);
        return result;
      },
    });
    const llm = new LLMManager(
      { provider: scriptedProvider([{ text: "ok" }]), model: "m" },
      { plugins: [tracer("retry", "retry") as Plugin, tracer("budget", "admission") as Plugin] },
    );
    await llm.generate({
      prompt: "hi",
      fallbackConfig: tracer("fallback", "fallback"),
      policies: [
        tracer("custom", undefined),
        tracer("rate", "admission"),
        tracer("cache", "cache"),
        tracer("otel", "observe"),
      ],
    });
    expect(order).toEqual([
      "enter otel",
      "enter cache",
      "enter budget",
      "enter rate",
      "enter fallback",
      "enter retry",
      "enter custom",
      "leave custom",
      "leave retry",
      "leave fallback",
      "leave rate",
      "leave budget",
      "leave cache",
      "leave otel",
    ]);
  });

  it("refuses a plugin whose stage is not one of the position names", () => {
    const old = { name: "old-budget", stage: "budget", generate: async () => ({}) } as unknown as Plugin;
    expect(() => new LLMManager({ provider: scriptedProvider([]), model: "m" }, { plugins: [old] })).toThrow(
      /stage "budget" is not one of "observe", "cache", "admission", "fallback", "retry", "attempt"/,
    );
  });

  it("lets a plugin set costUsd on the result", async () => {
    const pricing: Plugin = {
      name: "pricing",
      finalizeResult(result) {
        result.costUsd = result.usage.totalTokens * 0.001;
      },
    };
    const llm = new LLMManager(
      { provider: scriptedProvider([{ text: "ok" }]), model: "m" },
      { plugins: [pricing] },
    );
    const result = await llm.generate({ prompt: "hi" });
    expect(result.costUsd).toBeCloseTo(0.015);
  });

  it("parses JSON output when asked for it", async () => {
    const llm = new LLMManager({ provider: scriptedProvider([{ text: '{"steps":3}' }]), model: "m" });
    const result = await llm.generate({ prompt: "hi", responseFormat: { type: "json" } });
    expect(result.object).toEqual({ steps: 3 });
  });

  it("shrinks the context to the model's window and reports what it dropped", async () => {
    const provider = scriptedProvider([{ text: "ok" }], { modelInfo: { contextWindow: 300 } });
    const llm = new LLMManager({ provider, model: "m", maxTokens: 100 });
    const context = guideContext();
    context.add("old_notes", "x".repeat(4_000), { priority: -1 });
    const fitted: LLMEvent[] = [];
    llm.on("context-fitted", (event) => fitted.push(event));
    await llm.generate({ template, context });
    expect(fitted).toHaveLength(1);
    expect(JSON.stringify(fitted[0])).toContain("old_notes");
    expect(JSON.stringify(provider.requests[0]!.messages)).toContain("Plan a product launch");
    expect(context.has("old_notes")).toBe(true);
  });
});

describe("LLMManager.stream", () => {
  it("yields text deltas and resolves the final result", async () => {
    const llm = new LLMManager({ provider: scriptedProvider([{ text: "one two three" }]), model: "m" });
    const response = llm.stream({ template, context: guideContext() });
    let text = "";
    for await (const delta of response.text) text += delta;
    const result = await response.result;
    expect(text).toBe("one two three");
    expect(result.text).toBe("one two three");
    expect(result.usage.totalTokens).toBe(15);
  });

  it("drains the stream when only the result is awaited", async () => {
    const llm = new LLMManager({ provider: scriptedProvider([{ text: "a b" }]), model: "m" });
    const result = await llm.stream({ prompt: "hi" }).result;
    expect(result.text).toBe("a b");
  });

  it("fails with StreamInterruptedError holding the parts already delivered", async () => {
    const llm = new LLMManager({
      provider: scriptedProvider([
        { text: "one two three four", error: new TemporaryError("cut"), afterParts: 3 },
      ]),
      model: "m",
    });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const delta of llm.stream({ prompt: "hi" }).text) seen.push(delta);
    })().catch((caught: unknown) => caught);
    expect(StreamInterruptedError.isInstance(error)).toBe(true);
    expect((error as StreamInterruptedError).partialText).toBe("one two three");
    expect(seen.join("")).toBe("one two three");
  });

  it("charges an estimate for a stream that broke off before reporting usage", async () => {
    const llm = new LLMManager({
      provider: scriptedProvider([
        { text: "one two three four", error: new TemporaryError("cut"), afterParts: 2 },
      ]),
      model: "m",
    });
    const errors: LLMEvent[] = [];
    llm.on("attempt-error", (event) => errors.push(event));
    await llm.stream({ prompt: "hi" }).result.catch(() => undefined);
    const event = errors[0] as Extract<LLMEvent, { type: "attempt-error" }>;
    expect(event.estimated).toBe(true);
    expect(event.usage!.outputTokens).toBeGreaterThan(0);
  });

  it("refuses a second iteration", async () => {
    const llm = new LLMManager({ provider: scriptedProvider([{ text: "a" }]), model: "m" });
    const response = llm.stream({ prompt: "hi" });
    for await (const _part of response) {
      // Consumed.
    }
    expect(() => response[Symbol.asyncIterator]()).toThrow(/already consumed/);
  });
});

describe("LLMManager configuration", () => {
  it("names the field of a bad config value", () => {
    const fieldOf = (config: unknown) => {
      try {
        new LLMManager(config as never);
      } catch (error) {
        if (ConfigError.isInstance(error)) return { field: error.field, message: error.message };
      }
      return undefined;
    };
    expect(fieldOf({ provider: Provider.OPENAI, model: "gpt-4o", maxTokens: -5 })).toEqual({
      field: "maxTokens",
      message:
        'Invalid LLMConfig options: "maxTokens" must be a whole number at least 1 and at most 2147483647, got -5.',
    });
    expect(fieldOf({ provider: Provider.OPENAI, model: "   ", maxTokens: 5 })?.field).toBe("model");
    expect(fieldOf({ provider: Provider.OPENAI, model: "m", temperature: 3 })?.message).toMatch(
      /"temperature" must be a finite number at least 0 and at most 2, got 3/,
    );
    expect(fieldOf({ provider: Provider.OPENAI, model: "m", baseURL: "not a url" })?.field).toBe("baseURL");
    expect(fieldOf({ provider: Provider.OPENAI, model: "m", max_tokens: 5 })).toEqual({
      field: "max_tokens",
      message: 'Invalid LLMConfig options: "max_tokens" is not an option (did you mean "maxTokens"?).',
    });
  });

  it("takes an absent optional value as not given (apiKey: process.env.X)", () => {
    const llm = new LLMManager({
      provider: Provider.OPENAI,
      model: "m",
      apiKey: undefined,
      baseURL: undefined,
    });
    expect(llm.config).toEqual({ provider: "openai", model: "m" });
  });

  it("refuses an unknown manager option and a logger without warn and error", () => {
    expect(() => new LLMManager({ provider: Provider.OPENAI, model: "m" }, { plugin: [] } as never)).toThrow(
      /"plugin" is not an option \(did you mean "plugins"\?\)/,
    );
    expect(() => new LLMManager({ provider: Provider.OPENAI, model: "m" }, { logger: {} as never })).toThrow(
      /"logger" must be an object with warn and error methods/,
    );
  });

  it("rejects an unknown provider id and says how to register one", () => {
    const error = (() => {
      try {
        new LLMManager({ provider: "opnai", model: "m" });
      } catch (caught) {
        return caught;
      }
    })();
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('"opnai"');
    expect((error as Error).message).toContain("registerProvider");
  });

  it("names the package to install when a built-in provider is missing", () => {
    // Run real Node resolution (not Vite's) from an app folder that has only @ffc/core.
    const app = mkdtempSync(join(tmpdir(), "ffc-app-"));
    mkdirSync(join(app, "node_modules", "@ffc"), { recursive: true });
    symlinkSync(resolve(__dirname, ".."), join(app, "node_modules", "@ffc", "core"), "dir");
    const script = `
      import { LLMManager, Provider, ProviderNotInstalledError } from "@ffc/core";
      const llm = new LLMManager({ provider: Provider.ANTHROPIC, model: "claude-sonnet-4-5", apiKey: "sk-ant-test-123456" });
      llm.generate({ prompt: "hi" }).catch((error) => {
        console.log(JSON.stringify({ kind: ProviderNotInstalledError.isInstance(error), message: error.message }));
      });`;
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: app,
      encoding: "utf8",
      // pnpm points NODE_PATH at its store for scripts, which a user's app would not have.
      env: { ...process.env, NODE_PATH: "" },
    });
    const outcome = JSON.parse(output) as { kind: boolean; message: string };
    expect(outcome.kind).toBe(true);
    expect(outcome.message).toContain("npm install @ffc/anthropic");
    expect(outcome.message).not.toContain("sk-ant-test-123456");
  });

  it("resolves a registered custom provider by id and hands it the key", async () => {
    let seenKey: string | undefined;
    registerProvider("my-llm", (settings) => {
      seenKey = settings.apiKey;
      return scriptedProvider([{ text: "custom" }], { id: "my-llm" });
    });
    try {
      const llm = new LLMManager({ provider: "my-llm", model: "tiny", apiKey: "my-secret-key-123" });
      const result = await llm.generate({ prompt: "hi" });
      expect(result.text).toBe("custom");
      expect(result.provider).toBe("my-llm");
      expect(seenKey).toBe("my-secret-key-123");
    } finally {
      unregisterProvider("my-llm");
    }
  });

  it("never shows the API key in JSON or inspect output", () => {
    const llm = new LLMManager({
      provider: scriptedProvider([]),
      model: "m",
      apiKey: "sk-very-secret-key-987",
    });
    expect(JSON.stringify(llm)).not.toContain("sk-very-secret-key-987");
    expect(inspect(llm, { depth: 10, showHidden: true })).not.toContain("sk-very-secret-key-987");
    expect(JSON.stringify(llm.config)).not.toContain("sk-very-secret-key-987");
  });

  it("rejects a retryConfig that is not a policy, naming the option", async () => {
    const llm = new LLMManager({ provider: scriptedProvider([{ text: "a" }]), model: "m" });
    await expect(llm.generate({ prompt: "hi", retryConfig: { maxRetries: 3 } as never })).rejects.toThrow(
      /"retryConfig" must be a policy such as new RetryConfig/,
    );
  });

  it("rejects a plugin that would do nothing", () => {
    expect(
      () => new LLMManager({ provider: scriptedProvider([]), model: "m" }, { plugins: [{ name: "empty" }] }),
    ).toThrow(/Plugin "empty" has neither/);
  });
});

describe("LLMManager call lifecycle", () => {
  it("emits no call-start for a call refused because its signal was already aborted", async () => {
    const llm = new LLMManager({ provider: scriptedProvider([{ text: "a" }]), model: "m" });
    const types: string[] = [];
    llm.on("*", (event) => types.push(event.type));
    const controller = new AbortController();
    controller.abort();
    await expect(
      llm.generate({ prompt: "hi", signal: controller.signal, deadlineMs: 60_000 }),
    ).rejects.toThrow(/aborted/);
    expect(types).toEqual([]);
  });

  it("ends a stream whose consumer stops early with call-error and a rejected result", async () => {
    const llm = new LLMManager({ provider: scriptedProvider([{ text: "one two three four" }]), model: "m" });
    const types: string[] = [];
    llm.on("*", (event) => types.push(event.type));
    const response = llm.stream({ prompt: "hi" });
    for await (const _delta of response.text) break;
    expect(types.at(-1)).toBe("call-error");
    expect(types.filter((type) => type === "call-error")).toHaveLength(1);
    await expect(response.result).rejects.toThrow(/closed by its consumer/);
  });
});
