import { describe, expect, it } from "vitest";
import { heapDifference, summarizeSnapshot } from "./heap-summary";

// A heap snapshot in V8's format: nodes as flat rows of (type, name, self_size).
const snapshot = (rows: [type: number, name: number, size: number][]) => ({
  snapshot: {
    meta: {
      node_fields: ["type", "name", "self_size"],
      node_types: [["hidden", "object", "string", "closure"]] as [string[]],
    },
  },
  nodes: rows.flat(),
  strings: ["Map", "Take", "hello", "f", "g"],
});

describe("summarizeSnapshot", () => {
  it("sums own sizes by constructor, strings and closures by kind", () => {
    const groups = summarizeSnapshot(
      snapshot([
        [1, 0, 40],
        [1, 0, 40],
        [1, 1, 24],
        [2, 2, 20],
        [3, 3, 32],
        [3, 4, 32],
      ]),
    );
    expect(groups).toEqual([
      { name: "Map", count: 2, bytes: 80 },
      { name: "(closures)", count: 2, bytes: 64 },
      { name: "Take", count: 1, bytes: 24 },
      { name: "(string)", count: 1, bytes: 20 },
    ]);
  });
});

describe("heapDifference", () => {
  it("lists what a contender holds beyond its baseline, largest first", () => {
    const contender = [
      { name: "Map", count: 10, bytes: 400 },
      { name: "Take", count: 5, bytes: 120 },
    ];
    const baseline = [
      { name: "Map", count: 9, bytes: 360 },
      { name: "Socket", count: 1, bytes: 200 },
    ];
    expect(heapDifference(contender, baseline)).toEqual([
      { name: "Take", countOver: 5, bytesOver: 120, bytes: 120 },
      { name: "Map", countOver: 1, bytesOver: 40, bytes: 400 },
      { name: "Socket", countOver: -1, bytesOver: -200, bytes: 0 },
    ]);
  });
});
