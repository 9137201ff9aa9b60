import { randomUUID } from "node:crypto";

/** The standalone Redis the tests use (see scripts/redis-up.sh). */
export const testRedisUrl = process.env.FFC_REDIS_URL ?? "redis://127.0.0.1:6390";

/** The Redis Cluster seed nodes the tests use. */
export const testClusterNodes =
  process.env.FFC_REDIS_CLUSTER_NODES ?? "127.0.0.1:7000,127.0.0.1:7001,127.0.0.1:7002";

/** A key prefix unique to one test run, so parallel runs never see each other's keys. */
export function uniquePrefix(label: string): string {
  return `ffc-test-${label}-${randomUUID().slice(0, 8)}`;
}
