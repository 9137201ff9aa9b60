import { readFileSync } from "node:fs";

/** The parts of a V8 .cpuprofile file that the summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time of one function, in ms. */
export interface FunctionTime {
  owner: string;
  functionName: string;
  location: string;
  selfMs: number;
}

/** Where a profiled loop spent its time: by owner (package, Node, GC) and by FFC function. */
export interface ProfileSummary {
  totalMs: number;
  byOwner: { owner: string; selfMs: number }[];
  /** The functions of @ffc/* packages with the most self time. */
  topFfcFunctions: FunctionTime[];
}

/** Names the package (or runtime part) a profiled function belongs to, from its script URL. */
export function ownerOf(url: string, functionName: string): string {
  if (url === "") return functionName.startsWith("(") ? functionName : "(native)";
  const workspace = url.match(/\/packages\/([^/]+)\//);
  if (workspace && !url.includes("node_modules")) return `@ffc/${workspace[1]}`;
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const parts = url.slice(modules + "node_modules/".length).split("/");
    return parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (url.startsWith("node:")) return "node (built-in modules)";
  return "other";
}

/** Adds up self time per function and per owner of a .cpuprofile file. */
export function summarizeProfile(path: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const selfByNode = new Map<number, number>();
  profile.samples.forEach((nodeId, index) => {
    selfByNode.set(nodeId, (selfByNode.get(nodeId) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const byFunction = new Map<string, FunctionTime>();
  const byOwner = new Map<string, number>();
  let totalMs = 0;
  for (const node of profile.nodes) {
    const selfMs = selfByNode.get(node.id) ?? 0;
    if (selfMs === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const owner = ownerOf(url, functionName);
    totalMs += selfMs;
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + selfMs);
    const file = url.split("/").slice(-2).join("/");
    const location = `${file}:${lineNumber + 1}`;
    const key = `${owner} ${functionName} ${location}`;
    const entry = byFunction.get(key) ?? {
      owner,
      functionName: functionName || "(anonymous)",
      location,
      selfMs: 0,
    };
    entry.selfMs += selfMs;
    byFunction.set(key, entry);
  }
  return {
    totalMs,
    byOwner: [...byOwner]
      .map(([owner, selfMs]) => ({ owner, selfMs }))
      .sort((left, right) => right.selfMs - left.selfMs),
    topFfcFunctions: [...byFunction.values()]
      .filter((entry) => entry.owner.startsWith("@ffc/"))
      .sort((left, right) => right.selfMs - left.selfMs)
      .slice(0, top),
  };
}
