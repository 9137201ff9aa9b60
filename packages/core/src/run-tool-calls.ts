import type { EmitEvent } from "./events";
import type { ToolResultPart } from "./message";
import type { ToolCall } from "./result";
import { checkValue, describeIssues } from "./structured-output";
import { type AnyTool, isExecutableTool, toolInputValidator } from "./tool";

/** What running a step's tool calls needs. */
export interface ToolRunSettings {
  /** The call's tools by name. */
  tools: ReadonlyMap<string, AnyTool>;
  /** Most tool calls running at once. */
  concurrency: number;
  /** 1-based number of the step whose calls these are. */
  step: number;
  signal: AbortSignal;
  emit: EmitEvent;
}

/**
 * Runs the executable tool calls of one step, at most `concurrency` at a time, and returns one
 * result per call in the calls' order. Calls of tools without `execute` are skipped (the caller
 * gets them). Nothing here throws: unknown tools, invalid arguments and errors thrown by
 * `execute` become results with `isError: true`, so the model can correct itself.
 */
export async function runToolCalls(
  calls: readonly ToolCall[],
  settings: ToolRunSettings,
): Promise<ToolResultPart[]> {
  const runnable = calls.filter((call) => {
    const found = settings.tools.get(call.toolName);
    return found === undefined || isExecutableTool(found);
  });
  const results: ToolResultPart[] = new Array(runnable.length);
  let next = 0;
  const worker = async () => {
    while (next < runnable.length) {
      const index = next++;
      results[index] = await runToolCall(runnable[index]!, settings);
    }
  };
  const workers = Math.max(1, Math.min(settings.concurrency, runnable.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}

async function runToolCall(call: ToolCall, settings: ToolRunSettings): Promise<ToolResultPart> {
  const { toolCallId, toolName } = call;
  const started = performance.now();
  settings.emit("tool-call-start", { step: settings.step, toolCallId, toolName, input: call.input });
  const result = (output: unknown, isError: boolean): ToolResultPart => {
    settings.emit("tool-call-end", {
      step: settings.step,
      toolCallId,
      toolName,
      durationMs: performance.now() - started,
      isError,
    });
    return isError
      ? { type: "tool-result", toolCallId, toolName, output, isError }
      : { type: "tool-result", toolCallId, toolName, output };
  };
  const found = settings.tools.get(toolName);
  if (!found || !isExecutableTool(found)) {
    const known = [...settings.tools.keys()].join(", ");
    return result(`Unknown tool "${toolName}". The tools are: ${known}.`, true);
  }
  try {
    const checked = await checkValue(toolInputValidator(found), call.input);
    if (!checked.ok) {
      return result(`Invalid arguments for tool "${toolName}":\n${describeIssues(checked.issues)}`, true);
    }
    const output = await found.execute(checked.value, {
      toolCallId,
      step: settings.step,
      signal: settings.signal,
    });
    return result(output === undefined ? null : output, false);
  } catch (error) {
    // The model sees the message only (no stack): enough to retry or explain the failure.
    const message = error instanceof Error ? error.message : String(error);
    return result(`Tool "${toolName}" failed: ${message}`, true);
  }
}
