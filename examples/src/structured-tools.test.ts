import { openaiWireAdapter } from "@ffc/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeVendors, startFakeVendors } from "./fake-vendors";
import { runStructuredTools } from "./structured-tools";
import { scriptStructuredTools } from "./structured-tools-script";

let vendors: FakeVendors;
beforeAll(async () => {
  vendors = await startFakeVendors();
});
afterAll(() => vendors.close());

describe("the structured output and tools example", () => {
  it("repairs the object, runs the tool in the loop and prices each step", async () => {
    vendors.openai.reset();
    scriptStructuredTools(vendors.openai);
    const outcome = await runStructuredTools(() => {});
    expect(outcome.weather).toEqual({ city: "Paris", tempC: 19 });
    expect(outcome.toolRuns).toEqual(["Paris"]);
    expect(outcome.steps).toHaveLength(2);
    expect(outcome.steps.every((step) => (step.costUsd ?? 0) > 0)).toBe(true);
    expect(outcome.advice).toContain("light jacket");
    const toolResults = openaiWireAdapter.readToolResults!(vendors.openai.requests.at(-1)!.body);
    expect(toolResults).toEqual([{ toolCallId: "call_weather", output: { city: "Paris", tempC: 21 } }]);
  });
});
