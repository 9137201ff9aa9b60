import { describe, expectTypeOf, it } from "vitest";
import { PromptTemplate } from "./prompt-template";
import type { TemplateVariables } from "./template-syntax";

describe("template variable inference", () => {
  it("infers variable names from the content", () => {
    expectTypeOf<TemplateVariables<"Break down {task} for {user}">>().toEqualTypeOf<"task" | "user">();
    expectTypeOf<TemplateVariables<"No variables here">>().toEqualTypeOf<never>();
  });

  it("ignores escaped braces", () => {
    expectTypeOf<TemplateVariables<'Answer as {{"a": {value}}}'>>().toEqualTypeOf<"value">();
    expectTypeOf<TemplateVariables<"{{literal}}">>().toEqualTypeOf<never>();
  });

  it("falls back to string for non-literal content", () => {
    expectTypeOf<TemplateVariables<string>>().toEqualTypeOf<string>();
  });

  it("makes a missing variable a compile error", () => {
    const template = new PromptTemplate({ name: "t", content: "Analyze {code} in {language}" });
    template.render({ code: "x", language: "ts" });
    // @ts-expect-error language is missing
    template.render({ code: "x" });
    // @ts-expect-error unknown variable
    template.render({ code: "x", language: "ts", extra: 1 });
  });

  it("checks the variables list against the content", () => {
    new PromptTemplate({ name: "t", content: "Hi {name}", variables: ["name"] });
    // @ts-expect-error "age" is not in the content
    new PromptTemplate({ name: "t", content: "Hi {name}", variables: ["age"] });
  });
});
