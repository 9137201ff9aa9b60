/**
 * Parses a tool call's JSON arguments. An empty string means a call without arguments.
 * Models sometimes produce invalid JSON; the raw string is returned then, so the caller can
 * see (and answer) exactly what the model sent instead of losing the call.
 */
export function parseToolArguments(text: string | null | undefined): unknown {
  if (text === undefined || text === null || text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
