import { abortErrorFor } from "./attempt";
import type { GenerateOptions } from "./call-options";
import { BudgetExceededError } from "./errors/budget-exceeded-error";
import { ConfigError } from "./errors/config-error";
import { OutputValidationError } from "./errors/output-validation-error";
import type { AssistantMessage, Message } from "./message";
import type { CallContext, GenerateNext, StreamNext } from "./policy";
import type { GenerateResult, ProviderResult, StepResult } from "./result";
import { runToolCalls } from "./run-tool-calls";
import type { StandardSchemaV1 } from "./standard-schema";
import { StreamAccumulator } from "./stream-accumulator";
import type { StreamPart } from "./stream-part";
import { asStandardSchema, checkOutput, describeIssues, repairPrompt } from "./structured-output";
import { type AnyTool, isExecutableTool } from "./tool";
import { addUsage, emptyUsage, type Usage } from "./usage";

/** The default of `maxSteps`: model calls a tool loop may make. */
export const defaultMaxSteps = 5;
/** The default of `toolConcurrency`: tool calls of one step running at once. */
export const defaultToolConcurrency = 4;

/** How a call runs its steps; built once per call by `planSteps`. */
export interface StepPlan {
  /** The call's tools by name. */
  tools: ReadonlyMap<string, AnyTool>;
  /** True when some tool has `execute`: then the model's tool calls run inside the loop. */
  executable: boolean;
  maxSteps: number;
  toolConcurrency: number;
  /** The schema the final answer must match. */
  schema?: StandardSchemaV1;
  /** Follow-up calls allowed to repair an answer that failed the schema. */
  repairAttempts: number;
}

/** Runs one model call through the policy chain: yields its parts (streams) and returns its result. */
export type StepRunner = (call: CallContext) => AsyncGenerator<StreamPart, ProviderResult, undefined>;

/** What the loop hands back: the final result and the context to decorate it with. */
export interface StepsOutcome {
  result: ProviderResult & { steps: StepResult[]; object?: unknown };
  /** The step's context when there was one step (so per-step marks such as cache hits hold), else the call's. */
  call: CallContext;
}

/**
 * The step plan of a call, or undefined when the call is a single model call as before (no tool
 * with `execute`, no schema). Checks the loop's options here, before anything is sent.
 */
export function planSteps(options: GenerateOptions<any, any>): StepPlan | undefined {
  const format = options.responseFormat;
  const tools = options.tools ?? [];
  const executable = tools.some(isExecutableTool);
  const schemaGiven = format?.type === "json" && format.schema !== undefined;
  if (!schemaGiven && !executable) {
    if (options.maxSteps !== undefined || options.toolConcurrency !== undefined) {
      checkWhole(options.maxSteps, "maxSteps", 1);
      checkWhole(options.toolConcurrency, "toolConcurrency", 1);
    }
    return undefined;
  }
  const byName = new Map<string, AnyTool>();
  for (const item of tools) {
    if (byName.has(item.name)) {
      throw new ConfigError(`"tools": two tools are named "${item.name}"; give each tool its own name.`);
    }
    byName.set(item.name, item);
  }
  checkWhole(options.maxSteps, "maxSteps", 1);
  checkWhole(options.toolConcurrency, "toolConcurrency", 1);
  const repair = format?.type === "json" ? format.repair : undefined;
  if (repair !== undefined && (typeof repair !== "object" || repair === null)) {
    throw new ConfigError('"responseFormat.repair" must be an object such as { maxAttempts: 2 }.');
  }
  checkWhole(repair?.maxAttempts, "responseFormat.repair.maxAttempts", 0);
  const plan: StepPlan = {
    tools: byName,
    executable,
    maxSteps: options.maxSteps ?? defaultMaxSteps,
    toolConcurrency: options.toolConcurrency ?? defaultToolConcurrency,
    repairAttempts: repair?.maxAttempts ?? 0,
  };
  if (format?.type === "json" && format.schema !== undefined) plan.schema = asStandardSchema(format.schema);
  return plan;
}

/** A step runner for `generate`: one pass through the generate chain, no parts. */
export function generateStepRunner(chain: GenerateNext): StepRunner {
  // biome-ignore lint/correctness/useYield: a generate step has no parts; the runner shape is shared with streams.
  return async function* (call) {
    return await chain(call);
  };
}

/** A step runner for `stream`: the stream chain's parts, collected into the step's result. */
export function streamStepRunner(chain: StreamNext): StepRunner {
  return async function* (call) {
    const collected = new StreamAccumulator(false);
    for await (const part of chain(call)) {
      collected.add(part);
      yield part;
    }
    return collected.result(call.request.model);
  };
}

/** Runs a generate loop to its end and returns its outcome. */
export async function runStepsToEnd(
  plan: StepPlan,
  call: CallContext,
  runStep: StepRunner,
  finalizeStep: (result: GenerateResult, call: CallContext) => void,
): Promise<StepsOutcome> {
  const steps = runSteps(plan, call, runStep, finalizeStep);
  let next = await steps.next();
  while (!next.done) next = await steps.next();
  return next.value;
}

/**
 * The step loop: each step is one model call through the whole policy chain (so budgets,
 * rate limits, retries and fallbacks apply per step); its tool calls run, their results go
 * back to the model, and it goes on until a final answer, `maxSteps`, a tool without
 * `execute`, the call's abort or deadline, or a refusal by a policy. With a schema, the final
 * answer is validated; a failure is sent back for repair while `repair.maxAttempts` allows.
 */
