import type { StreamPart, ToolCall } from "@ffc/core";
import type { GeminiFunctionCall, GeminiPartialArgument } from "./wire-types";

type ToolCallDelta = Extract<StreamPart, { type: "tool-call-delta" }>;

/**
 * Assembles one streamed function call. The Gemini API sends a call whole; Vertex with
 * streamFunctionCallArguments sends `{name, willContinue}`, then `partialArgs` pieces addressed by
 * JSON path, then an empty `{}` to close it. The pieces are turned into JSON text deltas (so a
 * consumer can show arguments as they come) for top-level arguments; deeper paths are set in
 * place and their JSON is sent when the call closes.
 */
export class ToolCallAssembler {
  readonly #id: string;
  readonly #name: string;
  readonly #args: Record<string, unknown> = {};
  #emitted = "";
  #openKey: string | undefined;
  #incremental = true;

  constructor(id: string, name: string) {
    this.#id = id;
    this.#name = name;
  }

  /** Applies streamed argument pieces; returns the JSON delta they add, if any. */
  add(pieces: readonly GeminiPartialArgument[]): ToolCallDelta | undefined {
    for (const piece of pieces) this.#apply(piece);
    if (!this.#incremental) return undefined;
    const text = this.#partialJson();
    if (!text.startsWith(this.#emitted)) {
      // A piece rewrote text already sent; stop streaming deltas and send the rest at the end.
      this.#incremental = false;
      return undefined;
    }
    return this.#delta(text);
  }

  /** Closes the call: the last delta (if any) and the finished call. */
  finish(): { delta?: ToolCallDelta; toolCall: ToolCall } {
    const text = JSON.stringify(this.#args);
    const delta = text.startsWith(this.#emitted) ? this.#delta(text) : undefined;
    const toolCall: ToolCall = { toolCallId: this.#id, toolName: this.#name, input: this.#args };
    return delta ? { delta, toolCall } : { toolCall };
  }

  /** A call that arrived whole: one delta with all its arguments, then the call. */
  static whole(id: string, call: GeminiFunctionCall): { delta: ToolCallDelta; toolCall: ToolCall } {
    const input = call.args ?? {};
    const toolName = call.name ?? "";
    return {
      delta: { type: "tool-call-delta", toolCallId: id, toolName, argumentsDelta: JSON.stringify(input) },
      toolCall: { toolCallId: id, toolName, input },
    };
  }

  #apply(piece: GeminiPartialArgument): void {
    const path = parsePath(piece.jsonPath ?? "$");
    const value = pieceValue(piece);
    const topKey = path.length === 1 && typeof path[0] === "string" ? path[0] : undefined;
    if (topKey === undefined) this.#incremental = false;
    const continuing = topKey !== undefined && topKey === this.#openKey;
    if (continuing && typeof value === "string") {
      this.#args[topKey] = `${this.#args[topKey] as string}${value}`;
    } else {
      setByPath(this.#args, path, value);
    }
    this.#openKey = piece.willContinue && typeof value === "string" ? topKey : undefined;
  }

  /** JSON of the arguments so far, left open (no closing quote or brace) where more may come. */
  #partialJson(): string {
    const entries = Object.entries(this.#args).map(([key, value]) =>
      key === this.#openKey
        ? `${JSON.stringify(key)}:${JSON.stringify(value).slice(0, -1)}`
        : `${JSON.stringify(key)}:${JSON.stringify(value)}`,
    );
    return `{${entries.join(",")}`;
  }

  #delta(text: string): ToolCallDelta | undefined {
    const argumentsDelta = text.slice(this.#emitted.length);
    this.#emitted = text;
    if (!argumentsDelta) return undefined;
    return { type: "tool-call-delta", toolCallId: this.#id, toolName: this.#name, argumentsDelta };
  }
}

function pieceValue(piece: GeminiPartialArgument): unknown {
  if (piece.stringValue !== undefined) return piece.stringValue;
  if (piece.numberValue !== undefined) return piece.numberValue;
  if (piece.boolValue !== undefined) return piece.boolValue;
  return null;
}

/** Splits an RFC 9535 path such as `$.a.b[0]['c d']` into keys and indexes. */
function parsePath(path: string): Array<string | number> {
  const keys: Array<string | number> = [];
  const pattern = /\.([^.[\]]+)|\[(\d+)\]|\[['"]([^'"]*)['"]\]/g;
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) keys.push(match[1]);
    else if (match[2] !== undefined) keys.push(Number(match[2]));
    else keys.push(match[3] ?? "");
  }
  return keys;
}

function setByPath(target: Record<string, unknown>, path: Array<string | number>, value: unknown): void {
  if (path.length === 0) return;
  let current: any = target;
  for (let index = 0; index < path.length - 1; index += 1) {
    const key = path[index]!;
    if (typeof current[key] !== "object" || current[key] === null)
      current[key] = typeof path[index + 1] === "number" ? [] : {};
    current = current[key];
  }
  const last = path[path.length - 1]!;
  current[last] =
    typeof current[last] === "string" && typeof value === "string" ? current[last] + value : value;
}
