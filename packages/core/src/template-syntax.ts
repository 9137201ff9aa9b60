import { TemplateError } from "./errors/template-error";

/** Removes `{{` and `}}` escapes so that only real placeholders remain (type level). */
type StripEscapes<S extends string> = S extends `${infer Head}{{${infer Tail}`
  ? StripEscapes<`${Head}${Tail}`>
  : S extends `${infer Head}}}${infer Tail}`
    ? StripEscapes<`${Head}${Tail}`>
    : S;

type PlaceholderNames<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholderNames<Rest>
  : never;

/** The variable names of a template string, e.g. `"Hi {name}"` gives `"name"`. */
export type TemplateVariables<Content extends string> = string extends Content
  ? string
  : PlaceholderNames<StripEscapes<Content>>;

/** The values a template needs: every variable, exactly, when the content is a literal. */
export type TemplateValues<Content extends string> = string extends Content
  ? Record<string, unknown>
  : { [Name in TemplateVariables<Content>]: unknown };

/** A parsed template: literal text and placeholders in order. */
export type TemplateSegment = { literal: string } | { variable: string };

const variableName = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Parses `{name}` placeholders with `{{` and `}}` as literal braces. It only splits text:
 * nothing in a template or a value is ever evaluated.
 */
export function parseTemplate(content: string, templateName: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let literal = "";
  let index = 0;
  while (index < content.length) {
    const character = content[index]!;
    const following = content[index + 1];
    if (character === "{" && following === "{") {
      literal += "{";
      index += 2;
    } else if (character === "}" && following === "}") {
      literal += "}";
      index += 2;
    } else if (character === "{") {
      const end = content.indexOf("}", index + 1);
      const name = end === -1 ? "" : content.slice(index + 1, end);
      if (end === -1 || !variableName.test(name)) {
        throw new TemplateError(
          `Template "${templateName}" has a "{" at position ${index} that does not open a valid placeholder like {name}. Write "{{" for a literal brace.`,
        );
      }
      if (literal) segments.push({ literal });
      literal = "";
      segments.push({ variable: name });
      index = end + 1;
    } else if (character === "}") {
      throw new TemplateError(
        `Template "${templateName}" has an unmatched "}" at position ${index}. Write "}}" for a literal brace.`,
      );
    } else {
      literal += character;
      index += 1;
    }
  }
  if (literal) segments.push({ literal });
  return segments;
}
