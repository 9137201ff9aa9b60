import { ConfigError } from "./errors/config-error";
import type { JsonSchema } from "./request";
import type { StandardSchemaResult, StandardSchemaV1 } from "./standard-schema";

/** Options of `jsonSchema()`. */
export interface JsonSchemaOptions<Value> {
  /**
   * Checks a parsed value; return `{ value }` or `{ issues: [{ message, path }] }`.
   * @default none: the value is only parsed, the JSON Schema's constraints are left to the vendor
   */
  validate?: (value: unknown) => StandardSchemaResult<Value> | Promise<StandardSchemaResult<Value>>;
}

/**
 * A JSON Schema typed by hand: `jsonSchema<{ city: string }>({ type: "object", ... })`. The
 * result is a Standard Schema, so `responseFormat.schema` and `tool({ inputSchema })` infer
 * `T` from it. FFC does not bundle a JSON Schema validator: without `validate`, the answer is
 * parsed as JSON and trusted to match (vendors' native structured output enforces the schema).
 */
export function jsonSchema<Value = unknown>(
  schema: JsonSchema,
  options: JsonSchemaOptions<Value> = {},
): StandardSchemaV1<Value, Value> & { readonly jsonSchema: JsonSchema } {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
    throw new ConfigError(
      `jsonSchema(schema): "schema" must be a JSON Schema object such as { type: "object", properties: {...} }; got ${describe(schema)}.`,
    );
  }
  if (options.validate !== undefined && typeof options.validate !== "function") {
    throw new ConfigError('jsonSchema(schema, options): "validate" must be a function (value) => result.');
  }
  const validate = options.validate ?? ((value: unknown) => ({ value: value as Value }));
  return {
    jsonSchema: schema,
    "~standard": {
      version: 1,
      vendor: "ffc-json-schema",
      validate,
      jsonSchema: { input: () => schema },
    },
  };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : typeof value;
}
