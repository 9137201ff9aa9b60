import { TemplateError } from "./errors/template-error";
import { sanitizeRules } from "./llm-manager-options";
import { checkOptions } from "./options/check-options";
import { option } from "./options/option-rule";
import { type SanitizeOptions, type SanitizeReport, sanitizeValue, valueToText } from "./sanitize";
import { isStandardSchema, type StandardSchemaV1 } from "./standard-schema";
import {
  parseTemplate,
  type TemplateSegment,
  type TemplateValues,
  type TemplateVariables,
} from "./template-syntax";

/** Options of a prompt template. */
export interface PromptTemplateOptions<Content extends string> {
  /** A name for logs, events and errors. */
  name: string;
  /** The text, with `{variable}` placeholders and `{{` / `}}` for literal braces. */
  content: Content;
  /** The variables, if you want them listed; they must match the placeholders exactly. */
  variables?: readonly TemplateVariables<Content>[];
  /** Validates the values object before rendering: any Standard Schema (zod, valibot, arktype). */
  schema?: StandardSchemaV1;
  /** How values are cleaned before they enter the prompt. */
  sanitize?: SanitizeOptions;
}

/** A rendered template and what sanitizing did along the way. */
export interface RenderedTemplate {
  text: string;
  sanitized: SanitizeReport[];
}

const templateRules = {
  name: option.string({ required: true, example: '"task_decomposition"' }),
  content: option.string({ required: true, allowBlank: true }),
  variables: option.array(option.string({ required: true })),
  schema: option.custom<StandardSchemaV1>((value) =>
    isStandardSchema(value) ? { value } : "must be a Standard Schema validator (zod, valibot, arktype)",
  ),
  sanitize: option.object(sanitizeRules),
};

/** A named prompt with `{variable}` placeholders, checked at compile time and at run time. */
export class PromptTemplate<Content extends string = string> {
  readonly name: string;
  readonly content: Content;
  /** Every placeholder name, in order of first appearance. */
  readonly variables: readonly string[];
  readonly schema?: StandardSchemaV1;
  readonly sanitize: SanitizeOptions;
  readonly #segments: TemplateSegment[];

  constructor(options: PromptTemplateOptions<Content>) {
    options = checkOptions(
      "PromptTemplate",
      options,
      templateRules,
      '{ name: "summary", content: "Summarize {text}" }',
    ) as PromptTemplateOptions<Content>;
    this.name = options.name;
    this.content = options.content;
    this.#segments = parseTemplate(options.content, options.name);
    this.variables = [
      ...new Set(this.#segments.flatMap((segment) => ("variable" in segment ? [segment.variable] : []))),
    ];
    if (options.variables !== undefined) checkDeclaredVariables(this.name, options.variables, this.variables);
    if (options.schema) this.schema = options.schema;
    this.sanitize = options.sanitize ?? {};
  }

  /** Renders with exactly the template's variables; a missing or unknown one is a TemplateError. */
  render(values: TemplateValues<Content>): string {
    const known = new Set(this.variables);
    const unknown = Object.keys(values as object).filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new TemplateError(
        `Template "${this.name}" has no variable(s) ${quoteList(unknown)}; it uses ${quoteList(this.variables) || "none"}.`,
      );
    }
    const result = this.renderWith(values as Record<string, unknown>);
    if (result instanceof Promise) {
      throw new TemplateError(
        `Template "${this.name}" has an asynchronous schema; use renderWith() and await it.`,
      );
    }
    return result.text;
  }

  /**
   * Renders from a bag of values that may hold more than the template needs (a context).
   * Returns a promise only when the schema validates asynchronously.
   */
  renderWith(
    values: Record<string, unknown>,
    untrustedNames: ReadonlySet<string> = emptySet,
  ): RenderedTemplate | Promise<RenderedTemplate> {
    const missing = this.variables.filter((name) => ownValue(values, name) === undefined);
    if (missing.length > 0) {
      throw new TemplateError(
        `Template "${this.name}" is missing variable(s) ${quoteList(missing)}: add them with context.add(name, value) or pass them in variables.`,
      );
    }
    if (!this.schema) return this.fill(values, untrustedNames);
    const picked = Object.fromEntries(this.variables.map((name) => [name, ownValue(values, name)]));
    const outcome = this.schema["~standard"].validate(picked);
    if (outcome instanceof Promise) {
      return outcome.then((settled) => this.fill(checkedValues(this.name, settled, values), untrustedNames));
    }
    return this.fill(checkedValues(this.name, outcome, values), untrustedNames);
  }

  private fill(values: Record<string, unknown>, untrustedNames: ReadonlySet<string>): RenderedTemplate {
    let text = "";
    const sanitized: SanitizeReport[] = [];
    for (const segment of this.#segments) {
      if ("literal" in segment) {
        text += segment.literal;
        continue;
      }
      const clean = sanitizeValue(
        segment.variable,
        valueToText(ownValue(values, segment.variable), segment.variable),
        this.sanitize,
        untrustedNames.has(segment.variable),
      );
      if (clean.report) sanitized.push(clean.report);
      text += clean.text;
    }
    return { text, sanitized };
  }
}

const emptySet: ReadonlySet<string> = new Set();

/**
 * A value by name, from the object's own properties only: `{constructor}` or `{__proto__}`
 * must be a missing variable, never Object.prototype's members.
 */
function ownValue(values: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(values, name) ? values[name] : undefined;
}

function checkedValues(
  templateName: string,
  outcome: Awaited<ReturnType<StandardSchemaV1["~standard"]["validate"]>>,
  values: Record<string, unknown>,
): Record<string, unknown> {
  if (outcome.issues) {
    const problems = outcome.issues.map((issue) => {
      const path = (issue.path ?? []).map((key) => String(typeof key === "object" ? key.key : key)).join(".");
      return path ? `"${path}": ${issue.message}` : issue.message;
    });
    throw new TemplateError(`Template "${templateName}" got invalid values: ${problems.join("; ")}.`);
  }
  return { ...values, ...(outcome.value as Record<string, unknown>) };
}

function checkDeclaredVariables(name: string, declared: readonly string[], used: readonly string[]): void {
  const unused = declared.filter((variable) => !used.includes(variable));
  const undeclared = used.filter((variable) => !declared.includes(variable));
  if (unused.length || undeclared.length) {
    const parts = [];
    if (unused.length) parts.push(`${quoteList(unused)} listed in "variables" but not used in content`);
    if (undeclared.length)
      parts.push(`${quoteList(undeclared)} used in content but not listed in "variables"`);
    throw new TemplateError(`Template "${name}": ${parts.join("; ")}.`);
  }
}

function quoteList(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(", ");
}
