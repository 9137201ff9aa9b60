import { beforeEach, describe, expect, it } from "vitest";
import type { LLMEventOf } from "./events";
import { LLMManager } from "./llm-manager";
import { type LanguageProvider, SPECIFICATION_VERSION } from "./provider";
import { resetReportedWarnings } from "./warnings";

function deprecatedModelProvider(): LanguageProvider {
  const warnings = [{ code: "model-deprecated", message: "old-model is deprecated; use new-model." }];
  const usage = { inputTokens: 1, outputTokens: 1, totalTokens: 2 };
  return {
    specificationVersion: SPECIFICATION_VERSION,
    id: "vendor",
    async generate(request) {
      return {
        text: "hi",
        content: [],
        toolCalls: [],
        finishReason: "stop",
        usage,
        model: request.model,
        warnings,
      };
    },
    async *stream(request) {
      yield { type: "text-delta", text: "hi" };
      yield { type: "finish", finishReason: "stop", usage, model: request.model, warnings };
    },
  };
}

describe("provider warnings", () => {
  beforeEach(() => resetReportedWarnings());

  it("reach the user once per process as a warning event and through the logger", async () => {
    const logged: string[] = [];
    const logger = { warn: (message: string) => logged.push(message), error: () => {} };
    const llm = new LLMManager({ provider: deprecatedModelProvider(), model: "old-model" }, { logger });
    const events: LLMEventOf<"warning">[] = [];
    llm.on("warning", (event) => events.push(event));
    await llm.generate({ prompt: "a" });
    await llm.generate({ prompt: "b" });
    for await (const _part of llm.stream({ prompt: "c" })) {
      // drained
    }
    expect(logged).toEqual(["[ffc] old-model is deprecated; use new-model."]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ code: "model-deprecated", provider: "vendor", model: "old-model" });
  });

  it("are reported for streams too", async () => {
    const logged: string[] = [];
    const logger = { warn: (message: string) => logged.push(message), error: () => {} };
    const llm = new LLMManager({ provider: deprecatedModelProvider(), model: "old-model" }, { logger });
    const result = await llm.stream({ prompt: "c" }).result;
    expect(result.warnings).toEqual([
      { code: "model-deprecated", message: "old-model is deprecated; use new-model." },
    ]);
    expect(logged).toHaveLength(1);
  });
});
