/** Plain text. `cacheControl` marks a vendor prompt-cache breakpoint after this part (Anthropic). */
export interface TextPart {
  type: "text";
  text: string;
  /** Ask the vendor to cache the prompt up to and including this part. */
  cacheControl?: boolean;
}

/** An image, as base64 data or a URL. */
export interface ImagePart {
  type: "image";
  /** Base64-encoded bytes (without a data: prefix). */
  data?: string;
  /** A URL the vendor can fetch. */
  url?: string;
  /** e.g. "image/png"; required with `data`. */
  mediaType?: string;
}

/** A tool call the model made. `input` is the parsed JSON arguments. */
export interface ToolCallPart {
  type: "tool-call";
  toolCallId: string;
  toolName: string;
  input: unknown;
}

/** The result of running a tool, sent back to the model. */
export interface ToolResultPart {
  type: "tool-result";
  toolCallId: string;
  toolName: string;
  output: unknown;
  /** True when the tool failed and `output` describes the failure. */
  isError?: boolean;
}

/** Reasoning ("thinking") the model returned; `signature` lets some vendors verify it later. */
export interface ReasoningPart {
  type: "reasoning";
  text: string;
  signature?: string;
}

export type SystemMessage = { role: "system"; content: string };
export type UserMessage = { role: "user"; content: string | Array<TextPart | ImagePart> };
export type AssistantMessage = {
  role: "assistant";
  content: string | Array<TextPart | ToolCallPart | ReasoningPart>;
};
export type ToolMessage = { role: "tool"; content: ToolResultPart[] };

/** One message of a conversation, in FFC's vendor-neutral form. */
export type Message = SystemMessage | UserMessage | AssistantMessage | ToolMessage;

/** Parts a result can hold. */
export type ContentPart = TextPart | ToolCallPart | ReasoningPart;
