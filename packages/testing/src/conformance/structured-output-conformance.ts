import {
  BudgetExceededError,
  jsonSchema,
  type LanguageProvider,
  LLMManager,
  OutputValidationError,
  type Plugin,
  tool,
} from "@ffc/core";
import type { RecordedRequest } from "../fake-server/reply";
import type { ConformanceCheck } from "./conformance-check";
import { expectEqual, failure } from "./expectations";
import { conformanceApiKey } from "./provider-conformance";
import type { ConformanceTarget, ScriptedUsage } from "./wire-adapter";

/** A token budget for the budget check, shaped like @ffc/budget's BudgetManager. */
export interface ConformanceBudget extends Plugin {
  /** Spent and reserved tokens, and reservations still held, of the global scope. */
  status(): Promise<{ tokens?: { spent: number; reserved: number }; reservations: number }>;
}

/** What the structured-output and tool-loop checks need beyond the conformance target. */
export interface StructuredOutputTarget extends ConformanceTarget {
  /** A token budget of `maxTokens`: `(maxDailyTokens) => new BudgetManager({ maxDailyTokens })`. */
  budget(maxTokens: number): ConformanceBudget;
}

interface Weather {
  city: string;
  tempC: number;
}

/** A hand-typed schema with its own check, so this suite needs no validation library. */
const weatherSchema = jsonSchema<Weather>(
  {
    type: "object",
    properties: { city: { type: "string" }, tempC: { type: "number" } },
    required: ["city", "tempC"],
    additionalProperties: false,
  },
  {
    validate(value) {
      const issues: Array<{ message: string; path: string[] }> = [];
      const object = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
      if (typeof object.city !== "string") issues.push({ message: "expected a string", path: ["city"] });
      if (typeof object.tempC !== "number") issues.push({ message: "expected a number", path: ["tempC"] });
      return issues.length > 0 ? { issues } : { value: object as unknown as Weather };
    },
  },
);

/** Model calls, not the token counting a budget does before each step. */
const isModelCall = (request: RecordedRequest) => !/count_?tokens/i.test(request.path);

/**
 * Structured output and the tool loop, end to end through LLMManager, the provider's real SDK
 * and real HTTP against the fake vendor server: a valid object, an invalid one (error, then
 * repaired), a two-step tool loop whose second request carries the tool result, a loop stopped
 * by the budget with nothing overspent, and streamed partial objects.
 */
