import { describe, expect, it } from "vitest";
import { Context } from "../context";
import { ContextLengthError } from "../errors/index";
import { LLMManager } from "../llm-manager";
import { PromptTemplate } from "../prompt-template";
import { scriptedProvider } from "../test-support/scripted-provider";

// About 270k estimated tokens for a 128k window, as in the issue.
const huge = "word ".repeat(216_000);
const modelInfo = { contextWindow: 128_000, maxOutputTokens: 16_384 };

function setup(countTokens?: () => Promise<number>) {
  const provider = scriptedProvider([{ text: "sent" }], { modelInfo });
  if (countTokens) (provider as { countTokens?: () => Promise<number> }).countTokens = countTokens;
  return {
    provider,
    llm: new LLMManager({ provider, model: "gpt-4o" }, { sanitize: { maxLength: 2_000_000 } }),
  };
}

describe("one window check for every input shape (issue 10, finding 3)", () => {
  const template = new PromptTemplate({
    name: "summarize",
    content: "Summarize: {text}",
    sanitize: { maxLength: 2_000_000 },
  });
  const shapes = {
    prompt: { prompt: huge },
    template: { template, variables: { text: huge } },
    messages: { messages: [{ role: "user" as const, content: huge }] },
    "context without fitting": { context: new Context().add("notes", huge), prompt: "go", fitContext: false },
    tools: {
      prompt: "hi",
      tools: [{ name: "big", description: huge, inputSchema: { type: "object" } }],
    },
    images: {
      messages: [
        {
          role: "user" as const,
          content: Array.from({ length: 130 }, () => ({
            type: "image" as const,
            url: "https://example.com/a.png",
          })),
        },
      ],
    },
  };
  for (const [shape, options] of Object.entries(shapes)) {
    it(`${shape}: refused locally with ContextLengthError, nothing sent`, async () => {
      const { provider, llm } = setup();
      const failure = await llm.generate(options as never).catch((error: unknown) => error);
      expect(ContextLengthError.isInstance(failure)).toBe(true);
      expect(provider.requests).toHaveLength(0);
      const message = (failure as Error).message;
      expect(message).toContain("limit of 128000");
      // The advice fits the call: no template advice without a template.
      expect(message.includes("template's variables")).toBe(shape === "template");
    });
  }

  it("a prompt that only looks too long is sent when the exact counter says it fits", async () => {
    const { provider, llm } = setup(async () => 90_000);
    expect((await llm.generate({ prompt: huge })).text).toBe("sent");
    expect(provider.requests).toHaveLength(1);
  });

  it("maxTokens counts against the window", async () => {
    const { llm } = setup();
    const prompt = "word ".repeat(100_000);
    await expect(llm.generate({ prompt, maxTokens: 100_000 })).rejects.toThrow(/minus maxTokens 100000/);
  });

  it("a context that can shrink is fitted instead of refused", async () => {
    const { provider, llm } = setup();
    const events: string[] = [];
    llm.on("context-fitted", (event) => events.push(event.type));
    await llm.generate({ context: new Context().add("notes", huge), prompt: "go" });
    expect(events).toEqual(["context-fitted"]);
    expect(provider.requests).toHaveLength(1);
  });
});
