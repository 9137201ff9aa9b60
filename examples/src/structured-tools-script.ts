import { type FakeServer, openaiWireAdapter } from "@ffc/testing";

/**
 * The fake OpenAI answers of the structured-tools example: an object missing a field (which FFC
 * sends back for repair), the repaired object, a tool call, and the final answer.
 */
export function scriptStructuredTools(server: FakeServer): void {
  const model = "gpt-4o-2024-08-06";
  const usage = { inputTokens: 80, outputTokens: 20 };
  server.enqueue(
    openaiWireAdapter.text({ text: '{"city":"Paris"}', usage, model }),
    openaiWireAdapter.text({ text: '{"city":"Paris","tempC":19}', usage, model }),
    openaiWireAdapter.toolCall({
      toolCallId: "call_weather",
      toolName: "getWeather",
      input: { city: "Paris" },
      usage,
      model,
    }),
    openaiWireAdapter.text({ text: "It is 21 °C: a light jacket will do.", usage, model }),
  );
}