export async function* runSteps(
  plan: StepPlan,
  call: CallContext,
  runStep: StepRunner,
  finalizeStep: (result: GenerateResult, call: CallContext) => void,
): AsyncGenerator<StreamPart, StepsOutcome, undefined> {
  const steps: StepResult[] = [];
  const messages: Message[] = [...call.request.messages];
  let reason: "first" | "tool-results" | "repair" = "first";
  let toolSteps = 0;
  let repairs = 0;
  let stepCall = call;
  try {
    for (;;) {
      const number = steps.length + 1;
      // Each step gets its own scratch state: per-step marks (a cache hit) must not leak into the next.
      stepCall = { ...call, request: { ...call.request, messages: [...messages] }, state: new Map() };
      call.emit("step-start", { step: number, reason });
      const firstAttempt = call.attempts.length;
      const answer = yield* runStep(stepCall);
      const attempts = call.attempts.slice(firstAttempt);
      const answered = attempts.findLast((attempt) => attempt.error === undefined);
      const step: StepResult = {
        ...answer,
        step: number,
        provider: answered?.provider ?? stepCall.provider.id,
        attempts,
        toolResults: [],
      };
      steps.push(step);
      if (answer.toolCalls.length > 0) {
        if (plan.executable) {
          toolSteps += 1;
          step.toolResults = await untilAborted(
            runToolCalls(answer.toolCalls, {
              tools: plan.tools,
              concurrency: plan.toolConcurrency,
              step: number,
              signal: call.signal,
              emit: call.emit,
            }),
            call,
          );
          for (const toolResult of step.toolResults) yield { type: "tool-result", toolResult };
        }
        endStep(step, stepCall, call, finalizeStep);
        yield { type: "step-finish", step };
        const handedOver = answer.toolCalls.some((toolCall) => {
          const found = plan.tools.get(toolCall.toolName);
          return found !== undefined && !isExecutableTool(found);
        });
        if (!plan.executable || handedOver || toolSteps >= plan.maxSteps)
          return outcome(steps, call, stepCall);
        messages.push(
          { role: "assistant", content: assistantContent(answer) },
          { role: "tool", content: step.toolResults },
        );
        reason = "tool-results";
        continue;
      }
      endStep(step, stepCall, call, finalizeStep);
      yield { type: "step-finish", step };
      if (!plan.schema) return outcome(steps, call, stepCall);
      const checked = await checkOutput(plan.schema, answer.text);
      if (checked.ok) return outcome(steps, call, stepCall, checked.value);
      if (repairs >= plan.repairAttempts) {
        const tried = repairs === 0 ? "" : ` after ${repairs} repair attempt(s)`;
        throw new OutputValidationError(
          `The answer does not match the schema${tried}:\n${describeIssues(checked.issues)}\nPass responseFormat.repair: { maxAttempts: n } to let FFC ask the model to fix it; the raw answer is in error.text.`,
          checked.issues,
          answer.text,
          { provider: step.provider, model: answer.model },
        );
      }
      repairs += 1;
      messages.push(
        { role: "assistant", content: answer.text },
        { role: "user", content: repairPrompt(checked.issues) },
      );
      reason = "repair";
    }
  } catch (error) {
    if (BudgetExceededError.isInstance(error)) {
      error.steps = steps;
      error.usage = sumUsage(steps);
    }
    throw error;
  }
}

function endStep(
  step: StepResult,
  stepCall: CallContext,
  call: CallContext,
  finalizeStep: (result: GenerateResult, call: CallContext) => void,
): void {
  // Cost-aware plugins price a result from its attempts: run them on the step alone.
  const priced: GenerateResult = { ...step };
  finalizeStep(priced, stepCall);
  if (priced.costUsd !== undefined) step.costUsd = priced.costUsd;
  call.emit("step-end", { step: step.step, result: step });
}

function outcome(
  steps: StepResult[],
  call: CallContext,
  stepCall: CallContext,
  object?: unknown,
): StepsOutcome {
  const last = steps.at(-1)!;
  const {
    step: _step,
    provider: _provider,
    attempts: _attempts,
    toolResults: _results,
    costUsd: _cost,
    ...answer
  } = last;
  const result: StepsOutcome["result"] = { ...answer, usage: sumUsage(steps), steps };
  if (object !== undefined) result.object = object;
  return { result, call: steps.length === 1 ? stepCall : call };
}

function sumUsage(steps: readonly StepResult[]): Usage {
  let usage = emptyUsage();
  for (const step of steps) usage = addUsage(usage, step.usage);
  return usage;
}

function assistantContent(answer: ProviderResult): AssistantMessage["content"] {
  // The answer's own content keeps reasoning signatures, which some vendors require back.
  if (answer.content.length > 0) return answer.content;
  return answer.toolCalls.map((toolCall) => ({ type: "tool-call" as const, ...toolCall }));
}

/** Waits for `work`, but throws at once when the call is aborted or its deadline passes. */
async function untilAborted<T>(work: Promise<T>, call: CallContext): Promise<T> {
  const signal = call.signal;
  if (signal.aborted) throw abortErrorFor(signal);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortErrorFor(signal, { provider: call.provider.id, model: call.request.model }));
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener("abort", onAbort!);
  }
}

function checkWhole(value: number | undefined, field: string, least: number): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < least) {
    throw new ConfigError(`"${field}" must be a whole number of at least ${least}; got ${String(value)}.`);
  }
}
