#!/usr/bin/env bash
# Starts the Redis servers the test suite needs, on loopback only, and prints the env to use:
# one standalone server (port 6390) and a 3-node cluster (ports 7000-7002), all without
# persistence. Installs redis-server with apt when it is missing and we are root.
# Usage: source <(bash scripts/redis-up.sh)   or   bash scripts/redis-up.sh > /tmp/ffc-redis.env
set -euo pipefail
state_dir="${FFC_REDIS_STATE_DIR:-/tmp/ffc-redis}"
if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "redis-server not found; installing it with apt-get" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >&2
  else
    echo "ERROR: redis-server is not installed and cannot be installed here (need root and apt-get)." >&2
    echo "Install Redis 7 (e.g. apt-get install redis-server) and run the tests again." >&2
    exit 1
  fi
fi
mkdir -p "$state_dir"

start_server() { # port [extra args...]
  local port=$1; shift
  if redis-cli -p "$port" ping >/dev/null 2>&1; then return 0; fi
  mkdir -p "$state_dir/$port"
  (cd "$state_dir/$port" && redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
    --daemonize yes --pidfile "$state_dir/$port/redis.pid" --logfile "$state_dir/$port/redis.log" "$@")
  for _ in $(seq 1 50); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "ERROR: Redis on port $port did not start; see $state_dir/$port/redis.log" >&2
  exit 1
}

start_server 6390
for port in 7000 7001 7002; do
  rm -f "$state_dir/$port/nodes.conf"
  start_server "$port" --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 2000
done
if ! redis-cli -p 7000 cluster info 2>/dev/null | grep -q 'cluster_state:ok'; then
  # A half-formed cluster (left by an interrupted run) must be emptied before it can be created.
  for port in 7000 7001 7002; do
    redis-cli -p "$port" flushall >/dev/null 2>&1 || true
    redis-cli -p "$port" cluster reset hard >/dev/null 2>&1 || true
  done
  redis-cli --cluster create 127.0.0.1:7000 127.0.0.1:7001 127.0.0.1:7002 --cluster-replicas 0 --cluster-yes >&2
  for _ in $(seq 1 100); do
    redis-cli -p 7000 cluster info | grep -q 'cluster_state:ok' && break
    sleep 0.1
  done
fi
redis-cli -p 7000 cluster info | grep -q 'cluster_state:ok' || { echo "ERROR: the Redis cluster did not form" >&2; exit 1; }
echo "export FFC_REDIS_URL=redis://127.0.0.1:6390"
echo "export FFC_REDIS_CLUSTER_NODES=127.0.0.1:7000,127.0.0.1:7001,127.0.0.1:7002"
