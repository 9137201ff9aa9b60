// `npm run demo`: the guide's examples, on the real vendors when keys are set, otherwise on
// FFC's local fake servers (with OpenAI overloaded for a moment, to show retry and fallback).

import { startFakeVendors } from "./fake-vendors";
import { runGuide } from "./guide";
import { runImplementation } from "./implementation";
import { runStructuredTools } from "./structured-tools";
import { scriptStructuredTools } from "./structured-tools-script";

const real = Boolean(process.env.OPENAI_API_KEY);
const fakes = real ? undefined : await startFakeVendors();
console.log(
  real
    ? "Using the real OpenAI API (OPENAI_API_KEY is set)."
    : "No OPENAI_API_KEY: using FFC's local fake vendor servers.",
);

try {
  if (fakes) {
    // OpenAI answers 503 "overloaded" four times: three retries, then fallback to Anthropic.
    const overloaded = {
      kind: "json" as const,
      status: 503,
      body: {
        error: {
          message: "The engine is currently overloaded, please try again later",
          type: "server_error",
          param: null,
          code: null,
        },
      },
    };
    fakes.openai.enqueue(overloaded, overloaded, overloaded, overloaded);
  }
  console.log("\n== The guide's example ==");
  await runGuide({ name: "Ada", plan: "pro" });
  console.log("\n== The guide's Example Implementation ==");
  console.log(await runImplementation("function add(a, b) { return a + b }"));
  console.log("\n== Structured output and the tool loop ==");
  if (fakes) scriptStructuredTools(fakes.openai);
  await runStructuredTools();
} finally {
  await fakes?.close();
}
