import { InvalidRequestError, type JsonSchema, LLMManager, toJsonSchema } from "@ffc/core";
import { createOpenAIServer } from "@ffc/testing";
import fc from "fast-check";
import { toStrictJsonSchema } from "openai/lib/transform";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { constrainedPerson, withRecord } from "../../core/src/test-support/constrained-person";
import {
  allDescriptions,
  randomJsonSchema,
  schemaNodes,
} from "../../core/src/test-support/random-json-schema";
import { createOpenAI } from "./openai-provider";
import { toOpenAIStrictSchema } from "./schema-transform";

const server = await createOpenAIServer({ text: '{"ok":true}' });
afterAll(() => server.close());
beforeEach(() => server.reset());

const manager = (options: { api: "chat" | "responses"; strictJsonSchema: boolean }) =>
  new LLMManager({
    provider: createOpenAI({ apiKey: "sk-test-schema-0123456789", baseURL: `${server.url}/v1`, ...options }),
    model: "gpt-4o",
  });

const original = toJsonSchema(constrainedPerson);
const originalProperties = original.properties as Record<string, JsonSchema>;

/** What strict mode must receive for `constrainedPerson`. */
const expectedStrict = {
  type: "object",
  properties: {
    name: { type: "string", description: "Full name\n\n{minLength: 1, maxLength: 40}" },
    age: { type: "integer", exclusiveMinimum: 0, maximum: 9007199254740991 },
    score: { type: "number", minimum: 0, maximum: 100 },
    code: { type: "string", pattern: "^[A-Z]{3}$" },
    tags: { type: "array", items: { type: "string" }, minItems: 1, maxItems: 5 },
    nickname: { type: "string" },
    spouse: { type: ["string", "null"] },
    role: { type: "string", enum: ["admin", "user"] },
    email: { type: "string", format: "email", pattern: originalProperties.email!.pattern },
    kind: { type: "string", const: "person" },
    home: {
      type: "object",
      properties: { city: { type: "string" } },
      required: ["city"],
      additionalProperties: false,
    },
  },
  // Strict mode wants every property required: optional ones are then always filled in.
  required: ["name", "age", "score", "code", "tags", "nickname", "spouse", "role", "email", "kind", "home"],
  additionalProperties: false,
};

