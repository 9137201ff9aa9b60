#!/usr/bin/env bash
# Stops the Redis servers started by redis-up.sh.
state_dir="${FFC_REDIS_STATE_DIR:-/tmp/ffc-redis}"
for pidfile in "$state_dir"/*/redis.pid; do
  [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
done
exit 0
