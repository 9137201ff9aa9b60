import { describe, expect, it } from "vitest";
import { ToolCallAssembler } from "./tool-call-assembler";

describe("ToolCallAssembler", () => {
  it("turns streamed top-level pieces into JSON deltas that join to the arguments", () => {
    const assembler = new ToolCallAssembler("call-1", "book");
    const deltas = [
      assembler.add([{ jsonPath: "$.city", stringValue: "San ", willContinue: true }]),
      assembler.add([{ jsonPath: "$.city", stringValue: "Francisco" }]),
      assembler.add([{ jsonPath: "$.nights", numberValue: 3 }]),
      assembler.add([{ jsonPath: "$.breakfast", boolValue: true }]),
    ];
    const { delta, toolCall } = assembler.finish();
    const text = [...deltas, delta].map((part) => part?.argumentsDelta ?? "").join("");
    expect(text).toBe('{"city":"San Francisco","nights":3,"breakfast":true}');
    expect(JSON.parse(text)).toEqual(toolCall.input);
    expect(toolCall).toEqual({
      toolCallId: "call-1",
      toolName: "book",
      input: { city: "San Francisco", nights: 3, breakfast: true },
    });
  });

  it("escapes quotes and newlines inside streamed strings", () => {
    const assembler = new ToolCallAssembler("call-2", "say");
    const first = assembler.add([{ jsonPath: "$.text", stringValue: 'He said "hi"', willContinue: true }]);
    const second = assembler.add([{ jsonPath: "$.text", stringValue: "\nbye" }]);
    const { delta } = assembler.finish();
    expect(
      JSON.parse(`${first!.argumentsDelta}${second?.argumentsDelta ?? ""}${delta?.argumentsDelta ?? ""}`),
    ).toEqual({
      text: 'He said "hi"\nbye',
    });
  });

  it("sets nested paths and sends their JSON when the call closes", () => {
    const assembler = new ToolCallAssembler("call-3", "plan");
    expect(assembler.add([{ jsonPath: "$.trip.stops[0]", stringValue: "Oslo" }])).toBeUndefined();
    assembler.add([{ jsonPath: "$.trip.stops[1]", stringValue: "Bergen" }]);
    assembler.add([{ jsonPath: "$['trip']['mode']", stringValue: "train" }]);
    const { delta, toolCall } = assembler.finish();
    expect(toolCall.input).toEqual({ trip: { stops: ["Oslo", "Bergen"], mode: "train" } });
    expect(JSON.parse(delta!.argumentsDelta)).toEqual(toolCall.input);
  });

  it("gives a call that arrived whole one delta with all its arguments", () => {
    const { delta, toolCall } = ToolCallAssembler.whole("call-4", {
      name: "weather",
      args: { city: "Paris" },
    });
    expect(delta.argumentsDelta).toBe('{"city":"Paris"}');
    expect(toolCall).toEqual({ toolCallId: "call-4", toolName: "weather", input: { city: "Paris" } });
  });
});
