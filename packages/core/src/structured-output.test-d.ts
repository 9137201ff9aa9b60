import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { jsonSchema } from "./json-schema";
import type { LLMManager } from "./llm-manager";
import type { PartialObject } from "./partial-object";
import { type Tool, tool } from "./tool";

declare const llm: LLMManager;
const Weather = z.object({ city: z.string(), tempC: z.number() });

describe("structured output types", () => {
  it("infers object from a zod schema", async () => {
    const result = await llm.generate({ prompt: "p", responseFormat: { type: "json", schema: Weather } });
    expectTypeOf(result.object).toEqualTypeOf<{ city: string; tempC: number }>();
    expectTypeOf(result.object.tempC).toBeNumber();
  });

  it("infers object from a hand-typed JSON Schema", async () => {
    const schema = jsonSchema<{ name: string; tags: string[] }>({ type: "object" });
    const result = await llm.generate({ prompt: "p", responseFormat: { type: "json", schema } });
    expectTypeOf(result.object).toEqualTypeOf<{ name: string; tags: string[] }>();
  });

  it("leaves object unknown and optional without a schema", async () => {
    const plain = await llm.generate({ prompt: "p" });
    expectTypeOf(plain.object).toEqualTypeOf<unknown>();
    const json = await llm.generate({ prompt: "p", responseFormat: { type: "json" } });
    expectTypeOf(json.object).toEqualTypeOf<unknown>();
    const untyped = await llm.generate({
      prompt: "p",
      responseFormat: { type: "json", schema: { type: "object" } },
    });
    expectTypeOf(untyped.object).toEqualTypeOf<unknown>();
  });

  it("types the stream's result and partial objects", async () => {
    const response = llm.stream({ prompt: "p", responseFormat: { type: "json", schema: Weather } });
    expectTypeOf((await response.result).object).toEqualTypeOf<{ city: string; tempC: number }>();
    for await (const partial of response.partialObjects) {
      expectTypeOf(partial).toEqualTypeOf<PartialObject<{ city: string; tempC: number }>>();
      expectTypeOf(partial.tempC).toEqualTypeOf<number | undefined>();
    }
  });
});

describe("tool types", () => {
  it("infers execute's input from a zod inputSchema, and its output", () => {
    const made = tool({
      name: "getWeather",
      inputSchema: z.object({ city: z.string(), days: z.number().optional() }),
      execute: async (input) => {
        expectTypeOf(input).toEqualTypeOf<{ city: string; days?: number | undefined }>();
        return { tempC: 21 };
      },
    });
    expectTypeOf(made).toEqualTypeOf<Tool<{ city: string; days?: number | undefined }, { tempC: number }>>();
  });

  it("infers execute's input from jsonSchema<T>() and leaves a plain JSON Schema unknown", () => {
    tool({
      name: "a",
      inputSchema: jsonSchema<{ id: number }>({ type: "object" }),
      execute: (input) => expectTypeOf(input).toEqualTypeOf<{ id: number }>(),
    });
    tool({
      name: "b",
      inputSchema: { type: "object" },
      execute: (input) => expectTypeOf(input).toEqualTypeOf<unknown>(),
    });
  });

  it("rejects an execute whose input does not fit the schema", () => {
    tool({
      name: "c",
      inputSchema: z.object({ city: z.string() }),
      // @ts-expect-error: city is a string, not a number
      execute: (input: { city: number }) => input,
    });
  });
});
