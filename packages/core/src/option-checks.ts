import { describeValue } from "./validate-options";

/**
 * Small hand-written checks for core's own options. Core validates one config object, and
 * these few lines weigh about a tenth of zod/mini's runtime (measured: 8 kB min+gz), which
 * keeps @ffc/core within its 8 kB budget. User-facing schemas still accept zod and any
 * Standard Schema validator.
 */
export type Problem = string | undefined;

/** A positive whole number, or undefined when optional. */
export function positiveInteger(value: unknown, field: string, optional = true): Problem {
  if (value === undefined && optional) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    return `"${field}": must be a whole number, got ${describeValue(value)}`;
  }
  return value > 0 ? undefined : `"${field}": must be greater than 0, got ${value}`;
}

/** A finite number within [minimum, maximum], or undefined. */
export function numberBetween(value: unknown, field: string, minimum: number, maximum: number): Problem {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return `"${field}": must be a number, got ${describeValue(value)}`;
  }
  if (value < minimum) return `"${field}": must be at least ${minimum}, got ${value}`;
  if (value > maximum) return `"${field}": must be at most ${maximum}, got ${value}`;
  return undefined;
}

/** A non-empty string, or undefined when optional. */
export function nonEmptyString(value: unknown, field: string, hint: string, optional = true): Problem {
  if (value === undefined && optional) return undefined;
  if (typeof value !== "string")
    return `"${field}": must be a string such as ${hint}, got ${describeValue(value)}`;
  return value.length > 0 ? undefined : `"${field}": must not be empty`;
}

/** An http(s) URL, or undefined. */
export function httpUrl(value: unknown, field: string): Problem {
  if (value === undefined) return undefined;
  if (typeof value === "string" && /^https?:\/\/[^\s/]+/.test(value)) return undefined;
  return `"${field}": must be a URL such as "http://localhost:11434/v1", got ${describeValue(value)}`;
}

/** An object of string values, or undefined. */
export function stringRecord(value: unknown, field: string): Problem {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return `"${field}": must be an object`;
  const bad = Object.entries(value).find(([, item]) => typeof item !== "string");
  return bad ? `"${field}.${bad[0]}": must be a string` : undefined;
}

/** An array of strings, or undefined. */
export function stringArray(value: unknown, field: string): Problem {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return `"${field}": must be an array of strings`;
  const index = value.findIndex((item) => typeof item !== "string");
  return index === -1 ? undefined : `"${field}[${index}]": must be a string`;
}
