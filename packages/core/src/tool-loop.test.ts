import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BudgetExceededError, ConfigError, OutputValidationError, TimeoutError } from "./errors/index";
import type { LLMEvent } from "./events";
import { jsonSchema } from "./json-schema";
import { LLMManager } from "./llm-manager";
import type { Plugin } from "./policy";
import type { ToolCall } from "./result";
import { sleep } from "./sleep";
import { type ScriptedStep, scriptedProvider } from "./test-support/scripted-provider";
import { tool } from "./tool";

const Weather = z.object({ city: z.string(), tempC: z.number() });

const weatherTool = (calls: string[] = []) =>
  tool({
    name: "getWeather",
    description: "Current weather",
    inputSchema: z.object({ city: z.string() }),
    execute: async ({ city }) => {
      calls.push(city);
      return { city, tempC: 21 };
    },
  });

const callOf = (id: string, input: unknown, toolName = "getWeather"): ToolCall => ({
  toolCallId: id,
  toolName,
  input,
});

function manager(steps: ScriptedStep[], plugins: Plugin[] = []) {
  const provider = scriptedProvider(steps);
  const llm = new LLMManager({ provider, model: "m" }, { plugins });
  const events: LLMEvent[] = [];
  llm.on("*", (event) => events.push(event));
  return { llm, provider, events };
}

describe("structured output", () => {
  it("validates the answer against the schema and returns it as object", async () => {
    const { llm } = manager([{ text: '{"city":"Paris","tempC":21}' }]);
    const result = await llm.generate({
      prompt: "Weather",
      responseFormat: { type: "json", schema: Weather },
    });
    expect(result.object).toEqual({ city: "Paris", tempC: 21 });
    expect(result.object.tempC).toBe(21);
    expect(result.steps).toHaveLength(1);
  });

  it("throws OutputValidationError with the schema's issues and the raw text", async () => {
    const { llm, provider } = manager([{ text: '{"city":"Paris","tempC":"warm"}' }]);
    const error = await llm
      .generate({ prompt: "Weather", responseFormat: { type: "json", schema: Weather } })
      .catch((caught) => caught);
    expect(OutputValidationError.isInstance(error)).toBe(true);
    expect(error.text).toBe('{"city":"Paris","tempC":"warm"}');
    expect(error.issues[0].path).toEqual(["tempC"]);
    expect(error.message).toContain("tempC");
    expect(error.message).toContain("repair");
    expect(provider.requests).toHaveLength(1);
  });

  it("reports an answer that is not JSON as an issue", async () => {
    const { llm } = manager([{ text: "It is sunny." }]);
    const error = await llm
      .generate({ prompt: "Weather", responseFormat: { type: "json", schema: Weather } })
      .catch((caught) => caught);
    expect(OutputValidationError.isInstance(error)).toBe(true);
    expect(error.issues[0].message).toMatch(/not valid JSON/);
  });

  it("repairs: sends the issues back and returns the corrected answer, every attempt recorded", async () => {
    const { llm, provider, events } = manager([
      { text: '{"city":"Paris"}', inputTokens: 10, outputTokens: 4 },
      { text: '{"city":"Paris","tempC":19}', inputTokens: 30, outputTokens: 6 },
    ]);
    const result = await llm.generate({
      prompt: "Weather",
      responseFormat: { type: "json", schema: Weather, repair: { maxAttempts: 2 } },
    });
    expect(result.object).toEqual({ city: "Paris", tempC: 19 });
    expect(result.attempts).toHaveLength(2);
    expect(result.steps!.map((step) => step.text)).toEqual([
      '{"city":"Paris"}',
      '{"city":"Paris","tempC":19}',
    ]);
    expect(result.usage).toEqual({ inputTokens: 40, outputTokens: 10, totalTokens: 50 });
    const second = provider.requests[1]!.messages;
    expect(second.at(-2)).toEqual({ role: "assistant", content: '{"city":"Paris"}' });
    expect(second.at(-1)!.role).toBe("user");
    expect(second.at(-1)!.content).toContain("tempC");
    expect(
      events.filter((event) => event.type === "step-start").map((event) => (event as any).reason),
    ).toEqual(["first", "repair"]);
  });

  it("gives up after repair.maxAttempts", async () => {
    const { llm, provider } = manager([{ text: "{}" }]);
    const error = await llm
      .generate({
        prompt: "W",
        responseFormat: { type: "json", schema: Weather, repair: { maxAttempts: 2 } },
      })
      .catch((caught) => caught);
    expect(OutputValidationError.isInstance(error)).toBe(true);
    expect(error.message).toContain("after 2 repair attempt(s)");
    expect(provider.requests).toHaveLength(3);
  });

  it("accepts a fenced answer and a hand-typed JSON Schema with its own validate", async () => {
    const typed = jsonSchema<{ n: number }>(
      { type: "object", properties: { n: { type: "number" } }, required: ["n"] },
      {
        validate: (value) =>
          typeof (value as any)?.n === "number"
            ? { value: value as { n: number } }
            : { issues: [{ message: "n must be a number", path: ["n"] }] },
      },
    );
    const { llm, provider } = manager([{ text: '```json\n{"n": 3}\n```' }]);
    const result = await llm.generate({ prompt: "n", responseFormat: { type: "json", schema: typed } });
    expect(result.object.n).toBe(3);
    expect(provider.requests[0]!.responseFormat).toEqual({
      type: "json",
      schema: { type: "object", properties: { n: { type: "number" } }, required: ["n"] },
    });
  });

  it("keeps JSON without a schema as a parse only, as before", async () => {
    const { llm } = manager([{ text: "not json" }]);
    const result = await llm.generate({ prompt: "x", responseFormat: { type: "json" } });
    expect(result.object).toBeUndefined();
    expect(result.steps).toBeUndefined();
  });
});

