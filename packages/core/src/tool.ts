import { ConfigError } from "./errors/config-error";
import type { JsonSchema, ToolDefinition } from "./request";
import {
  type InferSchemaOutput,
  isStandardSchema,
  type OutputSchema,
  type StandardSchemaV1,
  toJsonSchema,
} from "./standard-schema";
import { asStandardSchema } from "./structured-output";

/** What `execute` receives besides the input. */
export interface ToolExecutionContext {
  /** The model's id for this call of the tool. */
  toolCallId: string;
  /** 1-based number of the step (model call) that asked for the tool. */
  step: number;
  /** Aborted when the call is aborted or its deadline passes; pass it on to fetches. */
  signal: AbortSignal;
}

/** A tool made by `tool()`: its definition for the model and, optionally, the code that runs it. */
export interface Tool<Input = unknown, Output = unknown> {
  /** The name the model calls it by: letters, digits, `_` and `-`, at most 64 characters. */
  readonly name: string;
  /** What the tool does; models choose tools by this text. */
  readonly description?: string;
  /** The arguments' schema: zod (or any Standard Schema), `jsonSchema<T>()`, or plain JSON Schema. */
  readonly inputSchema: OutputSchema;
  /** Runs the tool; without it, calls of the tool are returned to the caller as before. */
  readonly execute?: (input: Input, context: ToolExecutionContext) => Output | Promise<Output>;
}

/** What `tool()` takes: `execute`'s input type is inferred from `inputSchema`. */
export interface ToolOptions<Schema extends OutputSchema, Output> {
  /** The name the model calls it by: letters, digits, `_` and `-`, at most 64 characters. */
  name: string;
  /** What the tool does; models choose tools by this text. */
  description?: string;
  /** The arguments' schema: zod (or any Standard Schema), `jsonSchema<T>()`, or plain JSON Schema. */
  inputSchema: Schema;
  /** Runs the tool with validated arguments; what it returns goes back to the model as the result. */
  execute?: (input: InferSchemaOutput<Schema>, context: ToolExecutionContext) => Output | Promise<Output>;
}

/** Any tool a call accepts: a `tool()` or a plain definition (returned to the caller when called). */
export type AnyTool = ToolDefinition | Tool<any, any>;

const toolNamePattern = /^[a-zA-Z0-9_-]{1,64}$/;
const definitions = new WeakMap<object, ToolDefinition>();
const validators = new WeakMap<object, StandardSchemaV1>();

/**
 * Defines a tool. With `execute`, `llm.generate()` runs the tool loop: the model's arguments
 * are validated against `inputSchema` before `execute` runs, and the result (or the error)
 * goes back to the model. Checked here, so a bad definition fails before any call.
 */
export function tool<Schema extends OutputSchema, Output = unknown>(
  options: ToolOptions<Schema, Output>,
): Tool<InferSchemaOutput<Schema>, Output> {
  if (typeof options !== "object" || options === null) {
    throw new ConfigError(
      "tool(options): pass an object such as { name, description, inputSchema, execute }.",
    );
  }
  const { name, description, inputSchema, execute } = options;
  if (typeof name !== "string" || !toolNamePattern.test(name)) {
    throw new ConfigError(
      `tool(): "name" must be 1 to 64 letters, digits, "_" or "-" (vendors refuse others), such as "getWeather"; got ${JSON.stringify(name)}.`,
    );
  }
  if (description !== undefined && typeof description !== "string") {
    throw new ConfigError(`tool "${name}": "description" must be a string.`);
  }
  if (typeof inputSchema !== "object" || inputSchema === null) {
    throw new ConfigError(
      `tool "${name}": "inputSchema" must be a zod (or other Standard Schema) object or a JSON Schema, such as z.object({ city: z.string() }).`,
    );
  }
  if (execute !== undefined && typeof execute !== "function") {
    throw new ConfigError(`tool "${name}": "execute" must be a function (input, context) => result.`);
  }
  let schema: JsonSchema;
  try {
    schema = toJsonSchema(inputSchema);
  } catch (error) {
    throw new ConfigError(`tool "${name}": "inputSchema" ${(error as Error).message}`, { cause: error });
  }
  const made: Tool<any, any> = Object.freeze({
    name,
    inputSchema,
    ...(description === undefined ? {} : { description }),
    ...(execute === undefined ? {} : { execute }),
  });
  definitions.set(made, { name, inputSchema: schema, ...(description === undefined ? {} : { description }) });
  return made;
}

/** The definitions a provider receives: JSON Schema inputs, no `execute` (converted once per tool). */
export function toToolDefinitions(tools: readonly AnyTool[]): ToolDefinition[] {
  return tools.map((item) => {
    let definition = definitions.get(item);
    if (!definition) {
      const { name, description } = item;
      definition = { name, inputSchema: toJsonSchema(item.inputSchema) };
      if (description !== undefined) definition.description = description;
      if (typeof item === "object" && item !== null) definitions.set(item, definition);
    }
    return definition;
  });
}

/** True when the tool runs inside FFC's loop. */
export function isExecutableTool(item: AnyTool): item is Tool<any, any> & { execute: Function } {
  return typeof (item as Tool).execute === "function";
}

/** The validator of a tool's arguments (a plain JSON Schema only parses: see `jsonSchema()`). */
export function toolInputValidator(item: AnyTool): StandardSchemaV1 {
  let validator = validators.get(item);
  if (!validator) {
    validator = isStandardSchema(item.inputSchema) ? item.inputSchema : asStandardSchema(item.inputSchema);
    validators.set(item, validator);
  }
  return validator;
}
