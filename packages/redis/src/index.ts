export { RedisBreakerStore, type RedisBreakerStoreOptions } from "./redis-breaker-store";
export { RedisBudgetStore, type RedisBudgetStoreOptions } from "./redis-budget-store";
export { RedisCacheStore, type RedisCacheStoreOptions } from "./redis-cache-store";
export {
  createRedisClient,
  isRedisClient,
  parseClusterNodes,
  parseRedisUrl,
  type RedisClient,
  type RedisConnection,
  type RedisConnectionInput,
  type RedisConnectionOptions,
  type RedisFailMode,
} from "./redis-connection";
export { defaultKeyPrefix, hashTagOf, isValidKeyPrefix, redisKey, redisKeyFamily } from "./redis-keys";
export { RedisRateLimitStore, type RedisRateLimitStoreOptions } from "./redis-rate-limit-store";
export { RedisUsageStore, type RedisUsageStoreOptions } from "./redis-usage-store";
