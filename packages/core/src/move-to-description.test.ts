import { describe, expect, it } from "vitest";
import { moveToDescription } from "./move-to-description";

const keepTypeOnly = (keyword: string) => keyword === "type";

describe("moveToDescription", () => {
  it("moves refused keywords into a new description, in the node's order, as JSON values", () => {
    expect(moveToDescription({ type: "string", minLength: 1, pattern: "^a$" }, keepTypeOnly)).toEqual({
      type: "string",
      description: '{minLength: 1, pattern: "^a$"}',
    });
  });

  it("appends them after an existing description and a blank line", () => {
    const node = { type: "integer", description: "Age in years.", exclusiveMinimum: 0 };
    expect(moveToDescription(node, keepTypeOnly)).toEqual({
      type: "integer",
      description: "Age in years.\n\n{exclusiveMinimum: 0}",
    });
  });

  it("keeps a node with nothing to move as it is, and drops undefined placeholders", () => {
    expect(moveToDescription({ type: "string", description: "Name." }, keepTypeOnly)).toEqual({
      type: "string",
      description: "Name.",
    });
    expect(moveToDescription({ type: "string", format: undefined }, keepTypeOnly)).toEqual({
      type: "string",
    });
  });

  it("asks the vendor with each keyword's value", () => {
    const keep = (keyword: string, value: unknown) =>
      keyword === "type" || (keyword === "minItems" && value === 1);
    expect(moveToDescription({ type: "array", minItems: 1 }, keep)).toEqual({ type: "array", minItems: 1 });
    expect(moveToDescription({ type: "array", minItems: 2 }, keep)).toEqual({
      type: "array",
      description: "{minItems: 2}",
    });
  });
});
