import { transformJSONSchema } from "@anthropic-ai/sdk/lib/transform-json-schema";
import { InvalidRequestError, type JsonSchema, LLMManager, toJsonSchema } from "@ffc/core";
import { createAnthropicServer } from "@ffc/testing";
import fc from "fast-check";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { constrainedPerson, withRecord } from "../../core/src/test-support/constrained-person";
import {
  allDescriptions,
  randomJsonSchema,
  schemaNodes,
} from "../../core/src/test-support/random-json-schema";
import { createAnthropic } from "./anthropic-provider";
import { toAnthropicSchema } from "./schema-transform";

const server = await createAnthropicServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const llm = new LLMManager({
  provider: createAnthropic({ apiKey: "sk-ant-schema-key", baseURL: server.url }),
  model: "claude-sonnet-4-6",
  maxTokens: 200,
});

const original = toJsonSchema(constrainedPerson);
const emailPattern = (original.properties as Record<string, JsonSchema>).email!.pattern as string;

/** What Anthropic must receive for `constrainedPerson`: every refused constraint in a description. */
const expected = {
  type: "object",
  properties: {
    name: { type: "string", description: "Full name\n\n{minLength: 1, maxLength: 40}" },
    age: { type: "integer", description: "{exclusiveMinimum: 0, maximum: 9007199254740991}" },
    score: { type: "number", description: "{minimum: 0, maximum: 100}" },
    code: { type: "string", description: '{pattern: "^[A-Z]{3}$"}' },
    tags: { type: "array", items: { type: "string" }, minItems: 1, description: "{maxItems: 5}" },
    nickname: { type: "string" },
    spouse: { type: ["string", "null"] },
    role: { enum: ["admin", "user"] },
    email: { type: "string", format: "email", description: `{pattern: ${JSON.stringify(emailPattern)}}` },
    kind: { const: "person" },
    home: {
      type: "object",
      properties: { city: { type: "string" } },
      required: ["city"],
      additionalProperties: false,
    },
  },
  required: ["name", "age", "score", "code", "tags", "spouse", "role", "email", "kind"],
  additionalProperties: false,
};

