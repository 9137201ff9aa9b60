import { type Context, SYSTEM_PROMPT_KEY } from "./context";
import { contextBlock } from "./context-block";
import { TemplateError } from "./errors/template-error";
import type { Message } from "./message";
import type { PromptTemplate, RenderedTemplate } from "./prompt-template";
import { type SanitizeOptions, type SanitizeReport, sanitizeValue, valueToText } from "./sanitize";

/** What a call's prompt is made of. */
export interface PromptSources {
  template?: PromptTemplate<any>;
  context?: Context;
  variables?: Record<string, unknown>;
  messages?: Message[];
  /** A plain prompt, for calls without a template. */
  prompt?: string;
}

/** The messages of a call and what sanitizing did. */
export interface BuiltPrompt {
  messages: Message[];
  sanitized: SanitizeReport[];
}

/**
 * Builds the messages of a call, in this order:
 * 1. `system_prompt` from the context, as the system message;
 * 2. the context's conversation history;
 * 3. the explicit `messages`;
 * 4. one user message: every other context entry as a `<context name="key">…</context>`
 *    block (untrusted ones fenced), then the rendered template (or `prompt`).
 * Context entries that fill template variables are not repeated as blocks.
 */
export function buildPrompt(
  sources: PromptSources,
  sanitize: SanitizeOptions = {},
): BuiltPrompt | Promise<BuiltPrompt> {
  const { template, context, variables } = sources;
  if (variables && template) {
    const known = new Set(template.variables);
    const unknown = Object.keys(variables).filter((name) => !known.has(name));
    if (unknown.length > 0) {
      throw new TemplateError(
        `Template "${template.name}" has no variable(s) ${unknown.map((name) => `"${name}"`).join(", ")}; it uses ${
          template.variables.map((name) => `"${name}"`).join(", ") || "none"
        }.`,
      );
    }
  }
  if (!template) {
    if (variables && Object.keys(variables).length > 0) {
      throw new TemplateError("variables were passed without a template; pass template as well.");
    }
    return assemble(sources, undefined, sanitize);
  }
  // Prototype-free: a context key or variable named "__proto__" stays a plain value.
  const values: Record<string, unknown> = Object.create(null);
  const untrusted = new Set<string>();
  if (context) {
    for (const entry of context.entries()) {
      values[entry.key] = entry.value;
      if (entry.untrusted) untrusted.add(entry.key);
    }
  }
  if (variables) Object.assign(values, variables);
  const rendered = template.renderWith(values, untrusted);
  return rendered instanceof Promise
    ? rendered.then((settled) => assemble(sources, settled, sanitize))
    : assemble(sources, rendered, sanitize);
}

function assemble(
  sources: PromptSources,
  rendered: RenderedTemplate | undefined,
  sanitize: SanitizeOptions,
): BuiltPrompt {
  const messages: Message[] = [];
  const sanitized: SanitizeReport[] = rendered ? [...rendered.sanitized] : [];
  const usedByTemplate = new Set(sources.template?.variables ?? []);
  let contextBlocks = "";
  if (sources.context) {
    const systemPrompt = sources.context.get(SYSTEM_PROMPT_KEY);
    if (systemPrompt !== undefined)
      messages.push({ role: "system", content: valueToText(systemPrompt, SYSTEM_PROMPT_KEY) });
    messages.push(...sources.context.history);
    for (const entry of sources.context.entries()) {
      if (entry.key === SYSTEM_PROMPT_KEY || usedByTemplate.has(entry.key)) continue;
      const clean = sanitizeValue(entry.key, valueToText(entry.value, entry.key), sanitize, entry.untrusted);
      if (clean.report) sanitized.push(clean.report);
      contextBlocks += contextBlock(entry.key, clean.text);
    }
  }
  if (sources.messages) messages.push(...sources.messages);
  const prompt = rendered?.text ?? sources.prompt;
  if (prompt !== undefined || contextBlocks) {
    messages.push({ role: "user", content: contextBlocks + (prompt ?? "") });
  }
  if (!messages.some((message) => message.role !== "system")) {
    throw new TemplateError(
      "The call has nothing to send: pass a template, a prompt, messages, or a context with entries.",
    );
  }
  return { messages, sanitized };
}
