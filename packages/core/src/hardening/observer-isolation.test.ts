import { describe, expect, it } from "vitest";
import { LLMManager } from "../llm-manager";
import type { Logger } from "../logger";
import type { Plugin } from "../policy";
import { scriptedProvider } from "../test-support/scripted-provider";

function recordingLogger(): Logger & { errors: unknown[][] } {
  const errors: unknown[][] = [];
  return { errors, warn() {}, error: (...details: unknown[]) => errors.push(details) };
}

describe("observers are isolated (issue 10, finding 1)", () => {
  for (const type of ["attempt-end", "call-end", "call-start", "*"] as const) {
    it(`a throwing "${type}" listener does not change the result; the logger gets its error once`, async () => {
      const logger = recordingLogger();
      const llm = new LLMManager(
        { provider: scriptedProvider([{ text: "answer" }]), model: "m" },
        { logger },
      );
      const thrown = new Error("listener broke");
      let calls = 0;
      llm.on(type, () => {
        calls += 1;
        if (calls === 1) throw thrown;
      });
      const result = await llm.generate({ prompt: "hi" });
      expect(result.text).toBe("answer");
      expect(logger.errors).toHaveLength(1);
      expect(String(logger.errors[0]![0])).toContain("failed; the call went on without it");
      expect(logger.errors[0]![1]).toBe(thrown);
    });
  }

  it("a rejecting async listener causes no unhandled rejection and is logged", async () => {
    const logger = recordingLogger();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const llm = new LLMManager(
        { provider: scriptedProvider([{ text: "answer" }]), model: "m" },
        { logger },
      );
      llm.on("call-end", async () => {
        await Promise.resolve();
        throw new Error("db write failed");
      });
      const result = await llm.generate({ prompt: "hi" });
      expect(result.text).toBe("answer");
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
      expect(logger.errors).toHaveLength(1);
      expect((logger.errors[0]![1] as Error).message).toBe("db write failed");
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("a plugin whose onEvent and finalizeResult throw keeps its this and cannot fail a stream", async () => {
    const logger = recordingLogger();
    class Broken implements Plugin {
      readonly name = "broken";
      seen = 0;
      onEvent() {
        this.seen += 1;
        throw new Error("onEvent broke");
      }
      finalizeResult() {
        throw new Error("finalize broke");
      }
    }
    const plugin = new Broken();
    const llm = new LLMManager(
      { provider: scriptedProvider([{ text: "streamed" }]), model: "m" },
      { logger, plugins: [plugin] },
    );
    const response = llm.stream({ prompt: "hi" });
    let text = "";
    for await (const part of response) if (part.type === "text-delta") text += part.text;
    expect(text).toBe("streamed");
    expect((await response.result).text).toBe("streamed");
    expect(plugin.seen).toBeGreaterThan(0);
    expect(logger.errors.length).toBe(plugin.seen + 1);
    expect(logger.errors.map((entry) => String(entry[0]))).toContain(
      '[ffc] finalizeResult of plugin "broken" failed; the call went on without it.',
    );
  });

  it("a logger that throws as well still leaves the call alone", async () => {
    const logger: Logger = {
      warn() {},
      error() {
        throw new Error("logger broke");
      },
    };
    const llm = new LLMManager({ provider: scriptedProvider([{ text: "ok" }]), model: "m" }, { logger });
    llm.on("attempt-end", () => {
      throw new Error("listener broke");
    });
    expect((await llm.generate({ prompt: "hi" })).text).toBe("ok");
  });
});
