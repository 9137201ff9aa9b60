import fc from "fast-check";
import { mapJsonSchema } from "../map-json-schema";
import type { JsonSchema } from "../request";

/**
 * Random JSON Schemas of the kinds schema libraries emit for tools and structured output:
 * nested objects (closed or not, some properties optional), arrays, nullable types, enums,
 * consts, anyOf/oneOf unions and `$defs` with `$ref`, carrying string, number and array
 * constraints and formats. Shared by the providers' schema-transform property tests.
 */
export function randomJsonSchema(): fc.Arbitrary<JsonSchema> {
  const name = fc.constantFrom("alpha", "beta", "gamma", "delta");
  const description = fc.option(fc.constantFrom("A field.", "Some text: with {braces}"), { nil: undefined });
  const withDescription = (node: JsonSchema, text: string | undefined) =>
    text === undefined ? node : { ...node, description: text };
  const nullable = (type: string, isNullable: boolean) => (isNullable ? [type, "null"] : type);

  const text = fc
    .record(
      {
        minLength: fc.nat({ max: 5 }),
        maxLength: fc.integer({ min: 5, max: 40 }),
        pattern: fc.constantFrom("^[a-z]+$", "^(?=a).*$"),
        format: fc.constantFrom("email", "date-time", "uri", "binary"),
      },
      { requiredKeys: [] },
    )
    .chain((constraints) =>
      fc
        .tuple(fc.boolean(), description)
        .map(([isNullable, words]) =>
          withDescription({ type: nullable("string", isNullable), ...constraints }, words),
        ),
    );
  const number = fc
    .record(
      {
        minimum: fc.integer({ min: -10, max: 0 }),
        maximum: fc.integer({ min: 1, max: 100 }),
        exclusiveMinimum: fc.constant(0),
        multipleOf: fc.constantFrom(2, 5),
      },
      { requiredKeys: [] },
    )
    .chain((constraints) =>
      fc
        .tuple(fc.constantFrom("integer", "number"), fc.boolean(), description)
        .map(([type, isNullable, words]) =>
          withDescription({ type: nullable(type, isNullable), ...constraints }, words),
        ),
    );
  const literal = fc.oneof(
    fc.record({ type: fc.constant("string"), enum: fc.constant(["red", "green"]) }),
    fc.record({ type: fc.constant("string"), const: fc.constant("fixed") }),
    fc.record({ type: fc.constant("boolean") }),
  );
  const leaf = fc.oneof(text, number, literal);

  const { tree } = fc.letrec<{ tree: JsonSchema; object: JsonSchema; array: JsonSchema; union: JsonSchema }>(
    (tie) => ({
      tree: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        leaf,
        tie("object"),
        tie("array"),
        tie("union"),
      ),
      object: fc
        .tuple(fc.dictionary(name, tie("tree"), { maxKeys: 3 }), fc.boolean(), fc.boolean(), description)
        .map(([properties, closed, allRequired, words]) => {
          const names = Object.keys(properties);
          const node: JsonSchema = {
            type: "object",
            properties,
            required: allRequired ? names : names.slice(1),
          };
          if (closed) node.additionalProperties = false;
          return withDescription(node, words);
        }),
      array: fc
        .tuple(
          tie("tree"),
          fc.record(
            {
              minItems: fc.nat({ max: 3 }),
              maxItems: fc.integer({ min: 3, max: 9 }),
              uniqueItems: fc.constant(true),
            },
            { requiredKeys: [] },
          ),
        )
        .map(([items, constraints]) => ({ type: "array", items, ...constraints })),
      union: fc
        .tuple(fc.constantFrom("anyOf", "oneOf"), fc.array(tie("tree"), { minLength: 2, maxLength: 3 }))
        .map(([keyword, branches]) => ({ [keyword]: branches })),
    }),
  );

  // The root of a tool or output schema is an object; some reuse a definition through $ref.
  return fc
    .tuple(
      fc.dictionary(name, tree, { minKeys: 1, maxKeys: 4 }),
      fc.option(tree, { nil: undefined }),
      description,
    )
    .map(([properties, definition, words]) => {
      const root: JsonSchema = {
        $schema: "http://json-schema.org/draft-07/schema#",
        type: "object",
        properties,
        required: Object.keys(properties),
      };
      if (definition !== undefined) {
        root.$defs = { Shared: definition };
        root.properties = { ...properties, shared: withDescription({ $ref: "#/$defs/Shared" }, words) };
      }
      return root;
    });
}

/** Every node of a schema, with its path, in walk order. */
export function schemaNodes(schema: JsonSchema): Array<{ node: JsonSchema; path: readonly string[] }> {
  const nodes: Array<{ node: JsonSchema; path: readonly string[] }> = [];
  mapJsonSchema(schema, (node, path) => {
    nodes.push({ node, path });
    return node;
  });
  return nodes;
}

/** Every `description` in a schema, joined: where moved constraints must be found. */
export function allDescriptions(schema: JsonSchema): string {
  return schemaNodes(schema)
    .map(({ node }) => (typeof node.description === "string" ? node.description : ""))
    .join("\n");
}
