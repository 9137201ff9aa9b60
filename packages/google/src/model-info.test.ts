import { describe, expect, it } from "vitest";
import { googleModelInfo } from "./model-info";

describe("googleModelInfo", () => {
  it("reads context window and output limit from the models.dev catalog", () => {
    expect(googleModelInfo("gemini-2.5-flash")).toEqual({
      contextWindow: 1_048_576,
      maxOutputTokens: 65_536,
    });
  });

  it('accepts "models/" names and pinned versions', () => {
    expect(googleModelInfo("models/gemini-2.5-pro")).toEqual(googleModelInfo("gemini-2.5-pro"));
    expect(googleModelInfo("gemini-1.5-pro-002")).toEqual(googleModelInfo("gemini-1.5-pro"));
  });

  it("returns undefined for a model the catalog does not know", () => {
    expect(googleModelInfo("gemini-made-up")).toBeUndefined();
  });
});
