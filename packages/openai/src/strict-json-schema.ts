import { isDeepStrictEqual } from "node:util";
import type { JsonSchema } from "@ffc/core";
import { toOpenAIStrictSchema } from "./schema-transform";

/**
 * True when OpenAI's strict mode can take the schema as it is: its strict form (see
 * `toOpenAIStrictSchema`) changes nothing but the `$schema` dialect, so every object is already
 * closed with all properties required and no keyword would move into a description. zod's
 * `z.object()` schemas without optional fields qualify.
 */
export function allowsStrictMode(schema: JsonSchema): boolean {
  const { $schema: _dialect, ...given } = schema;
  try {
    return isDeepStrictEqual(toOpenAIStrictSchema(given, "responseFormat.schema"), given);
  } catch {
    // A schema strict mode refuses (an open record, a non-object root) is sent non-strict.
    return false;
  }
}

/**
 * The `strict` flag of a response format: the `strictJsonSchema` option when set, else strict
 * whenever the schema allows it as it is, so the vendor enforces the schema instead of only
 * reading it as a hint.
 */
export function responseSchemaStrict(
  schema: JsonSchema,
  settings: { strictJsonSchema: boolean | undefined },
): boolean {
  return settings.strictJsonSchema ?? allowsStrictMode(schema);
}
