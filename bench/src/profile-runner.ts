import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ContenderId } from "./contenders";
import { type ProfileSummary, summarizeProfile } from "./cpu-profile-summary";
import { runChild } from "./run-child";

/** A CPU profile summary of one contender's call loop. */
export interface ProfileResult {
  id: ContenderId;
  calls: number;
  summary: ProfileSummary;
}

/** Profiles a loop of calls of one contender in a child process (V8's CPU profiler). */
export async function profileContender(id: ContenderId, generateUrl: string): Promise<ProfileResult> {
  const directory = mkdtempSync(join(tmpdir(), "ffc-bench-profile-"));
  try {
    const file = join(directory, `${id}.cpuprofile`);
    const { calls } = await runChild<{ calls: number }>("src/profile-bench.ts", {
      args: [id, generateUrl, file],
    });
    return { id, calls, summary: summarizeProfile(file) };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
