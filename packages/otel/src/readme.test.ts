import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";

const packageDirectory = join(dirname(fileURLToPath(import.meta.url)), "..");

afterEach(() => {
  vi.restoreAllMocks();
});

describe("README", () => {
  it("runs the SDK wiring example as written and prints the call's spans and metrics", async () => {
    const readme = readFileSync(join(packageDirectory, "README.md"), "utf8");
    const blocks = [...readme.matchAll(/^```js\n([\s\S]*?)^```/gm)];
    expect(blocks).toHaveLength(1);
    // The example imports @ffc/otel as a user would; here that is this package's source.
    const source = blocks[0]![1]!.replace(
      'from "@ffc/otel"',
      `from ${JSON.stringify(join(packageDirectory, "src/index.ts"))}`,
    );
    // Inside the package so that its other imports resolve from here; git and biome ignore .turbo.
    const directory = join(packageDirectory, ".turbo", "readme-example");
    mkdirSync(directory, { recursive: true });
    const file = join(directory, "sdk-example.mjs");
    writeFileSync(file, source);
    const printed: unknown[][] = [];
    vi.spyOn(console, "log").mockImplementation((...values: unknown[]) => {
      printed.push(values);
    });

    await import(/* @vite-ignore */ `${file}?run=${Date.now()}`);

    expect(printed.map((line) => line[0])).toEqual([
      "chat gpt-5.4 attempt",
      "chat gpt-5.4",
      ["gen_ai.client.token.usage", "gen_ai.client.operation.duration"],
    ]);
    expect(printed[1]![1]).toMatchObject({
      "gen_ai.provider.name": "openai",
      "gen_ai.request.max_tokens": 200,
      "gen_ai.usage.input_tokens": 9,
      "gen_ai.usage.output_tokens": 2,
    });
  });
});
