import type { LanguageRequest, Message } from "@ffc/core";

/**
 * Tokens OpenAI charges for one image in a typical request (a 1024×1024 picture at high
 * detail on gpt-4o: 85 base + 4 tiles × 170). The real figure depends on the image size,
 * which is not known without decoding it, so images are the one estimated part of the count.
 */
export const imageTokenEstimate = 765;

interface ChatMessageForCount {
  role: string;
  content: string;
  function_call?: { name: string; arguments: string };
}

/**
 * gpt-tokenizer's chat formula (OpenAI's cookbook: 3 tokens a message, 3 to prime the answer)
 * counts one token more than OpenAI billed in every o200k recording of the fixture corpus
 * (gpt-4o 68, gpt-4o-mini 53, o3-mini 577 prompt tokens), with and without tools.
 */
const o200kCorrection = -1;

type Tokenizer = { countTokens(text: string): number };
type FunctionCounting = typeof import("gpt-tokenizer/functionCalling");

const loaded = new Map<string, Promise<any>>();

/**
 * Imports a module at run time only. The specifier is not a literal, so bundlers leave the
 * tokenizer out of an app's bundle: its vocabularies weigh 1.5 MB, more than the rest of the
 * app, and most apps never count tokens.
 */
function importAtRunTime(specifier: string): Promise<any> {
  return import(/* @vite-ignore */ /* webpackIgnore: true */ specifier);
}

/**
 * Loads one part of the tokenizer on first use, and only the encoding a model needs: each
 * vocabulary costs tens of megabytes of memory once loaded.
 */
function tokenizerPart<T>(path: string): Promise<T> {
  let part = loaded.get(path);
  if (!part) {
    part = importAtRunTime(`gpt-tokenizer/${path}`);
    // Let a later call try again (e.g. after the package is installed); the caller sees the error.
    part.catch(() => loaded.delete(path));
    loaded.set(path, part);
  }
  return part as Promise<T>;
}

/** gpt-4 and gpt-3.5 models use cl100k_base; gpt-4o, gpt-4.1, gpt-5 and the o-series use o200k_base. */
function encodingFor(model: string): "cl100k" | "o200k" {
  return /^(gpt-4(?![o.])|gpt-3\.5)/.test(model) ? "cl100k" : "o200k";
}

/**
 * Counts the input tokens of a request locally with OpenAI's own tokenizer (gpt-tokenizer):
 * message text, the per-message framing tokens and the tool definitions exactly as OpenAI
 * counts them, plus `imageTokenEstimate` per image.
 */
export async function countOpenAITokens(request: LanguageRequest): Promise<number> {
  const encoding = encodingFor(request.model);
  const [tokenizer, functions] = await Promise.all([
    tokenizerPart<Tokenizer>(encoding === "cl100k" ? "encoding/cl100k_base" : "encoding/o200k_base"),
    tokenizerPart<FunctionCounting>("functionCalling"),
  ]);
  let images = 0;
  const messages: ChatMessageForCount[] = [];
  for (const message of request.messages) {
    for (const counted of messagesForCount(message)) messages.push(counted);
    if (message.role === "user" && typeof message.content !== "string") {
      images += message.content.filter((part) => part.type === "image").length;
    }
  }
  const definitions = (request.tools ?? []).map((tool) => ({
    name: tool.name,
    ...(tool.description ? { description: tool.description } : {}),
    parameters: tool.inputSchema as any,
  }));
  const toolChoice = request.toolChoice;
  const functionCall =
    toolChoice === undefined || toolChoice === "auto" || toolChoice === "required"
      ? undefined
      : toolChoice === "none"
        ? ("none" as const)
        : { name: toolChoice.toolName };
  const text = functions.computeChatCompletionTokenCount(
    {
      messages,
      ...(definitions.length > 0 ? { functions: definitions } : {}),
      ...(functionCall ? { function_call: functionCall } : {}),
    },
    (value) => tokenizer.countTokens(value),
  );
  return text + (encoding === "o200k" ? o200kCorrection : 0) + images * imageTokenEstimate;
}

function messagesForCount(message: Message): ChatMessageForCount[] {
  if (typeof message.content === "string") return [{ role: message.role, content: message.content }];
  if (message.role === "tool") {
    return message.content.map((part) => ({
      role: "tool",
      content: typeof part.output === "string" ? part.output : JSON.stringify(part.output ?? null),
    }));
  }
  // Earlier reasoning is not sent back to OpenAI (see chat-request.ts), so it costs nothing.
  const text = message.content.map((part) => (part.type === "text" ? part.text : "")).join("");
  const counted: ChatMessageForCount[] = [{ role: message.role, content: text }];
  for (const part of message.content) {
    if (part.type === "tool-call") {
      counted.push({
        role: "assistant",
        content: "",
        function_call: { name: part.toolName, arguments: JSON.stringify(part.input ?? {}) },
      });
    }
  }
  return counted;
}
