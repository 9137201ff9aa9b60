import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SseEvent } from "./reply";

/** The folder of recorded vendor responses shipped with this package (see fixtures/SOURCES.md). */
export function fixturesDirectory(): string {
  // dist/index.js and src/fake-server/fixtures.ts both sit below the package root.
  const here = typeof __dirname === "string" ? __dirname : dirname(fileURLToPath(import.meta.url));
  let folder = here;
  for (let depth = 0; depth < 4; depth += 1) {
    try {
      readFileSync(join(folder, "fixtures", "SOURCES.md"));
      return join(folder, "fixtures");
    } catch {
      folder = dirname(folder);
    }
  }
  throw new Error(`Cannot find the fixtures folder of @ffc/testing above ${here}.`);
}

/** The text of a fixture, by its path below fixtures/, e.g. "openai/chat/openai-text.json". */
export function readFixture(path: string): string {
  return readFileSync(join(fixturesDirectory(), path), "utf8");
}

/** A JSON fixture, parsed. */
export function readJsonFixture<T = any>(path: string): T {
  return JSON.parse(readFixture(path)) as T;
}

/**
 * A vercel-style `*.chunks.txt` fixture (one JSON event per line, framing stripped) as SSE
 * events. `eventName` derives the `event:` line for vendors that send one (Anthropic,
 * OpenAI Responses: the JSON's `type`).
 */
export function readChunkFixture(path: string, eventName?: (data: any) => string | undefined): SseEvent[] {
  return readFixture(path)
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const event: SseEvent = { data: line };
      if (eventName) {
        const name = eventName(JSON.parse(line));
        if (name) event.event = name;
      }
      return event;
    });
}

/** Raw SSE text (with `event:` and `data:` lines) split into events. */
export function parseRawSse(text: string): SseEvent[] {
  return text
    .split(/\r?\n\r?\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      const event: SseEvent = { data: "" };
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith("event:")) event.event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      event.data = data.join("\n");
      return event;
    })
    .filter((event) => event.data.length > 0);
}
