import {
  ConfigError,
  type FinishReason,
  type LanguageProvider,
  type LanguageRequest,
  type ProviderResult,
  type StreamPart,
  TemporaryError,
  type Usage,
} from "@ffc/core";
import { parseServerSentEvents, SPECIFICATION_VERSION } from "@ffc/core/provider";
import { errorFromEvent, errorFromNetwork, errorFromResponse } from "./plain-http-errors";

/** Options of the plain HTTP provider. */
export interface PlainHttpProviderOptions {
  /** Where the service listens, e.g. "http://127.0.0.1:8080". */
  baseURL: string;
  /** Bearer token; falls back to the PLAIN_HTTP_API_KEY environment variable. */
  apiKey?: string;
}

/** The wire's answer: `{ id, output, finish, usage: { prompt, completion } }`. */
interface WireResponse {
  id: string;
  model: string;
  output: string;
  tool_calls?: { id: string; name: string; arguments: string }[];
  finish: string;
  usage: { prompt: number; completion: number; cached?: number; reasoning?: number };
}

/**
 * A provider written from scratch against FFC's provider spec, for a plain JSON-over-HTTP
 * service with SSE streaming. It is what a team writes for an in-house model server.
 */
export function createPlainHttpProvider(options: PlainHttpProviderOptions): LanguageProvider {
  const apiKey = options.apiKey ?? process.env.PLAIN_HTTP_API_KEY;
  if (!apiKey) {
    throw new ConfigError(
      'createPlainHttpProvider: pass "apiKey" or set the PLAIN_HTTP_API_KEY environment variable.',
    );
  }
  const endpoint = `${options.baseURL.replace(/\/$/, "")}/complete`;

  async function send(request: LanguageRequest, stream: boolean): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
        body: JSON.stringify(toWire(request, stream)),
        ...(request.signal ? { signal: request.signal } : {}),
      });
    } catch (error) {
      throw errorFromNetwork(error, request.signal, request.model);
    }
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw errorFromResponse(response.status, body, response.headers, request.model);
    }
    return response;
  }

  return {
    specificationVersion: SPECIFICATION_VERSION,
    id: "plain-http",
    async generate(request) {
      const response = await send(request, false);
      try {
        return fromWire((await response.json()) as WireResponse);
      } catch (error) {
        throw errorFromNetwork(error, request.signal, request.model);
      }
    },
    async *stream(request) {
      const response = await send(request, true);
      let finished = false;
      try {
        for await (const { data } of parseServerSentEvents(response.body!)) {
          const event = JSON.parse(data);
          if (event.error) throw errorFromEvent(event, request.model);
          if (event.delta) yield { type: "text-delta", text: event.delta } satisfies StreamPart;
          if (event.tool_call) {
            const call = event.tool_call;
            yield {
              type: "tool-call-delta",
              toolCallId: call.id,
              toolName: call.name,
              argumentsDelta: call.arguments,
            };
            yield {
              type: "tool-call",
              toolCall: { toolCallId: call.id, toolName: call.name, input: JSON.parse(call.arguments) },
            };
          }
          if (event.done) {
            finished = true;
            yield {
              type: "finish",
              finishReason: finishReasonOf(event.finish),
              usage: usageOf(event.usage),
              model: event.model,
            };
          }
        }
      } catch (error) {
        throw errorFromNetwork(error, request.signal, request.model);
      }
      if (!finished)
        throw new TemporaryError("plain-http stream ended before its done event", { provider: "plain-http" });
    },
  };
}

function toWire(request: LanguageRequest, stream: boolean) {
  return {
    model: request.model,
    stream,
    max_tokens: request.maxTokens,
    temperature: request.temperature,
    tools: request.tools?.map((tool) => ({ name: tool.name, parameters: tool.inputSchema })),
    messages: request.messages.map((message) => ({
      role: message.role,
      text:
        typeof message.content === "string"
          ? message.content
          : message.content.map((part) => ("text" in part ? part.text : JSON.stringify(part))).join(""),
    })),
  };
}

function fromWire(body: WireResponse): ProviderResult {
  const toolCalls = (body.tool_calls ?? []).map((call) => ({
    toolCallId: call.id,
    toolName: call.name,
    input: JSON.parse(call.arguments),
  }));
  return {
    text: body.output,
    content: [
      ...(body.output ? [{ type: "text" as const, text: body.output }] : []),
      ...toolCalls.map((call) => ({ type: "tool-call" as const, ...call })),
    ],
    toolCalls,
    finishReason: finishReasonOf(body.finish),
    rawFinishReason: body.finish,
    usage: usageOf(body.usage),
    model: body.model,
    responseId: body.id,
  };
}

function finishReasonOf(finish: string): FinishReason {
  return ({ stop: "stop", length: "length", tool: "tool-calls" } as const)[finish as "stop"] ?? "other";
}

function usageOf(usage: WireResponse["usage"]): Usage {
  const result: Usage = {
    inputTokens: usage.prompt,
    outputTokens: usage.completion,
    totalTokens: usage.prompt + usage.completion,
  };
  if (usage.cached !== undefined) result.cacheReadTokens = usage.cached;
  if (usage.reasoning !== undefined) result.reasoningTokens = usage.reasoning;
  return result;
}
