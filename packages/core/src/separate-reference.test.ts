import { describe, expect, it } from "vitest";
import { separateReference } from "./separate-reference";

describe("separateReference", () => {
  it("moves a $ref with a sibling description into anyOf, keeping the description", () => {
    expect(separateReference({ $ref: "#/$defs/Address", description: "Home." })).toEqual({
      anyOf: [{ $ref: "#/$defs/Address" }],
      description: "Home.",
    });
  });

  it("keeps a bare $ref, and one beside definitions only", () => {
    expect(separateReference({ $ref: "#/$defs/A" })).toEqual({ $ref: "#/$defs/A" });
    const root = { $ref: "#/$defs/A", $defs: { A: { type: "string" } } };
    expect(separateReference(root)).toBe(root);
  });

  it("intersects a $ref with an anyOf beside it", () => {
    expect(separateReference({ $ref: "#/$defs/A", anyOf: [{ type: "string" }] })).toEqual({
      anyOf: [{ type: "string" }],
      allOf: [{ $ref: "#/$defs/A" }],
    });
  });
});
