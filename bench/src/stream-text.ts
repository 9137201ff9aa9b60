/**
 * A text that the fake OpenAI server streams as exactly `parts` content chunks: it splits a
 * generated answer into words (each keeping its trailing space).
 */
export function streamText(parts: number): string {
  return Array.from({ length: parts }, (_, index) => `word${index} `).join("");
}
