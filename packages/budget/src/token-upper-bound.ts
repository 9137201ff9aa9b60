import type { LanguageRequest, Message } from "@ffc/core";

/**
 * How a vendor's tokenizer and prompt format can at most inflate a request, for the reservation
 * bound of `inputTokenUpperBound`. The text itself is bounded by its UTF-8 byte length: every
 * vendor here tokenizes with byte-level BPE (OpenAI o200k/cl100k, Anthropic) or SentencePiece
 * with byte fallback (Gemini), where each token covers at least one byte of the text.
 */
export interface VendorTokenBound {
  /** Tokens added once per request (priming of the answer, begin-of-text markers). */
  requestOverhead: number;
  /** Tokens added per message and per content part (role markers, separators, ids). */
  partOverhead: number;
  /** Tokens added once when tools are given (Anthropic's tool-use system prompt). */
  toolsOverhead: number;
  /**
   * Most bytes the vendor's rendering of a JSON structure (tool schemas, tool-call arguments,
   * a response schema) can take per byte of its JSON text.
   */
  jsonFactor: number;
  /** Most tokens one image can cost on a model. */
  imageTokens(model: string): number;
}

/**
 * OpenAI: 3 framing tokens a message plus 3 to prime the answer (OpenAI's cookbook); the role
 * and a name add a token or two, so 8 a part leaves room. Function definitions are rendered as
 * a TypeScript namespace, never more than twice the bytes of their JSON (property-tested against
 * gpt-tokenizer). Images at high detail cost at most 85 + 8 × 170 = 1,445 tokens on gpt-4o and
 * gpt-5 families, 1,536 patches × 2.46 = 3,779 on gpt-4.1-nano, and 2,833 + 8 × 5,667 = 48,169
 * on gpt-4o-mini, whose image tokens are multiplied to match gpt-4o's price.
 */
const openai: VendorTokenBound = {
  requestOverhead: 8,
  partOverhead: 8,
  toolsOverhead: 32,
  jsonFactor: 2,
  imageTokens: (model) => (/^gpt-4o-mini/.test(model) ? 48_169 : 3_779),
};

/**
 * Anthropic: count_tokens reports the text's tokens plus 3; tool use adds a system prompt of at
 * most 530 tokens (Anthropic's tool-use pricing page, Claude 3 Opus; 346 on current models), and
 * tools are rendered as XML, allowed four bytes per byte of JSON. An image costs about
 * width × height / 750 tokens after resizing to at most 1.15 megapixels (about 1,600 tokens),
 * up to 4,784 on models that take 2,576-pixel images.
 */
const anthropic: VendorTokenBound = {
  requestOverhead: 16,
  partOverhead: 16,
  toolsOverhead: 1_024,
  jsonFactor: 4,
  imageTokens: () => 4_784,
};

/**
 * Gemini: SentencePiece with byte fallback (each piece covers at least one character, so at
 * least one byte). Images cost 258 tokens per 768 × 768 tile, 1,120 at most at Gemini 3's high
 * media resolution; 4,128 allows 16 tiles (a 3,072-pixel square image). Larger images on
 * Gemini 2 models can cost more: resize them, or use exact counting.
 */
const google: VendorTokenBound = {
  requestOverhead: 16,
  partOverhead: 16,
  toolsOverhead: 256,
  jsonFactor: 4,
  imageTokens: () => 4_128,
};

/** Any other provider: the largest allowance of each kind above. */
const unknownVendor: VendorTokenBound = {
  requestOverhead: 16,
  partOverhead: 16,
  toolsOverhead: 1_024,
  jsonFactor: 4,
  imageTokens: () => 48_169,
};

/** The bounds by provider id; providers FFC does not ship get the largest allowances. */
export const vendorTokenBounds: Readonly<Record<string, VendorTokenBound>> = { openai, anthropic, google };

/** The bound of a provider id. */
export function boundFor(providerId: string): VendorTokenBound {
  return Object.hasOwn(vendorTokenBounds, providerId) ? vendorTokenBounds[providerId]! : unknownVendor;
}

/**
 * A provable upper bound on the input tokens a request can be charged, without a tokenizer:
 * the UTF-8 bytes of every text, the vendor's rendering of JSON structures, and the framing,
 * tool and image allowances of `VendorTokenBound`. About 4× a chars/4 estimate for English
 * text and close to exact for Japanese or emoji, where each character is 3–4 bytes.
 */
export function inputTokenUpperBound(providerId: string, request: LanguageRequest): number {
  const bound = boundFor(providerId);
  let total = bound.requestOverhead;
  for (const message of request.messages) total += messageBound(message, request.model, bound);
  const tools = request.tools ?? [];
  if (tools.length > 0) {
    total += bound.toolsOverhead;
    for (const tool of tools) {
      total += bound.partOverhead + utf8Bytes(tool.name) + utf8Bytes(tool.description ?? "");
      total += jsonBytes(tool.inputSchema) * bound.jsonFactor;
    }
  }
  if (request.toolChoice !== undefined && typeof request.toolChoice === "object") {
    total += bound.partOverhead + utf8Bytes(request.toolChoice.toolName);
  }
  if (request.responseFormat?.type === "json") {
    total += bound.toolsOverhead + utf8Bytes(request.responseFormat.name ?? "");
    total += jsonBytes(request.responseFormat.schema ?? {}) * bound.jsonFactor;
  }
  return total;
}

function messageBound(message: Message, model: string, bound: VendorTokenBound): number {
  if (typeof message.content === "string") return bound.partOverhead + utf8Bytes(message.content);
  let total = bound.partOverhead;
  for (const part of message.content) {
    total += bound.partOverhead;
    switch (part.type) {
      case "text":
      case "reasoning":
        total += utf8Bytes(part.text);
        break;
      case "image":
        total += bound.imageTokens(model);
        break;
      case "tool-call":
        total += utf8Bytes(part.toolName) + utf8Bytes(part.toolCallId);
        total += jsonBytes(part.input ?? {}) * bound.jsonFactor;
        break;
      case "tool-result":
        total += utf8Bytes(part.toolName) + utf8Bytes(part.toolCallId);
        total +=
          typeof part.output === "string"
            ? utf8Bytes(part.output)
            : jsonBytes(part.output ?? null) * bound.jsonFactor;
        break;
    }
  }
  return total;
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "null");
}
