// A separate process using a FileBudgetStore, for the cross-process tests.
import { FileBudgetStore } from "../file-budget-store";

const [file, mode, label, count] = process.argv.slice(2);
const store = new FileBudgetStore({ path: file! });
const key = "global|day:test";

if (mode === "spend") {
  await store.reserve({
    key,
    reservationId: label!,
    amount: { tokens: 1000, usd: 0 },
    limits: { tokens: 10_000 },
    ttlMs: 60_000,
    expireKeyAfterMs: 0,
  });
  await store.settle({
    key,
    reservationId: label!,
    actual: { tokens: Number(count), usd: 0 },
    rememberMs: 60_000,
    expireKeyAfterMs: 0,
  });
} else {
  let admitted = 0;
  for (let index = 0; index < Number(count); index += 1) {
    const outcome = await store.reserve({
      key,
      reservationId: `${label}-${index}`,
      amount: { tokens: 10, usd: 0 },
      limits: { tokens: 400 },
      ttlMs: 60_000,
      expireKeyAfterMs: 0,
    });
    if (outcome.ok) admitted += 1;
  }
  process.stdout.write(String(admitted));
}