describe("the tool loop", () => {
  it("runs the tool, sends its result back, and returns the final answer with one step per model call", async () => {
    const cities: string[] = [];
    const { llm, provider, events } = manager([
      { text: "", toolCalls: [callOf("call_1", { city: "Paris" })], inputTokens: 20, outputTokens: 5 },
      { text: "Wear a light jacket.", inputTokens: 40, outputTokens: 7 },
    ]);
    const result = await llm.generate({ prompt: "What to wear?", tools: [weatherTool(cities)], maxSteps: 5 });
    expect(result.text).toBe("Wear a light jacket.");
    expect(cities).toEqual(["Paris"]);
    expect(result.steps).toHaveLength(2);
    expect(result.steps![0]!.toolResults).toEqual([
      {
        type: "tool-result",
        toolCallId: "call_1",
        toolName: "getWeather",
        output: { city: "Paris", tempC: 21 },
      },
    ]);
    expect(result.usage).toEqual({ inputTokens: 60, outputTokens: 12, totalTokens: 72 });
    expect(result.attempts).toHaveLength(2);
    expect(provider.requests[0]!.tools![0]!.inputSchema).toMatchObject({ type: "object" });
    expect((provider.requests[0]!.tools![0] as any).execute).toBeUndefined();
    const second = provider.requests[1]!.messages;
    expect(second.at(-2)).toEqual({
      role: "assistant",
      content: [
        { type: "tool-call", toolCallId: "call_1", toolName: "getWeather", input: { city: "Paris" } },
      ],
    });
    expect(second.at(-1)).toEqual({ role: "tool", content: result.steps![0]!.toolResults });
    expect(events.map((event) => event.type)).toEqual([
      "call-start",
      "step-start",
      "attempt-start",
      "attempt-end",
      "tool-call-start",
      "tool-call-end",
      "step-end",
      "step-start",
      "attempt-start",
      "attempt-end",
      "step-end",
      "call-end",
    ]);
  });

  it("sends invalid arguments, unknown tools and thrown errors back as tool errors, never crashing", async () => {
    const failing = tool({
      name: "explode",
      inputSchema: z.object({}),
      execute: () => {
        throw new Error("disk full");
      },
    });
    const cities: string[] = [];
    const { llm } = manager([
      {
        text: "",
        toolCalls: [callOf("a", { town: "Paris" }), callOf("b", {}, "explode"), callOf("c", {}, "nope")],
      },
      { text: "Sorry." },
    ]);
    const result = await llm.generate({ prompt: "x", tools: [weatherTool(cities), failing] });
    expect(cities).toEqual([]);
    const [invalid, thrown, unknown] = result.steps![0]!.toolResults;
    expect(invalid).toMatchObject({ toolCallId: "a", isError: true });
    expect(invalid!.output).toMatch(/Invalid arguments for tool "getWeather":\n- city:/);
    expect(thrown).toMatchObject({
      toolCallId: "b",
      isError: true,
      output: 'Tool "explode" failed: disk full',
    });
    expect(unknown).toMatchObject({ toolCallId: "c", isError: true });
    expect(unknown!.output).toContain('Unknown tool "nope"');
    expect(result.text).toBe("Sorry.");
  });

  it("runs one step's calls concurrently, at most toolConcurrency at once, results in call order", async () => {
    let running = 0;
    let most = 0;
    const slow = tool({
      name: "slow",
      inputSchema: z.object({ n: z.number() }),
      execute: async ({ n }) => {
        running += 1;
        most = Math.max(most, running);
        await sleep(15 - n * 2);
        running -= 1;
        return n;
      },
    });
    const { llm } = manager([
      { text: "", toolCalls: [0, 1, 2, 3, 4].map((n) => callOf(`c${n}`, { n }, "slow")) },
      { text: "done" },
    ]);
    const result = await llm.generate({ prompt: "x", tools: [slow], toolConcurrency: 2 });
    expect(most).toBe(2);
    expect(result.steps![0]!.toolResults.map((item) => item.output)).toEqual([0, 1, 2, 3, 4]);
  });

  it("stops at maxSteps, running the last step's tools and returning its tool calls", async () => {
    const cities: string[] = [];
    const { llm, provider } = manager([{ text: "", toolCalls: [callOf("x", { city: "Oslo" })] }]);
    const result = await llm.generate({ prompt: "x", tools: [weatherTool(cities)], maxSteps: 3 });
    expect(provider.requests).toHaveLength(3);
    expect(cities).toHaveLength(3);
    expect(result.finishReason).toBe("tool-calls");
    expect(result.toolCalls).toHaveLength(1);
  });

  it("hands calls of a tool without execute back to the caller, as before", async () => {
    const { llm, provider } = manager([
      { text: "", toolCalls: [callOf("p", { city: "Rome" }), callOf("q", { to: "me" }, "sendEmail")] },
    ]);
    const sendEmail = { name: "sendEmail", inputSchema: { type: "object" } };
    const cities: string[] = [];
    const result = await llm.generate({ prompt: "x", tools: [weatherTool(cities), sendEmail] });
    expect(provider.requests).toHaveLength(1);
    expect(cities).toEqual(["Rome"]);
    expect(result.toolCalls.map((call) => call.toolName)).toEqual(["getWeather", "sendEmail"]);
    expect(result.steps![0]!.toolResults.map((item) => item.toolCallId)).toEqual(["p"]);
  });

  it("ends the whole loop at deadlineMs, even inside a slow tool", async () => {
    const stuck = tool({
      name: "stuck",
      inputSchema: z.object({}),
      execute: () => new Promise(() => {}),
    });
    const { llm, events } = manager([{ text: "", toolCalls: [callOf("s", {}, "stuck")] }]);
    const started = Date.now();
    const error = await llm
      .generate({ prompt: "x", tools: [stuck], deadlineMs: 60 })
      .catch((caught) => caught);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(events.at(-1)!.type).toBe("call-error");
  });

  it("gives the budget refusal of a later step the steps done and their usage", async () => {
    let calls = 0;
    const refuseSecond: Plugin = {
      name: "refuse-second",
      stage: "admission",
      async generate(call, next) {
        calls += 1;
        if (calls === 2) {
          throw new BudgetExceededError("no more", {
            unit: "tokens",
            limit: 1,
            spent: 1,
            reserved: 0,
            requested: 1,
            scope: "global",
          });
        }
        return next(call);
      },
    };
    const { llm } = manager(
      [{ text: "", toolCalls: [callOf("x", { city: "Oslo" })], inputTokens: 8 }],
      [refuseSecond],
    );
    const error = await llm.generate({ prompt: "x", tools: [weatherTool()] }).catch((caught) => caught);
    expect(BudgetExceededError.isInstance(error)).toBe(true);
    expect(error.steps).toHaveLength(1);
    expect(error.steps[0].toolResults).toHaveLength(1);
    expect(error.usage).toEqual({ inputTokens: 8, outputTokens: 5, totalTokens: 13 });
    expect(error.toJSON()).toMatchObject({ steps: 1, usage: { totalTokens: 13 } });
  });

  it("prices each step with the cost plugins, and the call as a whole", async () => {
    const pricing: Plugin = {
      name: "pricing",
      finalizeResult(result) {
        result.costUsd =
          result.attempts.reduce((sum, attempt) => sum + (attempt.usage?.totalTokens ?? 0), 0) / 1000;
      },
    };
    const { llm } = manager(
      [
        { text: "", toolCalls: [callOf("x", { city: "Oslo" })], inputTokens: 10, outputTokens: 0 },
        { text: "ok", inputTokens: 20, outputTokens: 0 },
      ],
      [pricing],
    );
    const result = await llm.generate({ prompt: "x", tools: [weatherTool()] });
    expect(result.steps!.map((step) => step.costUsd)).toEqual([0.01, 0.02]);
    expect(result.costUsd).toBeCloseTo(0.03);
  });

  it("checks the loop's options before anything is sent", async () => {
    const { llm, provider } = manager([{ text: "x" }]);
    await expect(llm.generate({ prompt: "x", tools: [weatherTool()], maxSteps: 0 })).rejects.toThrow(
      /"maxSteps" must be a whole number at least 1/,
    );
    await expect(llm.generate({ prompt: "x", tools: [weatherTool(), weatherTool()] })).rejects.toThrow(
      /two tools are named "getWeather"/,
    );
    await expect(
      llm.generate({
        prompt: "x",
        responseFormat: { type: "json", schema: Weather, repair: { maxAttempts: -1 } },
      }),
    ).rejects.toThrow(ConfigError);
    expect(provider.requests).toHaveLength(0);
  });
});