describe("OpenAI schema transform, as received by the server", () => {
  for (const api of ["chat", "responses"] as const) {
    it(`sends the strict form of a zod schema for structured output and tools (${api})`, async () => {
      await manager({ api, strictJsonSchema: true }).generate({
        prompt: "Make up a person and register them.",
        responseFormat: { type: "json", schema: constrainedPerson, name: "person" },
        tools: [{ name: "register", description: "Registers a person.", inputSchema: original }],
      });
      const body = server.requests.at(-1)!.body;
      if (api === "chat") {
        expect(body.response_format).toEqual({
          type: "json_schema",
          json_schema: { name: "person", schema: expectedStrict, strict: true },
        });
        expect(body.tools[0].function).toEqual({
          name: "register",
          description: "Registers a person.",
          parameters: expectedStrict,
          strict: true,
        });
      } else {
        expect(body.text.format).toEqual({
          type: "json_schema",
          name: "person",
          schema: expectedStrict,
          strict: true,
        });
        expect(body.tools[0]).toEqual({
          type: "function",
          name: "register",
          description: "Registers a person.",
          parameters: expectedStrict,
          strict: true,
        });
      }
    });

    it(`sends schemas as given without strict mode, where OpenAI takes any JSON Schema (${api})`, async () => {
      await manager({ api, strictJsonSchema: false }).generate({
        prompt: "Make up a person and register them.",
        responseFormat: { type: "json", schema: constrainedPerson },
        tools: [{ name: "register", inputSchema: original }],
      });
      const body = server.requests.at(-1)!.body;
      const sentFormat = api === "chat" ? body.response_format.json_schema.schema : body.text.format.schema;
      const sentTool = api === "chat" ? body.tools[0].function.parameters : body.tools[0].parameters;
      expect(sentFormat).toEqual(original);
      expect(sentTool).toEqual(original);
    });
  }

  it("refuses a record in strict mode before sending, naming the tool's field and what to do", async () => {
    const call = manager({ api: "chat", strictJsonSchema: true }).generate({
      prompt: "Scores?",
      tools: [{ name: "scores", inputSchema: toJsonSchema(withRecord) }],
    });
    await expect(call).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(call).rejects.toThrow(
      /tools\[0\]\.inputSchema at properties\.scores: .*strictJsonSchema: false/,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe("toOpenAIStrictSchema", () => {
  it("matches the openai SDK's toStrictJsonSchema, except that string lengths move to the description", () => {
    // The SDK refuses optional properties, so compare on the all-required variant.
    const allRequired = toJsonSchema(constrainedPerson.required());
    const { $schema: _dialect, ...sdk } = toStrictJsonSchema(allRequired as never) as JsonSchema;
    const sdkProperties = sdk.properties as Record<string, JsonSchema>;
    // OpenAI's structured-outputs guide lists pattern and format as the supported string
    // keywords; the SDK still sends minLength and maxLength.
    expect(sdkProperties.name).toEqual({
      type: "string",
      minLength: 1,
      maxLength: 40,
      description: "Full name",
    });
    expect(toOpenAIStrictSchema(allRequired, "schema")).toEqual({
      ...sdk,
      properties: { ...sdkProperties, name: expectedStrict.properties.name },
    });
  });

  it("refuses a root that is not an object, naming where and what to do", () => {
    const call = () =>
      toOpenAIStrictSchema({ type: "array", items: { type: "string" } }, "responseFormat.schema");
    expect(call).toThrow(InvalidRequestError);
    expect(call).toThrow(/responseFormat\.schema: .*object at the root.*strictJsonSchema: false/);
  });

  it("keeps a $ref's description beside it in anyOf and sends oneOf as anyOf", () => {
    const schema = {
      type: "object",
      properties: {
        home: { $ref: "#/$defs/Address", description: "Where they live." },
        id: { oneOf: [{ type: "string", format: "uuid" }, { type: "integer" }] },
      },
      $defs: { Address: { type: "object", properties: { zip: { type: "string", minLength: 5 } } } },
    };
    expect(toOpenAIStrictSchema(schema, "schema")).toEqual({
      type: "object",
      properties: {
        home: { anyOf: [{ $ref: "#/$defs/Address" }], description: "Where they live." },
        id: { anyOf: [{ type: "string", format: "uuid" }, { type: "integer" }] },
      },
      required: ["home", "id"],
      additionalProperties: false,
      $defs: {
        Address: {
          type: "object",
          properties: { zip: { type: "string", description: "{minLength: 5}" } },
          required: ["zip"],
          additionalProperties: false,
        },
      },
    });
  });

  it("holds for random schemas: only accepted keywords survive, moved ones are described, objects closed and fully required, idempotent", () => {
    fc.assert(
      fc.property(randomJsonSchema(), (schema) => {
        const before = structuredClone(schema);
        const sent = toOpenAIStrictSchema(schema, "schema");
        expect(schema).toEqual(before);
        const unexpected: string[] = [];
        for (const { node, path } of schemaNodes(sent)) {
          for (const keyword of Object.keys(node)) {
            if (!accepted(keyword, node)) unexpected.push(`${path.join(".")}: ${keyword}`);
          }
          if (node.type !== "object") continue;
          if (node.additionalProperties !== false) unexpected.push(`${path.join(".")}: open`);
          const names = Object.keys(node.properties as JsonSchema);
          if (JSON.stringify(node.required) !== JSON.stringify(names))
            unexpected.push(`${path.join(".")}: optional`);
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
        expect(toOpenAIStrictSchema(sent, "schema")).toEqual(sent);
      }),
      { numRuns: 200 },
    );
    // Generous: two shared cores; this bounds a hang, it does not measure speed.
  }, 60_000);
});

/** The keywords OpenAI's structured-outputs guide lists as supported in strict mode. */
function accepted(keyword: string, node: JsonSchema): boolean {
  const structure = [
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "anyOf",
    "enum",
    "const",
  ];
  const annotations = ["description", "title", "$ref", "$defs", "definitions"];
  const bounds = [
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
  ];
  if (structure.includes(keyword) || annotations.includes(keyword) || bounds.includes(keyword)) return true;
  if (keyword === "format") return ["email", "date-time", "uuid"].includes(node.format as string);
  return keyword === "pattern" && !String(node.pattern).includes("(?=");
}

/** The constraints strict mode refuses, which must reach a description. */
function refused(keyword: string, value: unknown): boolean {
  if (["minLength", "maxLength", "uniqueItems"].includes(keyword)) return true;
  if (keyword === "format") return !["email", "date-time"].includes(value as string);
  return keyword === "pattern" && String(value).includes("(?=");
}
