import { promises as fs } from "node:fs";
import path from "node:path";
import {
  type BudgetReserveOutcome,
  type BudgetStore,
  type BudgetUsage,
  checkOptions,
  option,
} from "@ffc/core/plugin";
import {
  type BudgetLedger,
  type BudgetReserveRequest,
  type BudgetSettleRequest,
  emptyLedger,
  isLedgerExpired,
  pruneLedger,
  reserveInLedger,
  settleInLedger,
  usageOfLedger,
} from "./budget-ledger";
import { withFileLock } from "./file-lock";

/** Options of a FileBudgetStore. */
export interface FileBudgetStoreOptions {
  /** The JSON file that holds the budgets; its folder must exist. A lock file sits beside it. */
  path: string;
  /**
   * Give up waiting for the lock after this long, in ms.
   * @default 10000
   */
  lockTimeoutMs?: number;
  /**
   * Treat a lock held longer than this as left by a crashed process, in ms.
   * @default 30000
   */
  staleLockMs?: number;
  /**
   * The clock, in ms since the epoch.
   * @default Date.now
   */
  now?: () => number;
}

const fileStoreRules = {
  path: option.string({ required: true, example: '"./budget.json"' }),
  lockTimeoutMs: option.number({ min: 0, exclusiveMin: true, default: 10_000 }),
  staleLockMs: option.number({ min: 0, exclusiveMin: true, default: 30_000 }),
  now: option.callback<() => number, { default: () => number }>({
    default: () => Date.now(),
    example: "Date.now",
  }),
};

interface BudgetFile {
  version: 1;
  ledgers: Record<string, BudgetLedger>;
}

/**
 * Budget state in a JSON file, so a daily budget holds across runs of a script and across
 * processes on one machine. Each operation takes a lock file (O_EXCL), reads the file, applies
 * the change and replaces the file by an atomic rename, so a crash never leaves it half-written.
 */
export class FileBudgetStore implements BudgetStore {
  readonly #path: string;
  readonly #lockPath: string;
  readonly #lockTimeoutMs: number;
  readonly #staleLockMs: number;
  readonly #now: () => number;
  // Calls of this process queue here first, so they do not compete for the lock file by polling.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: FileBudgetStoreOptions) {
    const checked = checkOptions("FileBudgetStore", options, fileStoreRules, '{ path: "./budget.json" }');
    this.#path = path.resolve(checked.path);
    this.#lockPath = `${this.#path}.lock`;
    this.#lockTimeoutMs = checked.lockTimeoutMs;
    this.#staleLockMs = checked.staleLockMs;
    this.#now = checked.now;
  }

  /** The absolute path of the JSON file. */
  get path(): string {
    return this.#path;
  }

  reserve(request: BudgetReserveRequest): Promise<BudgetReserveOutcome> {
    return this.#update((file, now) => reserveInLedger(ledgerOf(file, request.key, now), request, now));
  }

  settle(request: BudgetSettleRequest): Promise<BudgetUsage> {
    return this.#update((file, now) => settleInLedger(ledgerOf(file, request.key, now), request, now));
  }

  async usage(key: string): Promise<BudgetUsage> {
    const file = await this.#read();
    const ledger = file.ledgers[key];
    const now = this.#now();
    if (!ledger || isLedgerExpired(ledger, now)) return usageOfLedger(emptyLedger());
    pruneLedger(ledger, now);
    return usageOfLedger(ledger);
  }

  #update<T>(change: (file: BudgetFile, now: number) => T): Promise<T> {
    const run = () =>
      withFileLock(
        this.#lockPath,
        { acquireTimeoutMs: this.#lockTimeoutMs, staleMs: this.#staleLockMs },
        async () => {
          const file = await this.#read();
          const now = this.#now();
          for (const [key, ledger] of Object.entries(file.ledgers))
            if (isLedgerExpired(ledger, now)) delete file.ledgers[key];
          const result = change(file, now);
          await this.#write(file);
          return result;
        },
      );
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => {});
    return next;
  }

  async #read(): Promise<BudgetFile> {
    let text: string;
    try {
      text = await fs.readFile(this.#path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return { version: 1, ledgers: {} };
      throw error;
    }
    const parsed = JSON.parse(text) as BudgetFile;
    if (parsed?.version !== 1 || typeof parsed.ledgers !== "object") {
      throw new Error(
        `${this.#path} is not an FFC budget file (version 1); move it away or choose another path.`,
      );
    }
    return parsed;
  }

  async #write(file: BudgetFile): Promise<void> {
    const temporary = `${this.#path}.${process.pid}.${crypto.randomUUID().slice(0, 8)}.tmp`;
    await fs.writeFile(temporary, JSON.stringify(file));
    await fs.rename(temporary, this.#path);
  }
}

function ledgerOf(file: BudgetFile, key: string, now: number): BudgetLedger {
  let ledger = file.ledgers[key];
  if (!ledger) {
    ledger = emptyLedger();
    file.ledgers[key] = ledger;
  }
  pruneLedger(ledger, now);
  return ledger;
}