describe("tool()", () => {
  it("refuses a bad definition at construction, naming the field", () => {
    expect(() => tool({ name: "get weather", inputSchema: z.object({}) })).toThrow(/"name" must be 1 to 64/);
    expect(() => tool({ name: "t", inputSchema: null as any })).toThrow(/"inputSchema" must be/);
    expect(() => tool({ name: "t", inputSchema: z.object({}), execute: "run" as any })).toThrow(
      /"execute" must be a function/,
    );
  });
});

describe("streams", () => {
  it("offers partial objects as the JSON arrives, then the validated object", async () => {
    const { llm } = manager([{ text: '{"city": "Paris", "tempC": 21, "note": "mild day"}' }]);
    const response = llm.stream({
      prompt: "Weather",
      responseFormat: { type: "json", schema: Weather.extend({ note: z.string() }) },
    });
    const seen: unknown[] = [];
    for await (const partial of response.partialObjects) seen.push(partial);
    const result = await response.result;
    expect(seen[0]).toEqual({});
    expect(seen).toContainEqual({ city: "Paris" });
    expect(seen).toContainEqual({ city: "Paris", tempC: 21 });
    expect(seen).toContainEqual({ city: "Paris", tempC: 21, note: "mild" });
    expect(seen.at(-1)).toEqual({ city: "Paris", tempC: 21, note: "mild day" });
    expect(result.object.note).toBe("mild day");
  });

  it("streams each step of a tool loop: the parts, the tool results and the step ends", async () => {
    const { llm } = manager([
      { text: "", toolCalls: [callOf("call_1", { city: "Paris" })] },
      { text: "Wear a jacket." },
    ]);
    const types: string[] = [];
    const response = llm.stream({ prompt: "x", tools: [weatherTool()] });
    for await (const part of response) types.push(part.type);
    const result = await response.result;
    expect(types.filter((type) => type !== "text-delta")).toEqual([
      "tool-call",
      "finish",
      "tool-result",
      "step-finish",
      "finish",
      "step-finish",
    ]);
    expect(result.text).toBe("Wear a jacket.");
    expect(result.steps).toHaveLength(2);
  });

  it("rejects the result of a stream whose answer fails the schema", async () => {
    const { llm } = manager([{ text: '{"city": 3}' }]);
    const response = llm.stream({ prompt: "x", responseFormat: { type: "json", schema: Weather } });
    await expect(response.result).rejects.toSatisfy(OutputValidationError.isInstance);
  });
});

