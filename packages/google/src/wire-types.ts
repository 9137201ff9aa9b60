/**
 * The parts of Gemini's REST wire format (generativelanguage v1beta, camelCase JSON) this
 * package reads and writes. Both SDKs pass these shapes through, so one set of types serves
 * @google/genai and the legacy @google/generative-ai alike.
 */

/** One piece of a message: text, media, a function call or its response. */
export interface GeminiPart {
  text?: string;
  /** True for a thought summary (reasoning). */
  thought?: boolean;
  /** Opaque signature Gemini 3 attaches to parts; must be sent back with the part. */
  thoughtSignature?: string;
  inlineData?: { mimeType: string; data: string };
  fileData?: { mimeType?: string; fileUri: string };
  functionCall?: GeminiFunctionCall;
  functionResponse?: { name: string; id?: string; response: Record<string, unknown> };
}

/** A function call; streamed calls (Vertex) arrive as pieces with `partialArgs`. */
export interface GeminiFunctionCall {
  name?: string;
  id?: string;
  args?: Record<string, unknown>;
  partialArgs?: GeminiPartialArgument[];
  willContinue?: boolean;
}

/** One streamed piece of a function call's arguments. */
export interface GeminiPartialArgument {
  jsonPath?: string;
  stringValue?: string;
  numberValue?: number;
  boolValue?: boolean;
  nullValue?: string;
  willContinue?: boolean;
}

/** A turn of the conversation. */
export interface GeminiContent {
  role: "user" | "model";
  parts: GeminiPart[];
}

/** Sampling and output settings. */
export interface GeminiGenerationConfig {
  temperature?: number;
  topP?: number;
  maxOutputTokens?: number;
  stopSequences?: string[];
  responseMimeType?: string;
  responseJsonSchema?: Record<string, unknown>;
}

/** Tool declarations. */
export interface GeminiTool {
  functionDeclarations: Array<{
    name: string;
    description?: string;
    parametersJsonSchema: Record<string, unknown>;
  }>;
}

/** How the model may call functions. */
export interface GeminiToolConfig {
  functionCallingConfig: { mode: "AUTO" | "ANY" | "NONE"; allowedFunctionNames?: string[] };
}

/** A generateContent request, without the vendor extras of providerOptions. */
export interface GeminiRequest {
  contents: GeminiContent[];
  systemInstruction?: { parts: Array<{ text: string }> };
  tools?: GeminiTool[];
  toolConfig?: GeminiToolConfig;
  generationConfig: GeminiGenerationConfig;
}

/** Token counts as Gemini reports them (cumulative in streams). */
export interface GeminiUsageMetadata {
  promptTokenCount?: number;
  candidatesTokenCount?: number;
  cachedContentTokenCount?: number;
  thoughtsTokenCount?: number;
  toolUsePromptTokenCount?: number;
  totalTokenCount?: number;
}

/** One candidate answer. */
export interface GeminiCandidate {
  content?: { role?: string; parts?: GeminiPart[] };
  finishReason?: string;
  finishMessage?: string;
}

/** A generateContent response, or one chunk of a stream. */
export interface GeminiResponse {
  candidates?: GeminiCandidate[];
  promptFeedback?: { blockReason?: string; blockReasonMessage?: string };
  usageMetadata?: GeminiUsageMetadata;
  modelVersion?: string;
  responseId?: string;
  /** An in-band error (the legacy SDK hands error chunks through as data). */
  error?: GeminiErrorBody;
}

/** The google.rpc.Status envelope's inner object. */
export interface GeminiErrorBody {
  code?: number;
  message?: string;
  status?: string;
  details?: Array<Record<string, unknown>>;
}
