// One of several processes sharing a budget on Redis: makes `calls` concurrent calls through a
// BudgetManager and prints how many were admitted and refused, as JSON.

import { BudgetManager } from "@ffc/budget";
import { BudgetExceededError, LLMManager } from "@ffc/core";
import { SPECIFICATION_VERSION } from "@ffc/core/provider";
import { RedisBudgetStore } from "@ffc/redis";

const [url, keyPrefix, limitText, callsText, inputText] = process.argv.slice(2);
const store = new RedisBudgetStore({ redis: url, keyPrefix });
// Exact counting: the provider's count below is what each call reserves.
const budget = new BudgetManager({ maxDailyTokens: Number(limitText), store, tokenCounting: "exact" });
const inputTokens = Number(inputText);
// A minimal provider: counts `inputTokens` for every prompt and answers with exactly that input
// plus 90 output tokens, so each call spends precisely its worst case.
const provider = {
  specificationVersion: SPECIFICATION_VERSION,
  id: "mock",
  countTokens: async () => inputTokens,
  async generate(request) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const usage = { inputTokens, outputTokens: 90, totalTokens: inputTokens + 90 };
    return {
      text: "ok",
      content: [{ type: "text", text: "ok" }],
      toolCalls: [],
      finishReason: "stop",
      usage,
      model: request.model,
    };
  },
  stream() {
    throw new Error("The budget worker only generates.");
  },
};
const manager = new LLMManager({ provider, model: "m" }, { plugins: [budget] });
const outcomes = await Promise.allSettled(
  Array.from({ length: Number(callsText) }, () => manager.generate({ prompt: "hello", maxTokens: 90 })),
);
const admitted = outcomes.filter((outcome) => outcome.status === "fulfilled").length;
const refused = outcomes.filter(
  (outcome) => outcome.status === "rejected" && BudgetExceededError.isInstance(outcome.reason),
).length;
const other = outcomes.filter(
  (outcome) => outcome.status === "rejected" && !BudgetExceededError.isInstance(outcome.reason),
);
process.stdout.write(
  JSON.stringify({ admitted, refused, other: other.map((outcome) => String(outcome.reason)) }),
);
budget.close();
await store.close();
