import { type JsonSchema, LLMManager, toJsonSchema } from "@ffc/core";
import { createGoogleServer, googleWireAdapter } from "@ffc/testing";
import fc from "fast-check";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { constrainedPerson, withRecord } from "../../core/src/test-support/constrained-person";
import {
  allDescriptions,
  randomJsonSchema,
  schemaNodes,
} from "../../core/src/test-support/random-json-schema";
import { toGeminiSchema } from "./schema-transform";
import { transports } from "./test-targets";

const server = await createGoogleServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const original = toJsonSchema(constrainedPerson);
const emailPattern = (original.properties as Record<string, JsonSchema>).email!.pattern as string;

/** What Gemini must receive for `constrainedPerson`: the keywords it does not list, in descriptions. */
const expected = {
  type: "object",
  properties: {
    name: { type: "string", description: "Full name\n\n{minLength: 1, maxLength: 40}" },
    age: { type: "integer", maximum: 9007199254740991, description: "{exclusiveMinimum: 0}" },
    score: { type: "number", minimum: 0, maximum: 100 },
    code: { type: "string", description: '{pattern: "^[A-Z]{3}$"}' },
    tags: { type: "array", items: { type: "string" }, minItems: 1, maxItems: 5 },
    nickname: { type: "string" },
    spouse: { type: ["string", "null"] },
    role: { type: "string", enum: ["admin", "user"] },
    email: { type: "string", format: "email", description: `{pattern: ${JSON.stringify(emailPattern)}}` },
    kind: { type: "string", enum: ["person"] },
    // Gemini does not require closed objects or every property required: both stay as written.
    home: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
  required: ["name", "age", "score", "code", "tags", "spouse", "role", "email", "kind"],
};

describe.each(transports)("Gemini schema transform, as received by the server over $name", ({ create }) => {
  it("sends a zod schema's supported form as responseJsonSchema and parametersJsonSchema", async () => {
    server.enqueue(
      googleWireAdapter.text({
        text: "{}",
        usage: { inputTokens: 1, outputTokens: 1 },
        model: "gemini-2.5-flash",
      }),
    );
    await new LLMManager({ provider: create(server), model: "gemini-2.5-flash" }).generate({
      prompt: "Make up a person and register them.",
      responseFormat: { type: "json", schema: constrainedPerson },
      tools: [{ name: "register", description: "Registers a person.", inputSchema: original }],
    });
    const body = server.requests.at(-1)!.body;
    expect(body.generationConfig).toEqual({
      responseMimeType: "application/json",
      responseJsonSchema: expected,
    });
    expect(body.tools).toEqual([
      {
        functionDeclarations: [
          { name: "register", description: "Registers a person.", parametersJsonSchema: expected },
        ],
      },
    ]);
  });
});

describe("toGeminiSchema", () => {
  it("keeps a record open: Gemini supports additionalProperties", () => {
    expect(toGeminiSchema(toJsonSchema(withRecord))).toEqual({
      type: "object",
      properties: {
        scores: {
          type: "object",
          additionalProperties: { type: "number" },
          description: '{propertyNames: {"type":"string"}}',
        },
      },
      required: ["scores"],
    });
  });

  it("renames definitions to $defs, rewrites references to them, and moves a $ref's siblings beside it", () => {
    const schema = {
      type: "object",
      properties: {
        home: { $ref: "#/definitions/Address", description: "Where they live." },
        work: { $ref: "#/definitions/Address" },
      },
      definitions: { Address: { type: "object", properties: { zip: { type: "string", minLength: 5 } } } },
    };
    expect(toGeminiSchema(schema)).toEqual({
      type: "object",
      properties: {
        home: { anyOf: [{ $ref: "#/$defs/Address" }], description: "Where they live." },
        work: { $ref: "#/$defs/Address" },
      },
      $defs: {
        Address: { type: "object", properties: { zip: { type: "string", description: "{minLength: 5}" } } },
      },
    });
  });

  it("renames nested definitions in references too, but not a property named definitions", () => {
    const schema = {
      type: "object",
      properties: {
        definitions: { type: "string" },
        inner: {
          type: "object",
          definitions: { Leaf: { type: "string" } },
          properties: { leaf: { $ref: "#/properties/inner/definitions/Leaf" } },
        },
        named: { $ref: "#/properties/definitions" },
      },
    };
    const sent = toGeminiSchema(schema) as { properties: Record<string, JsonSchema> };
    expect(sent.properties.inner).toEqual({
      type: "object",
      $defs: { Leaf: { type: "string" } },
      properties: { leaf: { $ref: "#/properties/inner/$defs/Leaf" } },
    });
    expect(sent.properties.named).toEqual({ $ref: "#/properties/definitions" });
  });

  it("sends a string or number const as a one-value enum and moves other literals to the description", () => {
    expect(toGeminiSchema({ const: 3 })).toEqual({ enum: [3] });
    expect(toGeminiSchema({ type: "boolean", const: true })).toEqual({
      type: "boolean",
      description: "{const: true}",
    });
  });

  it("holds for random schemas: only listed keywords survive, moved ones are described, idempotent", () => {
    fc.assert(
      fc.property(randomJsonSchema(), (schema) => {
        const before = structuredClone(schema);
        const sent = toGeminiSchema(schema);
        expect(schema).toEqual(before);
        const unexpected: string[] = [];
        for (const { node, path } of schemaNodes(sent)) {
          for (const keyword of Object.keys(node))
            if (!listed.has(keyword)) unexpected.push(`${path.join(".")}: ${keyword}`);
          if (node.$ref !== undefined && !Object.keys(node).every((keyword) => keyword.startsWith("$"))) {
            unexpected.push(`${path.join(".")}: $ref with siblings`);
          }
        }
        expect(unexpected).toEqual([]);
        const descriptions = allDescriptions(sent);
        const movedKeywords = [
          "minLength",
          "maxLength",
          "pattern",
          "exclusiveMinimum",
          "multipleOf",
          "uniqueItems",
        ];
        const lost = schemaNodes(schema).flatMap(({ node }) =>
          Object.entries(node)
            .filter(([keyword]) => movedKeywords.includes(keyword))
            .map(([keyword, value]) => `${keyword}: ${JSON.stringify(value)}`)
            .filter((text) => !descriptions.includes(text)),
        );
        expect(lost).toEqual([]);
        expect(toGeminiSchema(sent)).toEqual(sent);
      }),
      { numRuns: 200 },
    );
    // Generous: two shared cores; this bounds a hang, it does not measure speed.
  }, 60_000);
});

/** The keywords @google/genai documents for responseJsonSchema. */
const listed = new Set([
  "$id",
  "$defs",
  "$ref",
  "$anchor",
  "type",
  "format",
  "title",
  "description",
  "enum",
  "items",
  "prefixItems",
  "minItems",
  "maxItems",
  "minimum",
  "maximum",
  "anyOf",
  "oneOf",
  "properties",
  "additionalProperties",
  "required",
  "propertyOrdering",
]);