describe("Anthropic schema transform, as received by the server", () => {
  it("sends a zod schema's structured-output form with every refused constraint in descriptions", async () => {
    await llm.generate({
      prompt: "Make up a person.",
      responseFormat: { type: "json", schema: constrainedPerson },
    });
    const body = server.requests.at(-1)!.body;
    expect(body.output_config).toEqual({ format: { type: "json_schema", schema: expected } });
  });

  it("sends tool input schemas as given: tools go without strict, where Anthropic takes any JSON Schema", async () => {
    await llm.generate({
      prompt: "Register a person.",
      tools: [{ name: "register", description: "Registers a person.", inputSchema: original }],
    });
    const body = server.requests.at(-1)!.body;
    expect(body.tools).toEqual([
      { name: "register", description: "Registers a person.", input_schema: original },
    ]);
    expect(body.tools[0].strict).toBeUndefined();
  });

  it("refuses a record before sending, naming the field and what to do instead", async () => {
    const call = llm.generate({ prompt: "Scores?", responseFormat: { type: "json", schema: withRecord } });
    await expect(call).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(call).rejects.toThrow(
      /responseFormat\.schema at properties\.scores: .*additionalProperties: false.*fixed properties/,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe("toAnthropicSchema", () => {
  it("keeps the same constraints as Anthropic's own SDK transform, in the same description form", () => {
    const sdk = transformJSONSchema(original);
    // The SDK lists moved constraints in the order it happens to pop them; compare them as sets.
    expect(withSortedConstraints(toAnthropicSchema(original, "schema"))).toEqual(withSortedConstraints(sdk));
  });

  it("keeps a $ref's description, which the SDK drops, and accepts legacy definitions", () => {
    const schema = {
      type: "object",
      properties: { home: { $ref: "#/definitions/Address", description: "Where they live." } },
      required: ["home"],
      definitions: {
        Address: { type: "object", properties: { zip: { type: "string", pattern: "^\\d{5}$" } } },
      },
    };
    expect(toAnthropicSchema(schema, "schema")).toEqual({
      type: "object",
      properties: { home: { anyOf: [{ $ref: "#/definitions/Address" }], description: "Where they live." } },
      required: ["home"],
      additionalProperties: false,
      definitions: {
        Address: {
          type: "object",
          properties: { zip: { type: "string", description: '{pattern: "^\\\\d{5}$"}' } },
          additionalProperties: false,
        },
      },
    });
  });

  it("merges an intersection of objects before closing it, so each side's properties stay allowed", () => {
    const schema = toJsonSchema(
      z.intersection(z.object({ name: z.string() }), z.object({ nickname: z.string() })),
    );
    expect(toAnthropicSchema(schema, "schema")).toEqual({
      type: "object",
      properties: { name: { type: "string" }, nickname: { type: "string" } },
      required: ["name", "nickname"],
      additionalProperties: false,
    });
  });

  it("sends oneOf as anyOf and keeps minItems of 0 or 1", () => {
    expect(
      toAnthropicSchema(
        { type: "array", minItems: 1, items: { oneOf: [{ type: "string" }, { type: "number" }] } },
        "x",
      ),
    ).toEqual({ type: "array", minItems: 1, items: { anyOf: [{ type: "string" }, { type: "number" }] } });
  });

  it("holds for random schemas: only accepted keywords survive, moved ones are described, objects closed, idempotent", () => {
    fc.assert(
      fc.property(randomJsonSchema(), (schema) => {
        const before = structuredClone(schema);
        const sent = toAnthropicSchema(schema, "schema");
        expect(schema).toEqual(before);
        const unexpected: string[] = [];
        for (const { node, path } of schemaNodes(sent)) {
          for (const keyword of Object.keys(node)) {
            if (!accepted(keyword, node)) unexpected.push(`${path.join(".")}: ${keyword}`);
          }
          if (node.type === "object" && node.additionalProperties !== false)
            unexpected.push(`${path.join(".")}: open`);
        }
        expect(unexpected).toEqual([]);
        const descriptions = allDescriptions(sent);
        const lost = schemaNodes(schema).flatMap(({ node }) =>
          Object.entries(node)
            .filter(([keyword, value]) => refused(keyword, value))
            .map(([keyword, value]) => `${keyword}: ${JSON.stringify(value)}`)
            .filter((text) => !descriptions.includes(text)),
        );
        expect(lost).toEqual([]);
        expect(toAnthropicSchema(sent, "schema")).toEqual(sent);
      }),
      { numRuns: 200 },
    );
    // Generous: two shared cores; this bounds a hang, it does not measure speed.
  }, 60_000);
});

/** Anthropic's documented structured-output subset: structure, literals, formats, minItems 0/1. */
function accepted(keyword: string, node: JsonSchema): boolean {
  const always = ["type", "properties", "required", "additionalProperties", "items", "anyOf", "allOf"];
  const annotations = ["description", "title", "$ref", "$defs", "definitions", "enum", "const"];
  if (always.includes(keyword) || annotations.includes(keyword)) return true;
  if (keyword === "format") return ["email", "date-time", "uri"].includes(node.format as string);
  return keyword === "minItems" && (node.minItems === 0 || node.minItems === 1);
}

/** The constraints Anthropic refuses, which must reach a description. */
function refused(keyword: string, value: unknown): boolean {
  if (keyword === "minItems") return value !== 0 && value !== 1;
  if (keyword === "format") return !["email", "date-time", "uri"].includes(value as string);
  return [
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "multipleOf",
    "maxItems",
    "uniqueItems",
  ].includes(keyword);
}

/** The schema with each description's `{a: 1, b: 2}` part sorted, so order does not matter. */
function withSortedConstraints(schema: JsonSchema): unknown {
  return JSON.parse(
    JSON.stringify(schema, (key, value) => {
      if (key !== "description" || typeof value !== "string") return value;
      return value.replace(/\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}$/, (_all, inner: string) => {
        const parts = inner.split(/, (?=[A-Za-z$]+: )/).sort();
        return `{${parts.join(", ")}}`;
      });
    }),
  );
}