export function structuredOutputChecks(target: StructuredOutputTarget): ConformanceCheck[] {
  const { adapter, server, model } = target;
  const usage: ScriptedUsage = { inputTokens: 60, outputTokens: 20 };
  const provider = (): LanguageProvider =>
    target.createProvider({ baseURL: server.url, apiKey: conformanceApiKey });
  const manager = (plugins: Plugin[] = []) =>
    new LLMManager({ provider: provider(), model, maxTokens: 100 }, { plugins });
  const modelRequests = () => server.requests.filter(isModelCall);
  /** The model's reply that asks for Paris's weather. */
  const parisWeatherCall = (callUsage: ScriptedUsage) =>
    adapter.toolCall({
      toolCallId: "call_1",
      toolName: "getWeather",
      input: { city: "Paris" },
      usage: callUsage,
      model,
    });
  const cities: string[] = [];
  const getWeather = tool({
    name: "getWeather",
    description: "Current weather in a city.",
    inputSchema: jsonSchema<{ city: string }>({
      type: "object",
      properties: { city: { type: "string" } },
      required: ["city"],
    }),
    execute: async ({ city }) => {
      cities.push(city);
      return { city, tempC: 21 };
    },
  });
  const check = (name: string, run: () => Promise<void>): ConformanceCheck => ({
    name,
    run: async () => {
      server.reset();
      cities.length = 0;
      await run();
    },
  });

  return [
    check("returns a valid object, validated against the schema sent to the vendor", async () => {
      server.enqueueWhen(isModelCall, adapter.text({ text: '{"city":"Paris","tempC":21}', usage, model }));
      const result = await manager().generate({
        prompt: "Weather in Paris as JSON",
        responseFormat: { type: "json", schema: weatherSchema },
      });
      expectEqual(result.object, { city: "Paris", tempC: 21 }, "object");
      const sent = JSON.stringify(modelRequests()[0]!.body);
      if (!sent.includes('"tempC"')) throw new Error(`the request did not carry the schema: ${sent}`);
    }),
    check("throws OutputValidationError for an invalid object, and repairs it when asked", async () => {
      const invalid = '{"city":"Paris","tempC":"warm"}';
      server.enqueueWhen(isModelCall, adapter.text({ text: invalid, usage, model }));
      const error = await failure(() =>
        manager().generate({
          prompt: "Weather as JSON",
          responseFormat: { type: "json", schema: weatherSchema },
        }),
      );
      if (!OutputValidationError.isInstance(error))
        throw new Error(`expected OutputValidationError, got ${error}`);
      expectEqual(error.text, invalid, "error.text");
      expectEqual(error.issues[0]?.path, ["tempC"], "error.issues[0].path");

      server.reset();
      server.enqueueWhen(
        isModelCall,
        adapter.text({ text: invalid, usage, model }),
        adapter.text({ text: '{"city":"Paris","tempC":19}', usage, model }),
      );
      const result = await manager().generate({
        prompt: "Weather as JSON",
        responseFormat: { type: "json", schema: weatherSchema, repair: { maxAttempts: 1 } },
      });
      expectEqual(result.object, { city: "Paris", tempC: 19 }, "repaired object");
      expectEqual(result.attempts.length, 2, "attempts");
      expectEqual(result.usage.inputTokens, 120, "usage.inputTokens summed over both calls");
      const repairText = adapter.readPrompt(modelRequests()[1]!.body).user.join("\n");
      if (!repairText.includes("tempC"))
        throw new Error(`the repair request did not name the issue: ${repairText}`);
    }),
    check("runs a two-step tool loop whose second request carries the tool result", async () => {
      server.enqueueWhen(
        isModelCall,
        parisWeatherCall(usage),
        adapter.text({ text: "Wear a light jacket.", usage, model }),
      );
      const result = await manager().generate({
        prompt: "What should I wear in Paris today?",
        tools: [getWeather],
        maxSteps: 5,
      });
      expectEqual(result.text, "Wear a light jacket.", "final text");
      expectEqual(cities, ["Paris"], "tool executions");
      expectEqual(result.steps?.length, 2, "steps");
      expectEqual(result.usage.totalTokens, 160, "usage summed over the steps");
      const sent = adapter.readToolResults!(modelRequests()[1]!.body);
      expectEqual(sent.length, 1, "tool results sent");
      expectEqual(sent[0]!.output, { city: "Paris", tempC: 21 }, "tool result output");
      if (sent[0]!.toolCallId !== undefined) expectEqual(sent[0]!.toolCallId, "call_1", "tool result id");
      else expectEqual(sent[0]!.toolName, "getWeather", "tool result name");
    }),
    check("stops the loop when the budget refuses the next step, with nothing overspent", async () => {
      // Each step reserves its input plus maxTokens (100); the first fits in 220, the second does not.
      const limit = 220;
      const budget = target.budget(limit);
      server.enqueueWhen(
        isModelCall,
        parisWeatherCall({ inputTokens: 100, outputTokens: 20 }),
        adapter.text({ text: "never sent", usage, model }),
      );
      const error = await failure(() =>
        manager([budget]).generate({ prompt: "What should I wear?", tools: [getWeather] }),
      );
      if (!BudgetExceededError.isInstance(error))
        throw new Error(`expected BudgetExceededError, got ${error}`);
      expectEqual(error.steps?.length, 1, "steps done before the refusal");
      expectEqual(error.usage?.totalTokens, 120, "usage of the steps done");
      expectEqual(modelRequests().length, 1, "model calls made");
      const status = await budget.status();
      const spent = status.tokens?.spent ?? Number.NaN;
      if (!(spent <= limit)) throw new Error(`overspent: ${spent} of ${limit}`);
      expectEqual(spent, 120, "spent");
      expectEqual(status.tokens?.reserved, 0, "tokens still reserved");
      expectEqual(status.reservations, 0, "reservations still held");
    }),
    check("streams partial objects as the JSON arrives, then the validated object", async () => {
      server.enqueueWhen(
        isModelCall,
        adapter.textStream({ chunks: ['{"city": "Pa', 'ris", "tem', 'pC": 21', "}"], usage, model }),
      );
      const response = manager().stream({
        prompt: "Weather as JSON",
        responseFormat: { type: "json", schema: weatherSchema },
      });
      const seen: unknown[] = [];
      for await (const partial of response.partialObjects) seen.push(partial);
      const result = await response.result;
      expectEqual(seen, [{ city: "Pa" }, { city: "Paris" }, { city: "Paris", tempC: 21 }], "partial objects");
      expectEqual(result.object, { city: "Paris", tempC: 21 }, "object");
    }),
    check("streams each step of a tool loop", async () => {
      server.enqueueWhen(
        isModelCall,
        adapter.toolCallStream({
          toolCallId: "call_1",
          toolName: "getWeather",
          input: { city: "Oslo" },
          usage,
          model,
        }),
        adapter.textStream({ chunks: ["Bring ", "a coat."], usage, model }),
      );
      const response = manager().stream({ prompt: "What to wear in Oslo?", tools: [getWeather] });
      const kinds: string[] = [];
      for await (const part of response)
        if (part.type === "tool-result" || part.type === "step-finish") kinds.push(part.type);
      const result = await response.result;
      expectEqual(kinds, ["tool-result", "step-finish", "step-finish"], "loop parts");
      expectEqual(result.text, "Bring a coat.", "final text");
      expectEqual(cities, ["Oslo"], "tool executions");
    }),
  ];
}
