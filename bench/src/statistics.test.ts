import { describe, expect, it } from "vitest";
import { ownerOf } from "./cpu-profile-summary";
import { percentile, summarize } from "./statistics";

describe("summarize", () => {
  it("takes the nearest-rank median and p99 of unsorted samples", () => {
    const samples = Array.from({ length: 200 }, (_, index) => 200 - index);
    const summary = summarize(samples);
    expect(summary.median).toBe(100);
    expect(summary.p99).toBe(198);
    expect(summary.min).toBe(1);
    expect(summary.max).toBe(200);
    expect(samples[0]).toBe(200);
  });

  it("refuses an empty list instead of reporting a made-up figure", () => {
    expect(() => percentile([], 0.5)).toThrow(/no samples/);
  });
});

describe("ownerOf", () => {
  it("attributes profiled functions to workspace packages, npm packages and the runtime", () => {
    expect(ownerOf("file:///work/main/packages/core/dist/index.js", "generate")).toBe("@ffc/core");
    expect(
      ownerOf("file:///work/main/node_modules/.pnpm/openai@6.49.0/node_modules/openai/client.mjs", "x"),
    ).toBe("openai");
    expect(ownerOf("file:///r/node_modules/.pnpm/a/node_modules/@pydantic/genai-prices/dist/i.js", "f")).toBe(
      "@pydantic/genai-prices",
    );
    expect(ownerOf("node:internal/streams/readable", "read")).toBe("node (built-in modules)");
    expect(ownerOf("", "(garbage collector)")).toBe("(garbage collector)");
  });
});
