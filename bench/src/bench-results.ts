import type { BenchCounts } from "./bench-settings";
import type { BundleResult } from "./bundle-size-bench";
import type { ImportResult } from "./cold-import-bench";
import type { ImportProfile } from "./import-steps";
import type { MachineInfo } from "./machine-info";
import type { MemoryResult } from "./memory-bench";
import type { PerCallResult } from "./per-call-bench";
import type { PluginOverheadResult } from "./plugin-overhead-bench";
import type { ProfileResult } from "./profile-runner";
import type { StoreBenchOutput } from "./store-benches";
import type { StreamingResult } from "./streaming-bench";

/** Everything one `pnpm bench` run measured. */
export interface BenchResults {
  machine: MachineInfo;
  /** 1-minute load average when the run ended. */
  loadAverageAtEnd: number;
  durationSeconds: number;
  counts: BenchCounts;
  perCall: PerCallResult[];
  streaming: StreamingResult[];
  memory: MemoryResult[];
  imports: ImportResult[];
  /** Each vendor's full stack imported package by package (absent from runs before it existed). */
  importProfiles?: ImportProfile[];
  bundles: BundleResult[];
  stores: StoreBenchOutput[];
  profiles: ProfileResult[];
  /** What each plugin costs per call without the network (absent from runs before it existed). */
  pluginOverhead?: PluginOverheadResult[];
}

/** Finds the entry of `id`; a missing one is a bug of the harness, so it throws. */
export function byId<Entry extends { id: string }>(entries: readonly Entry[], id: string): Entry {
  const entry = entries.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`No result for "${id}".`);
  return entry;
}
