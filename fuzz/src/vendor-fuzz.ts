import { BudgetManager } from "@ffc/budget";
import { FFCError, type LanguageProvider, LLMManager, type Logger } from "@ffc/core";
import type { FakeServer, Reply } from "@ffc/testing";
import fc from "fast-check";
import { fuzzParameters, vendorRuns } from "./fuzz-settings";
import { assertNoSecret } from "./leak-check";
import { fuzzLimits, replyArbitrary } from "./reply-arbitrary";
import type { VendorAdapter } from "./vendor-adapters";

/** One fuzzed call: how it is made, and the reply the vendor gives. */
interface VendorCase {
  reply: Reply;
  stream: boolean;
  budgetTokens: number;
  deadlineMs: number;
}

/** What a test file hands the runner: a started fake server and a provider pointed at it. */
export interface VendorFuzzTarget {
  adapter: VendorAdapter;
  server: FakeServer;
  provider: LanguageProvider;
}

/** Slack on top of a deadline for timers firing late on a loaded CI machine, in ms. */
const schedulingSlackMs = 2_000;

/**
 * The vendor-reply property: whatever the vendor sends, a call made through an LLMManager (with
 * a BudgetManager) ends within its deadline, in a result or an FFCError subclass (never a raw
 * TypeError), with no unhandled rejection, no secret in any output (result, error, events,
 * logs), and a budget that never spent beyond its limit.
 */
export async function fuzzVendorReplies(target: VendorFuzzTarget): Promise<void> {
  const { adapter, server, provider } = target;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  const vendorCase: fc.Arbitrary<VendorCase> = fc.record({
    reply: replyArbitrary(adapter),
    stream: fc.boolean(),
    budgetTokens: fc.integer({ min: 1, max: 400 }),
    deadlineMs: fc.constantFrom(150, 400, 2_000),
  });
  try {
    // Warm up first: the first call loads SDK modules and tokenizers, which no deadline covers.
    const warmUp = {
      kind: "json",
      status: 200,
      body: adapter.body("warm", { inputTokens: 1, outputTokens: 1 }),
    } as const;
    await runCase(
      { reply: warmUp, stream: false, budgetTokens: 10_000, deadlineMs: 60_000 },
      adapter,
      server,
      provider,
    );
    await fc.assert(
      fc.asyncProperty(vendorCase, async (fuzzed) => {
        await runCase(fuzzed, adapter, server, provider);
        if (unhandled.length > 0) throw new Error(`Unhandled rejection: ${String(unhandled[0])}`);
      }),
      fuzzParameters(vendorRuns),
    );
  } finally {
    process.off("unhandledRejection", onUnhandled);
  }
}

async function runCase(
  fuzzed: VendorCase,
  adapter: VendorAdapter,
  server: FakeServer,
  provider: LanguageProvider,
): Promise<void> {
  server.reset();
  server.setDefault((request) => adapter.sideReply(request) ?? fuzzed.reply);
  const logged: unknown[] = [];
  const logger: Logger = {
    warn: (...details) => logged.push(details),
    error: (...details) => logged.push(details),
  };
  const budget = new BudgetManager({ maxDailyTokens: fuzzed.budgetTokens });
  const llm = new LLMManager(
    { provider, model: adapter.model, maxTokens: fuzzLimits.maxTokens },
    {
      plugins: [budget],
      logger,
      timeouts: { attemptMs: fuzzLimits.attemptMs, streamStallMs: fuzzLimits.streamStallMs },
    },
  );
  const events: unknown[] = [];
  llm.on("*", (event) => {
    events.push(event);
  });
  const options = {
    prompt: "Name three colours of the sea at dawn, briefly.",
    deadlineMs: fuzzed.deadlineMs,
  };
  const started = performance.now();
  let outcome: unknown;
  try {
    if (fuzzed.stream) {
      const response = llm.stream(options);
      for await (const _part of response) {
        // Read every part as an application would.
      }
      outcome = await response.result;
    } else {
      outcome = await llm.generate(options);
    }
  } catch (error) {
    if (!FFCError.isInstance(error)) {
      throw new Error(`The call failed with a raw ${describe(error)}, not an FFC error`, { cause: error });
    }
    outcome = error;
  }
  const elapsed = performance.now() - started;
  if (elapsed > fuzzed.deadlineMs + schedulingSlackMs) {
    throw new Error(`The call took ${Math.round(elapsed)} ms, past its deadline of ${fuzzed.deadlineMs} ms`);
  }
  assertNoSecret(outcome, "the result or error");
  assertNoSecret(events, "the events");
  assertNoSecret(logged, "the logger");
  const status = await budget.status();
  const spent = status.tokens!.spent + status.tokens!.reserved;
  if (spent > fuzzed.budgetTokens) {
    throw new Error(`The budget spent ${spent} tokens of a limit of ${fuzzed.budgetTokens}`);
  }
  budget.close();
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error;
}
