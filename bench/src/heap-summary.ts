// What a process's V8 heap holds, summed by constructor from a heap snapshot: the memory profile
// behind the RSS figures (which objects the full stack keeps that the raw SDK does not).
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeHeapSnapshot } from "node:v8";

/** Live objects of one kind: a constructor name, or a V8 node type in parentheses ("(string)"). */
export interface HeapGroup {
  name: string;
  count: number;
  /** Sum of the objects' own sizes (not what they retain), in bytes. */
  bytes: number;
}

interface HeapSnapshotFile {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Node types whose name is a constructor (or function) name worth keeping apart. */
const namedTypes = new Set(["object", "closure", "native"]);

/** Groups a heap snapshot's nodes by constructor (objects) or by type (strings, arrays, code...). */
export function summarizeSnapshot(file: HeapSnapshotFile): HeapGroup[] {
  const fields = file.snapshot.meta.node_fields;
  const width = fields.length;
  const typeField = fields.indexOf("type");
  const nameField = fields.indexOf("name");
  const sizeField = fields.indexOf("self_size");
  const typeNames = file.snapshot.meta.node_types[0];
  const groups = new Map<string, HeapGroup>();
  for (let offset = 0; offset < file.nodes.length; offset += width) {
    const type = typeNames[file.nodes[offset + typeField]!]!;
    const name = namedTypes.has(type) ? file.strings[file.nodes[offset + nameField]!]! : `(${type})`;
    // Closures are grouped together: their function names would list every function of the app.
    const key = type === "closure" ? "(closures)" : name;
    let group = groups.get(key);
    if (!group) {
      group = { name: key, count: 0, bytes: 0 };
      groups.set(key, group);
    }
    group.count += 1;
    group.bytes += file.nodes[offset + sizeField]!;
  }
  return [...groups.values()].sort((left, right) => right.bytes - left.bytes);
}

/** Writes a heap snapshot of this process (which forces a full GC first) and summarizes it. */
export function heapSummary(): HeapGroup[] {
  const path = writeHeapSnapshot(join(tmpdir(), `ffc-bench-heap-${process.pid}.heapsnapshot`));
  try {
    return summarizeSnapshot(JSON.parse(readFileSync(path, "utf8")) as HeapSnapshotFile);
  } finally {
    rmSync(path, { force: true });
  }
}

/** One kind of object, in a contender's heap and in its raw SDK's. */
export interface HeapDifference {
  name: string;
  countOver: number;
  bytesOver: number;
  bytes: number;
}

/** The kinds of object a contender holds beyond its baseline's, largest difference first. */
export function heapDifference(contender: readonly HeapGroup[], baseline: readonly HeapGroup[], top = 12) {
  const base = new Map(baseline.map((group) => [group.name, group]));
  const names = new Set([...contender.map((group) => group.name), ...base.keys()]);
  const mine = new Map(contender.map((group) => [group.name, group]));
  const differences: HeapDifference[] = [...names].map((name) => {
    const own = mine.get(name) ?? { count: 0, bytes: 0 };
    const theirs = base.get(name) ?? { count: 0, bytes: 0 };
    return {
      name,
      countOver: own.count - theirs.count,
      bytesOver: own.bytes - theirs.bytes,
      bytes: own.bytes,
    };
  });
  return differences.sort((left, right) => right.bytesOver - left.bytesOver).slice(0, top);
}
