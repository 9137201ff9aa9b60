import type { JsonSchema } from "./request";

/**
 * The Standard Schema interface (standardschema.dev), implemented by zod, valibot and
 * arktype. Declared here so core needs none of them at run time. Every optional member also
 * takes `undefined`, as the specification declares them: otherwise a zod schema is not
 * assignable under `exactOptionalPropertyTypes`.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (
      value: unknown,
    ) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
    readonly jsonSchema?:
      | {
          readonly input: (options: { target: string }) => Record<string, unknown>;
        }
      | undefined;
  };
}

/** What a Standard Schema validation returns. */
export type StandardSchemaResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | {
      readonly issues: ReadonlyArray<{
        readonly message: string;
        readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
      }>;
    };

/** True for any Standard Schema validator. */
export function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  return typeof value === "object" && value !== null && "~standard" in value;
}

/**
 * Turns a schema into JSON Schema for tools and structured output: plain JSON Schema is kept,
 * a Standard JSON Schema validator (zod 4, among others) converts itself.
 */
export function toJsonSchema(schema: JsonSchema | StandardSchemaV1): JsonSchema {
  if (!isStandardSchema(schema)) return schema;
  const converter = schema["~standard"].jsonSchema;
  if (!converter) {
    throw new TypeError(
      `This ${schema["~standard"].vendor} schema cannot convert itself to JSON Schema; pass a JSON Schema object instead.`,
    );
  }
  return converter.input({ target: "draft-07" });
}

/** A schema for structured output or tool input: JSON Schema, or a Standard Schema validator. */
export type OutputSchema = JsonSchema | StandardSchemaV1;

/**
 * The type a schema validates to: the output type of a Standard Schema (zod, valibot, arktype,
 * `jsonSchema<T>()`), `unknown` for an untyped JSON Schema object.
 */
export type InferSchemaOutput<Schema> = Schema extends {
  readonly "~standard": { readonly types?: infer Types };
}
  ? NonNullable<Types> extends { readonly output: infer Output }
    ? Output
    : unknown
  : unknown;
