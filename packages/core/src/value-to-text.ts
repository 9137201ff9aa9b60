import { TemplateError } from "./errors/template-error";

/** Nesting deeper than this renders as "[Too deep]" instead of overflowing the stack. */
const maxDepth = 64;

/**
 * Turns any template or context value into prompt text, with one defined rendering per kind:
 * strings as they are; numbers, booleans and bigints with String(); null and undefined as "";
 * a Date as its ISO time; an Error as "Name: message"; a Map as JSON of its [key, value]
 * entries and a Set as a JSON array; arrays and other objects as indented JSON in which the
 * same rules apply inside, a cycle shows as "[Circular]" and functions and symbols are left out
 * as JSON leaves them out. A function or symbol as the value itself, or a value whose toJSON or
 * getter throws, is a TemplateError naming `name` (the variable or context key).
 */
export function valueToText(value: unknown, name = "value"): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  if (value === undefined || value === null) return "";
  if (typeof value === "function" || typeof value === "symbol") {
    throw new TemplateError(
      `The value of "${name}" is a ${typeof value}, which has no text form; pass a string, number or object instead.`,
    );
  }
  if (value instanceof Date) return dateText(value);
  if (value instanceof Error) return errorText(value);
  try {
    return JSON.stringify(toJsonTree(value, [], 0), null, 2) ?? "";
  } catch (error) {
    throw new TemplateError(
      `The value of "${name}" could not be turned into text: ${error instanceof Error ? error.message : String(error)}. Pass a plain string, number or object instead.`,
      { cause: error },
    );
  }
}

function dateText(date: Date): string {
  return Number.isNaN(date.getTime()) ? "Invalid Date" : date.toISOString();
}

function errorText(error: Error): string {
  return `${error.name}: ${error.message}`;
}

/** A copy of `value` that JSON.stringify can always write (see valueToText for the rules). */
function toJsonTree(value: unknown, ancestors: unknown[], depth: number): unknown {
  if (typeof value === "bigint") return String(value);
  if (typeof value !== "object" || value === null) return value;
  if (ancestors.includes(value)) return "[Circular]";
  if (depth >= maxDepth) return "[Too deep]";
  if (value instanceof Date) return dateText(value);
  if (value instanceof Error) return errorText(value);
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return toJsonTree((value as { toJSON(): unknown }).toJSON(), ancestors, depth + 1);
  }
  ancestors.push(value);
  try {
    if (value instanceof Map) {
      return [...value.entries()].map(([key, item]) => [
        toJsonTree(key, ancestors, depth + 1),
        toJsonTree(item, ancestors, depth + 1),
      ]);
    }
    if (value instanceof Set || Array.isArray(value)) {
      return [...value].map((item) => toJsonTree(item, ancestors, depth + 1));
    }
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      // defineProperty: a key named "__proto__" stays a plain key of the copy.
      Object.defineProperty(copy, key, {
        value: toJsonTree((value as Record<string, unknown>)[key], ancestors, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  } finally {
    ancestors.pop();
  }
}
