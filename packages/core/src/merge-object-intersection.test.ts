import { describe, expect, it } from "vitest";
import { mergeObjectIntersection } from "./merge-object-intersection";

const named = { type: "object", properties: { name: { type: "string" } }, required: ["name"] };
const aged = {
  type: "object",
  properties: { age: { type: "integer" } },
  required: ["age"],
  description: "Age.",
};

describe("mergeObjectIntersection", () => {
  it("merges an intersection of plain objects into one object", () => {
    expect(mergeObjectIntersection({ allOf: [named, aged] })).toEqual({
      type: "object",
      properties: { name: { type: "string" }, age: { type: "integer" } },
      required: ["name", "age"],
      description: "Age.",
    });
  });

  it("merges the node's own properties too and keeps its own description", () => {
    const node = {
      type: "object",
      description: "Both.",
      properties: { id: { type: "string" } },
      allOf: [named],
    };
    expect(mergeObjectIntersection(node)).toEqual({
      type: "object",
      description: "Both.",
      properties: { id: { type: "string" }, name: { type: "string" } },
      required: ["name"],
    });
  });

  it("leaves intersections it cannot merge exactly as they are", () => {
    const conflicting = { allOf: [named, { type: "object", properties: { name: { type: "integer" } } }] };
    const closed = { allOf: [named, { ...aged, additionalProperties: false }] };
    const scalar = { allOf: [{ type: "string" }, { minLength: 1 }] };
    const nested = { allOf: [named, { allOf: [aged] }] };
    for (const node of [conflicting, closed, scalar, nested, { type: "object" }]) {
      expect(mergeObjectIntersection(node)).toBe(node);
    }
  });
});