describe("loop properties", () => {
  it("always ends within maxSteps model calls, and usage is the sum of the steps", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ calls: fc.nat(3), input: fc.nat(50), output: fc.nat(50) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 1, max: 6 }),
        async (script, maxSteps) => {
          const steps: ScriptedStep[] = script.map((step, index) => ({
            text: step.calls === 0 ? "final" : "",
            toolCalls: Array.from({ length: step.calls }, (_, n) => callOf(`c${index}_${n}`, { city: "X" })),
            inputTokens: step.input,
            outputTokens: step.output,
          }));
          const { llm, provider } = manager(steps);
          const result = await llm.generate({ prompt: "x", tools: [weatherTool()], maxSteps });
          expect(provider.requests.length).toBeLessThanOrEqual(maxSteps);
          expect(result.steps).toHaveLength(provider.requests.length);
          const input = result.steps!.reduce((sum, step) => sum + step.usage.inputTokens, 0);
          const output = result.steps!.reduce((sum, step) => sum + step.usage.outputTokens, 0);
          expect(result.usage).toEqual({
            inputTokens: input,
            outputTokens: output,
            totalTokens: input + output,
          });
          const last = result.steps!.at(-1)!;
          if (last.toolCalls.length === 0) expect(result.text).toBe("final");
          else expect(provider.requests.length).toBe(maxSteps);
        },
      ),
      { numRuns: 60 },
    );
  });
});
