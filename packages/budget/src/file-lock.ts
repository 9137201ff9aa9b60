import { promises as fs } from "node:fs";

// Ids come from the global Web Crypto, not node:crypto: @ffc/budget's index loads this file, and
// importing node:crypto costs ~5 ms of every app's start-up, FileBudgetStore or not.

/** Options of `withFileLock`. */
export interface FileLockOptions {
  /** Give up acquiring after this long, in ms. */
  acquireTimeoutMs: number;
  /** A lock held longer than this is taken to belong to a hung or crashed process, in ms. */
  staleMs: number;
}

/**
 * Runs `work` while holding `lockPath`, a lock file created with O_EXCL ("wx"), so that one
 * process at a time on this machine runs it. A lock whose owner process is gone, or that is
 * older than `staleMs`, is recovered: it is first renamed to a unique name (only one process
 * can win that rename) and restored if it turns out to be a fresh lock after all.
 */
export async function withFileLock<T>(
  lockPath: string,
  options: FileLockOptions,
  work: () => Promise<T>,
): Promise<T> {
  const token = `${process.pid} ${crypto.randomUUID()}`;
  const deadline = Date.now() + options.acquireTimeoutMs;
  let wait = 1;
  for (;;) {
    try {
      const handle = await fs.open(lockPath, "wx");
      try {
        await handle.writeFile(token);
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    await recoverStaleLock(lockPath, options.staleMs);
    if (Date.now() > deadline) {
      throw new Error(
        `Could not lock ${lockPath} within ${options.acquireTimeoutMs} ms; another process holds it. Remove the file if no FFC process is running.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, wait + Math.random() * wait));
    wait = Math.min(wait * 2, 20);
  }
  try {
    return await work();
  } finally {
    await releaseLock(lockPath, token);
  }
}

async function releaseLock(lockPath: string, token: string): Promise<void> {
  // Only remove our own lock: if it was (wrongly) recovered as stale, another process owns it now.
  const current = await fs.readFile(lockPath, "utf8").catch(() => undefined);
  if (current === token) await fs.unlink(lockPath).catch(() => {});
}

async function recoverStaleLock(lockPath: string, staleMs: number): Promise<void> {
  let content: string;
  let modified: number;
  try {
    content = await fs.readFile(lockPath, "utf8");
    modified = (await fs.stat(lockPath)).mtimeMs;
  } catch {
    return;
  }
  const ownerPid = Number(content.split(" ")[0]);
  const ownerGone = content !== "" && Number.isInteger(ownerPid) && !isProcessAlive(ownerPid);
  // An empty lock file is one being written this instant; only age makes it stale.
  if (!ownerGone && Date.now() - modified < staleMs) return;
  const moved = `${lockPath}.stale-${crypto.randomUUID()}`;
  try {
    await fs.rename(lockPath, moved);
  } catch {
    return;
  }
  const movedContent = await fs.readFile(moved, "utf8").catch(() => "");
  if (movedContent !== content) {
    // We moved a fresh lock taken after we looked: put it back unless someone locked meanwhile.
    await fs.link(moved, lockPath).catch(() => {});
  }
  await fs.unlink(moved).catch(() => {});
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
