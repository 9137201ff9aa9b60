#!/usr/bin/env bash
# Stops the Redis servers started by redis-up.sh.
state_dir="${FFC_REDIS_STATE_DIR:-/tmp/ffc-redis}"
pids=()
for pidfile in "$state_dir"/*/redis.pid; do
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null && pids+=("$pid")
done
# Wait until they are gone, so that a run starting right after finds the ports free.
for pid in "${pids[@]}"; do
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
done
exit 0
