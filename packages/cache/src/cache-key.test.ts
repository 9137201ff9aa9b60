import type { LanguageRequest } from "@ffc/core";
import { describe, expect, it } from "vitest";
import { cacheKeyFor } from "./cache-key";
import { canonicalJson } from "./canonical-json";

const request: LanguageRequest = {
  model: "gpt-4o",
  messages: [{ role: "user", content: "Hello" }],
  maxTokens: 100,
  temperature: 0,
};

describe("canonicalJson", () => {
  it("sorts keys at every depth and leaves out undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe("cacheKeyFor", () => {
  it("is a SHA-256 hex digest that ignores key order", () => {
    const reordered = {
      temperature: 0,
      maxTokens: 100,
      messages: [{ content: "Hello", role: "user" }],
      model: "gpt-4o",
    };
    const key = cacheKeyFor("openai", request);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKeyFor("openai", reordered as LanguageRequest)).toBe(key);
  });

  it("ignores the signal, metadata and vendor prompt-cache key", () => {
    const extra: LanguageRequest = {
      ...request,
      signal: new AbortController().signal,
      metadata: { userId: "ada", tags: ["x"] },
      promptCacheKey: "tenant-1",
    };
    expect(cacheKeyFor("openai", extra)).toBe(cacheKeyFor("openai", request));
  });

  it.each<[string, Partial<LanguageRequest>]>([
    ["temperature", { temperature: 0.7 }],
    ["model", { model: "gpt-4o-mini" }],
    ["maxTokens", { maxTokens: 101 }],
    ["messages", { messages: [{ role: "user", content: "Hello!" }] }],
    ["stop", { stop: ["\n"] }],
    ["tools", { tools: [{ name: "lookup", inputSchema: { type: "object" } }] }],
    ["responseFormat", { responseFormat: { type: "json" } }],
    ["providerOptions", { providerOptions: { openai: { reasoningEffort: "high" } } }],
  ])("changes when %s changes", (_name, change) => {
    expect(cacheKeyFor("openai", { ...request, ...change })).not.toBe(cacheKeyFor("openai", request));
  });

  it("changes with the provider", () => {
    expect(cacheKeyFor("anthropic", request)).not.toBe(cacheKeyFor("openai", request));
  });
});
