import type { LanguageRequest, ToolDefinition } from "@ffc/core";
import fc from "fast-check";
import * as cl100k from "gpt-tokenizer/encoding/cl100k_base";
import * as o200k from "gpt-tokenizer/encoding/o200k_base";
import { computeChatCompletionTokenCount } from "gpt-tokenizer/functionCalling";
import { describe, expect, it } from "vitest";
import { inputTokenUpperBound } from "./token-upper-bound";

const encodings = [
  ["o200k_base", o200k],
  ["cl100k_base", cl100k],
] as const;

// Seeded so a failure replays; fast-check prints the seed and the shrunk counterexample.
const settings = { seed: 20261204, numRuns: 300 };

/** Text of every kind: all Unicode planes, lone surrogates, grapheme clusters (emoji, ZWJ), Japanese, code. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 120 }),
  fc.string({ unit: fc.integer({ min: 0x3040, max: 0x30ff }).map((code) => String.fromCodePoint(code)) }),
  fc.string({ unit: fc.integer({ min: 0x1f300, max: 0x1faff }).map((code) => String.fromCodePoint(code)) }),
  fc
    .array(
      fc.constantFrom(
        "const ",
        "x",
        " = ",
        "() => {",
        "}",
        ";\n",
        "\t",
        "  ",
        "if (",
        "[0]",
        '"',
        "\\u00e9",
        "// ",
        "===",
      ),
      { maxLength: 80 },
    )
    .map((pieces) => pieces.join("")),
);

const property: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ property: Record<string, unknown> }>(
  (tie) => ({
    property: fc.oneof(
      { depthSize: "small" },
      fc.record(
        { type: fc.constant("string"), description: anyText, enum: fc.array(anyText, { maxLength: 8 }) },
        { requiredKeys: ["type"] },
      ),
      fc.record(
        { type: fc.constantFrom("integer", "number"), minimum: fc.integer(), maximum: fc.integer() },
        { requiredKeys: ["type"] },
      ),
      fc.record(
        { type: fc.constantFrom("boolean", "null"), description: anyText },
        { requiredKeys: ["type"] },
      ),
      fc.record({ type: fc.constant("array"), items: tie("property") }, { requiredKeys: ["type"] }),
      fc.record(
        {
          type: fc.constant("object"),
          properties: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), tie("property"), {
            maxKeys: 5,
          }),
        },
        { requiredKeys: ["type"] },
      ),
    ),
  }),
).property;

const tool: fc.Arbitrary<ToolDefinition> = fc.record(
  {
    name: fc.stringMatching(/^[a-z_]{1,20}$/),
    description: anyText,
    inputSchema: fc.record({
      type: fc.constant("object"),
      properties: fc.dictionary(fc.stringMatching(/^[a-z_]{1,12}$/), property, { maxKeys: 6 }),
    }),
  },
  { requiredKeys: ["name", "inputSchema"] },
);

const messages = fc.array(
  fc.record({
    role: fc.constantFrom("system", "user", "assistant") as fc.Arbitrary<"user">,
    content: anyText,
  }),
  { minLength: 1, maxLength: 6 },
);

describe("inputTokenUpperBound", () => {
  for (const [name, encoding] of encodings) {
    it(`is never below ${name}'s count of any text (all planes, emoji, Japanese, code)`, () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const bound = inputTokenUpperBound("openai", {
            model: "gpt-4o",
            messages: [{ role: "user", content: text }],
          });
          expect(bound).toBeGreaterThanOrEqual(encoding.countTokens(text));
        }),
        settings,
      );
    }, 120_000);

    it(`is never below ${name}'s chat count of messages and function definitions`, () => {
      fc.assert(
        fc.property(messages, fc.array(tool, { maxLength: 4 }), (chat, tools) => {
          const request: LanguageRequest = { model: "gpt-4o", messages: chat, tools };
          const exact = computeChatCompletionTokenCount(
            {
              messages: chat,
              ...(tools.length > 0
                ? {
                    functions: tools.map((definition) => ({
                      name: definition.name,
                      ...(definition.description ? { description: definition.description } : {}),
                      parameters: definition.inputSchema as never,
                    })),
                  }
                : {}),
            },
            (text) => encoding.countTokens(text),
          );
          expect(inputTokenUpperBound("openai", request)).toBeGreaterThanOrEqual(exact);
        }),
        { ...settings, numRuns: 150 },
      );
      // Hundreds of tokenizer runs: generous on a shared, loaded machine.
    }, 120_000);
  }

  it("covers Japanese and emoji, which chars/4 undercounts 3 to 5 times, at about 4 bytes a token", () => {
    const text = "東京の天気は晴れですが、明日は雨が降るかもしれません。🙂🎉👍🏽👨‍👩‍👧‍👦";
    const exact = Math.max(o200k.countTokens(text), cl100k.countTokens(text));
    const bound = inputTokenUpperBound("openai", {
      model: "gpt-4o",
      messages: [{ role: "user", content: text }],
    });
    expect(Math.ceil(text.length / 4) * 3).toBeLessThan(exact);
    expect(bound).toBeGreaterThanOrEqual(exact);
    expect(bound).toBeLessThan(exact * 4);
  });

  it("adds the vendor's allowances for tools and images, and the largest for an unknown provider", () => {
    const request: LanguageRequest = {
      model: "m",
      messages: [{ role: "user", content: [{ type: "image", url: "https://example.com/a.png" }] }],
      tools: [{ name: "t", inputSchema: { type: "object" } }],
    };
    const anthropic = inputTokenUpperBound("anthropic", request);
    expect(anthropic).toBeGreaterThan(1_024 + 4_784);
    expect(inputTokenUpperBound("somewhere-else", request)).toBeGreaterThan(48_169);
    expect(inputTokenUpperBound("openai", { ...request, model: "gpt-4o-mini" })).toBeGreaterThan(48_169);
  });
});
