/**
 * Lua scripts of the Redis budget store. Each runs atomically on one Cluster slot: its four
 * keys share a hash tag. They mirror @ffc/budget's ledger rules exactly; USD is counted in whole
 * nano-dollars so that sums stay exact. Time comes from the Redis server (TIME), so every
 * process agrees on when a reservation expires.
 *
 * KEYS: 1 state hash (spent and reserved sums), 2 reservations hash (id → "tokens:nano"),
 * 3 reservation expiry zset (id → expires at), 4 settled zset (id → forget at).
 */

// Negation is written "0 - x": Lua's -0 would be sent as "-0", which HINCRBY rejects.
const prelude = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local expired = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now)
for _, id in ipairs(expired) do
  local held = redis.call('HGET', KEYS[2], id)
  if held then
    local separator = string.find(held, ':', 1, true)
    redis.call('HINCRBY', KEYS[1], 'reservedTokens', 0 - tonumber(string.sub(held, 1, separator - 1)))
    redis.call('HINCRBY', KEYS[1], 'reservedNano', 0 - tonumber(string.sub(held, separator + 1)))
    redis.call('HDEL', KEYS[2], id)
  end
end
if #expired > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now) end
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now)
local function usage(ok, exceeded)
  local state = redis.call('HMGET', KEYS[1], 'spentTokens', 'spentNano', 'reservedTokens', 'reservedNano')
  return { ok, exceeded, tonumber(state[1] or 0), tonumber(state[2] or 0), tonumber(state[3] or 0),
    tonumber(state[4] or 0), redis.call('HLEN', KEYS[2]) }
end
local function keep(milliseconds)
  if milliseconds > 0 then
    for _, key in ipairs(KEYS) do redis.call('PEXPIRE', key, milliseconds) end
  end
end
`;

/** ARGV: id, tokens, nano, token limit ("" for none), nano limit ("" for none), ttl ms, keep ms. */
export const reserveScript = `${prelude}
local id = ARGV[1]
local tokens = tonumber(ARGV[2])
local nano = tonumber(ARGV[3])
keep(tonumber(ARGV[7]))
if redis.call('HEXISTS', KEYS[2], id) == 1 or redis.call('ZSCORE', KEYS[4], id) then
  return usage(1, '')
end
local state = redis.call('HMGET', KEYS[1], 'spentTokens', 'spentNano', 'reservedTokens', 'reservedNano')
local spentTokens, spentNano = tonumber(state[1] or 0), tonumber(state[2] or 0)
local reservedTokens, reservedNano = tonumber(state[3] or 0), tonumber(state[4] or 0)
if ARGV[4] ~= '' and spentTokens + reservedTokens + tokens > tonumber(ARGV[4]) then return usage(0, 'tokens') end
if ARGV[5] ~= '' and spentNano + reservedNano + nano > tonumber(ARGV[5]) then return usage(0, 'usd') end
redis.call('HSET', KEYS[2], id, ARGV[2] .. ':' .. ARGV[3])
redis.call('ZADD', KEYS[3], now + tonumber(ARGV[6]), id)
redis.call('HINCRBY', KEYS[1], 'reservedTokens', tokens)
redis.call('HINCRBY', KEYS[1], 'reservedNano', nano)
keep(tonumber(ARGV[7]))
return usage(1, '')
`;

/** ARGV: id, actual tokens, actual nano, remember ms, keep ms. */
export const settleScript = `${prelude}
local id = ARGV[1]
if redis.call('ZSCORE', KEYS[4], id) then return usage(1, '') end
local held = redis.call('HGET', KEYS[2], id)
if held then
  local separator = string.find(held, ':', 1, true)
  redis.call('HINCRBY', KEYS[1], 'reservedTokens', 0 - tonumber(string.sub(held, 1, separator - 1)))
  redis.call('HINCRBY', KEYS[1], 'reservedNano', 0 - tonumber(string.sub(held, separator + 1)))
  redis.call('HDEL', KEYS[2], id)
  redis.call('ZREM', KEYS[3], id)
end
redis.call('HINCRBY', KEYS[1], 'spentTokens', ARGV[2])
redis.call('HINCRBY', KEYS[1], 'spentNano', ARGV[3])
redis.call('ZADD', KEYS[4], now + tonumber(ARGV[4]), id)
keep(tonumber(ARGV[5]))
return usage(1, '')
`;

/** No ARGV: prunes expired reservations and returns the usage. */
export const usageScript = `${prelude}
return usage(1, '')
`;
