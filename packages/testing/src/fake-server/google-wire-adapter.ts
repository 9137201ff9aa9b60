import type { ScriptedErrorKind, WireAdapter } from "../conformance/wire-adapter";
import {
  googleContextLengthError,
  googleError,
  googleInBandError,
  googleInvalidKeyError,
  googleModelNotFoundError,
  googleQuotaExhaustedError,
  googleRateLimitError,
  googleResponseBody,
  googleServerError,
  googleSse,
  googleTextStream,
  googleUsageMetadata,
} from "./google-replies";
import type { Reply } from "./reply";

/**
 * Gemini's wire shapes for the shared provider conformance suite. Tool calls carry no id (the
 * Gemini API sends none); a streamed tool call uses the Vertex streamFunctionCallArguments form
 * (`partialArgs` pieces, then an empty `functionCall` to close it), the only form in which
 * Gemini splits arguments over several chunks.
 */
export const googleWireAdapter: WireAdapter = {
  name: "Google Gemini",

  text({ text, usage, model }) {
    return {
      kind: "json",
      body: googleResponseBody({ parts: [{ text }], usage, model, finishReason: "STOP" }),
    };
  },

  textStream({ chunks, usage, model }) {
    return googleTextStream({ chunks, usage, model });
  },

  toolCall({ toolName, input, usage, model }) {
    return {
      kind: "json",
      body: googleResponseBody({
        parts: [{ functionCall: { name: toolName, args: input } }],
        usage,
        model,
        finishReason: "STOP",
      }),
    };
  },

  toolCallStream({ toolName, input, usage, model }) {
    const chunk = (functionCall: Record<string, unknown>, last = false) => {
      const body: Record<string, unknown> = {
        candidates: [
          {
            content: { role: "model", parts: [{ functionCall }] },
            ...(last ? { finishReason: "STOP" } : {}),
          },
        ],
        usageMetadata: last ? googleUsageMetadata(usage) : { trafficType: "ON_DEMAND" },
        modelVersion: model,
        responseId: "fake-gemini-tool-stream",
      };
      return body;
    };
    const chunks: unknown[] = [chunk({ name: toolName, willContinue: true })];
    for (const [key, value] of Object.entries(input)) {
      const jsonPath = `$.${key}`;
      if (typeof value === "string") {
        // Split strings in two pieces, as Vertex does, so the pieces must be joined.
        const middle = Math.ceil(value.length / 2);
        chunks.push(
          chunk({
            partialArgs: [{ jsonPath, stringValue: value.slice(0, middle), willContinue: true }],
            willContinue: true,
          }),
        );
        chunks.push(
          chunk({ partialArgs: [{ jsonPath, stringValue: value.slice(middle) }], willContinue: true }),
        );
      } else if (typeof value === "number") {
        chunks.push(chunk({ partialArgs: [{ jsonPath, numberValue: value }], willContinue: true }));
      } else if (typeof value === "boolean") {
        chunks.push(chunk({ partialArgs: [{ jsonPath, boolValue: value }], willContinue: true }));
      } else {
        chunks.push(chunk({ partialArgs: [{ jsonPath, nullValue: "NULL_VALUE" }], willContinue: true }));
      }
    }
    chunks.push(chunk({}, true));
    return googleSse(chunks);
  },

  error(kind: ScriptedErrorKind, options = {}): Reply {
    const extra = options.requestId ? { requestId: options.requestId } : {};
    switch (kind) {
      case "authentication":
        return googleInvalidKeyError(extra);
      case "rate-limit":
        return googleRateLimitError({ ...extra, retryDelaySeconds: options.retryAfterSeconds ?? 30 });
      case "quota-exhausted":
        return googleQuotaExhaustedError(extra);
      case "overloaded":
        return googleServerError(503, extra);
      case "server":
        return googleServerError(500, extra);
      case "context-length":
        return googleContextLengthError(extra);
      case "invalid-request":
        return googleError(
          400,
          "INVALID_ARGUMENT",
          "Penalty is not enabled for models/gemini-2.5-flash",
          extra,
        );
      case "not-found":
        return googleModelNotFoundError("gemini-does-not-exist", extra);
    }
  },

  inBandError({ model }) {
    return googleInBandError({ model });
  },

  readPrompt(body: any) {
    const textOf = (content: any): string[] =>
      (content?.parts ?? [])
        .filter((part: any) => typeof part.text === "string")
        .map((part: any) => part.text as string);
    const systemTexts = textOf(body?.systemInstruction);
    const user = (body?.contents ?? []).filter((content: any) => content.role === "user").flatMap(textOf);
    return systemTexts.length > 0 ? { system: systemTexts.join("\n"), user } : { user };
  },
  readToolResults(body: any) {
    return ((body?.contents ?? []) as any[])
      .flatMap((content) => content.parts ?? [])
      .filter((part: any) => part.functionResponse)
      .map((part: any) => {
        const { id, name, response } = part.functionResponse;
        const output = response && "output" in response ? response.output : response?.error;
        return id === undefined ? { toolName: name, output } : { toolCallId: id, toolName: name, output };
      });
  },
};
