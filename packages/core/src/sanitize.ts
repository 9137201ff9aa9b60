import { TemplateError } from "./errors/template-error";

/** How template values are cleaned before they reach a prompt. Every step is reported. */
export interface SanitizeOptions {
  /** Remove control characters other than tab, line feed and carriage return (default true). */
  stripControlCharacters?: boolean;
  /** Longest value allowed, in characters (default 100,000). */
  maxLength?: number;
  /** What a longer value does: "error" throws a TemplateError (default), "truncate" cuts it. */
  onTooLong?: "error" | "truncate";
  /** Variables or context keys whose values are untrusted and are fenced in delimiters. */
  untrusted?: readonly string[];
}

/** What sanitizing did to one value. */
export interface SanitizeReport {
  /** The variable or context key. */
  name: string;
  /** Control characters removed. */
  removedControlCharacters: number;
  /** Unpaired UTF-16 surrogates removed. */
  removedSurrogates: number;
  /** Original length when the value was truncated. */
  truncatedFrom?: number;
  /** True when the value was wrapped in untrusted-input delimiters. */
  fenced: boolean;
}

const defaultMaxLength = 100_000;
// C0 and C1 controls except \t \n \r, plus DEL: matching them is the point of this pattern.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is its purpose.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const unpairedSurrogates = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const fenceTag = "untrusted_input";
const fenceTagInside = /<(\/?)untrusted_input/gi;

/** Cleans one value; returns the text and a report when anything happened. */
export function sanitizeValue(
  name: string,
  text: string,
  options: SanitizeOptions = {},
  untrusted = false,
): { text: string; report?: SanitizeReport } {
  let removedControlCharacters = 0;
  let removedSurrogates = 0;
  let truncatedFrom: number | undefined;
  let result = text;
  if (options.stripControlCharacters !== false) {
    result = result.replace(controlCharacters, () => {
      removedControlCharacters += 1;
      return "";
    });
  }
  result = result.replace(unpairedSurrogates, () => {
    removedSurrogates += 1;
    return "";
  });
  const maxLength = options.maxLength ?? defaultMaxLength;
  if (result.length > maxLength) {
    if (options.onTooLong !== "truncate") {
      throw new TemplateError(
        `The value of "${name}" is ${result.length} characters long, over the limit of ${maxLength}. Shorten it, raise sanitize.maxLength, or set sanitize.onTooLong to "truncate".`,
      );
    }
    truncatedFrom = result.length;
    result = result.slice(0, maxLength);
  }
  const fenced = untrusted || (options.untrusted?.includes(name) ?? false);
  if (fenced) result = fenceUntrusted(name, result);
  if (!removedControlCharacters && !removedSurrogates && truncatedFrom === undefined && !fenced) {
    return { text: result };
  }
  const report: SanitizeReport = { name, removedControlCharacters, removedSurrogates, fenced };
  if (truncatedFrom !== undefined) report.truncatedFrom = truncatedFrom;
  return { text: result, report };
}

/**
 * Wraps untrusted text in `<untrusted_input name="...">` delimiters. Any delimiter inside the
 * text is escaped (`&lt;untrusted_input`), so the text cannot close the fence and pose as
 * instructions.
 */
export function fenceUntrusted(name: string, text: string): string {
  const escaped = text.replace(fenceTagInside, "&lt;$1untrusted_input");
  const safeName = name.replace(/[^A-Za-z0-9_.-]/g, "_");
  return `<${fenceTag} name="${safeName}">\n${escaped}\n</${fenceTag}>`;
}

export { valueToText } from "./value-to-text";
