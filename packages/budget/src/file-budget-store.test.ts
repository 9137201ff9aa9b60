import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { ConfigError } from "@ffc/core";
import { budgetStoreConformanceChecks } from "@ffc/testing";
import { describe, expect, it } from "vitest";
import { FileBudgetStore } from "./file-budget-store";

const run = promisify(execFile);
const folder = mkdtempSync(path.join(tmpdir(), "ffc-budget-"));
const worker = fileURLToPath(new URL("./test-support/file-store-worker.ts", import.meta.url));
let fileNumber = 0;
const nextPath = () => path.join(folder, `budget-${++fileNumber}.json`);

describe("FileBudgetStore conformance", () => {
  for (const check of budgetStoreConformanceChecks(() => new FileBudgetStore({ path: nextPath() })))
    it(check.name, check.run);
});

describe("FileBudgetStore", () => {
  it("keeps a daily spend across runs of a script", async () => {
    const file = nextPath();
    await run(process.execPath, ["--import", "tsx", worker, file, "spend", "run-1", "300"]);
    await run(process.execPath, ["--import", "tsx", worker, file, "spend", "run-2", "200"]);
    const usage = await new FileBudgetStore({ path: file }).usage("global|day:test");
    expect(usage.spent.tokens).toBe(500);
    expect(usage.reservations).toBe(0);
  });

  it("never admits more than the limit across processes reserving at once", async () => {
    const file = nextPath();
    // Four processes each try 25 reservations of 10 tokens against a limit of 400 tokens.
    const outputs = await Promise.all(
      [1, 2, 3, 4].map((worker_) =>
        run(process.execPath, ["--import", "tsx", worker, file, "race", `p${worker_}`, "25"]),
      ),
    );
    const admitted = outputs.reduce((sum, output) => sum + Number(output.stdout.trim()), 0);
    expect(admitted).toBe(40);
    const usage = await new FileBudgetStore({ path: file }).usage("global|day:test");
    expect(usage.reserved.tokens).toBe(400);
  }, 30_000);

  it("recovers a lock left by a process that died", async () => {
    const file = nextPath();
    // A pid far above pid_max on Linux belongs to no live process.
    writeFileSync(`${file}.lock`, "99999999 dead-owner");
    const store = new FileBudgetStore({ path: file, lockTimeoutMs: 2000 });
    const outcome = await store.reserve({
      key: "k",
      reservationId: "r",
      amount: { tokens: 1, usd: 0 },
      limits: {},
      ttlMs: 1000,
      expireKeyAfterMs: 0,
    });
    expect(outcome.ok).toBe(true);
  });

  it("rejects a missing path, naming the field", () => {
    expect(() => new FileBudgetStore({ path: "" })).toThrow(ConfigError);
    expect(() => new FileBudgetStore({ path: "" })).toThrow(/"path"/);
  });
});
