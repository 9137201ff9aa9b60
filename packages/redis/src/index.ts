export { RedisBudgetStore, type RedisBudgetStoreOptions } from "./redis-budget-store";
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
