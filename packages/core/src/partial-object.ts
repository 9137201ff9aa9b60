import type { StreamPart } from "./stream-part";

/** A value while it streams in: objects and arrays with only some of their members so far. */
export type PartialObject<Value> =
  Value extends ReadonlyArray<infer Item>
    ? Array<PartialObject<Item>>
    : Value extends object
      ? { [Key in keyof Value]?: PartialObject<Value[Key]> }
      : Value;

interface PartialJsonModule {
  parse(text: string, allow?: number): unknown;
  Allow: { ALL: number; NUM: number };
}

let loaded: Promise<PartialJsonModule> | undefined;

/**
 * partial-json (MIT, no dependencies, 11 KB) is loaded on first use only, so apps that never
 * stream objects never load it.
 */
function loadPartialJson(): Promise<PartialJsonModule> {
  loaded ??= import("partial-json").then((module) => {
    const exported = module as unknown as PartialJsonModule & { default?: PartialJsonModule };
    return typeof exported.parse === "function" ? exported : exported.default!;
  });
  return loaded;
}

const leadingFence = /^\s*```(?:json)?\s*/;

/**
 * The objects a stream's JSON text adds up to, each time it grows by a member: parses the text
 * so far with partial-json (numbers only once complete, so `12` never shows before `123`).
 * A new step of a tool loop starts a new object.
 */
export async function* partialObjects(parts: AsyncIterable<StreamPart>): AsyncIterable<unknown> {
  const { parse, Allow } = await loadPartialJson();
  const allow = Allow.ALL & ~Allow.NUM;
  let text = "";
  let last = "";
  for await (const part of parts) {
    if (part.type === "step-finish") {
      text = "";
      last = "";
      continue;
    }
    if (part.type !== "text-delta") continue;
    text += part.text;
    let value: unknown;
    try {
      value = parse(text.replace(leadingFence, ""), allow);
    } catch {
      // Not yet parsable (e.g. only whitespace so far, or a closing fence): wait for more.
      continue;
    }
    if (value === undefined || typeof value !== "object" || value === null) continue;
    const shown = JSON.stringify(value);
    if (shown === last) continue;
    last = shown;
    yield value;
  }
}
