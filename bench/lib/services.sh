# Starting and stopping the servers of one bench run (sourced by bench/run).
# Every server runs in the foreground as our own child; its PID goes into STARTED_PIDS and
# stop_all ends exactly those PIDs, nothing found by name.

STARTED_PIDS=()      # "role=pid", in start order
declare -A PORT      # role -> port

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Picks five consecutive free ports from BENCH_PORT_BASE (others run servers on this machine too).
pick_ports() {
  local base=${BENCH_PORT_BASE:-38400} try p ok
  for try in 0 1 2 3 4 5 6 7; do
    ok=1
    for p in $(seq $((base + try * 10)) $((base + try * 10 + 4))); do port_busy "$p" && ok=0; done
    if ((ok)); then
      local b=$((base + try * 10))
      PORT[thumbler]=$b PORT[sharp]=$((b + 1)) PORT[nginx]=$((b + 2)) PORT[varnish]=$((b + 3)) PORT[varnish_admin]=$((b + 4))
      return 0
    fi
  done
  die "no free block of ports from $base"
}

remember() { STARTED_PIDS+=("$1=$2"); log "started $1 (pid $2)"; }

# wait_http NAME URL PID SECONDS: polls until URL answers 200; fails early if PID died.
wait_http() {
  local name=$1 url=$2 pid=$3 limit=$4 start=$SECONDS
  until curl -fs -o /dev/null --max-time 2 "$url"; do
    kill -0 "$pid" 2>/dev/null || die "$name (pid $pid) exited before it was ready; see its log in $RAW"
    ((SECONDS - start < limit)) || die "$name not ready after ${limit}s at $url"
    sleep 0.5
  done
  log "$name ready after $((SECONDS - start))s"
}

start_thumbler() {
  local checkout=$1 originals=$2 preboot=()
  [[ -f $checkout/server-config/pre-boot-commands.asadmin ]] &&
    preboot=(--prebootcommandfile "$checkout/server-config/pre-boot-commands.asadmin")
  # Default settings on purpose (no -Xmx, default render concurrency): issue 8 asks for the
  # memory and speed of the service as shipped. BENCH_THUMBLER_CMD replaces Payara with a
  # stand-in (it gets PORT and the same THUMBLER_* variables): only for working on the harness.
  if [[ -n ${BENCH_THUMBLER_CMD:-} ]]; then
    PORT=${PORT[thumbler]} THUMBLER_KEY=$THUMBLER_KEY THUMBLER_SALT=$THUMBLER_SALT \
      THUMBLER_LOCAL_FILESYSTEM_ROOT=$originals $BENCH_THUMBLER_CMD >"$RAW/thumbler.log" 2>&1 &
  else
    THUMBLER_KEY=$THUMBLER_KEY THUMBLER_SALT=$THUMBLER_SALT THUMBLER_LOCAL_FILESYSTEM_ROOT=$originals \
      java -jar "$checkout/target/payara-micro.jar" --deploy "$checkout/target/thumbler.war" \
      --contextroot / --port "${PORT[thumbler]}" --nocluster "${preboot[@]}" \
      >"$RAW/thumbler.log" 2>&1 &
  fi
  local pid=$!
  remember thumbler "$pid"
  wait_http Thumbler "http://127.0.0.1:${PORT[thumbler]}/health/ready" "$pid" 180
}

start_sharp() {
  PORT=${PORT[sharp]} ROOT=$1 node "$BENCH/peers/sharp/server.mjs" >"$RAW/sharp.log" 2>&1 &
  local pid=$!
  remember sharp "$pid"
  wait_http sharp "http://127.0.0.1:${PORT[sharp]}/health" "$pid" 20
}

start_nginx() {
  local work=$WORK/nginx
  mkdir -p "$work/tmp" "$work/root"
  sed -e "s#@WORK@#$work#g" -e "s#@ROOT@#$work/root#g" -e "s#@PORT@#${PORT[nginx]}#g" \
    "$BENCH/peers/nginx/nginx.conf.in" >"$work/nginx.conf"
  echo ok >"$work/root/health"
  nginx -p "$work" -c "$work/nginx.conf" >"$RAW/nginx.log" 2>&1 &
  local pid=$!
  remember nginx "$pid"
  export NGINX_ROOT=$work/root
  wait_http nginx "http://127.0.0.1:${PORT[nginx]}/health" "$pid" 20
}

start_varnish() {
  local work=$WORK/varnish
  mkdir -p "$work"
  sed -e "s#@NGINX_PORT@#${PORT[nginx]}#g" "$BENCH/peers/varnish/default.vcl.in" >"$work/default.vcl"
  varnishd -F -j none -n "$work/n" -a "127.0.0.1:${PORT[varnish]}" -T "127.0.0.1:${PORT[varnish_admin]}" \
    -f "$work/default.vcl" -s malloc,64m -p thread_pools=1 >"$RAW/varnish.log" 2>&1 &
  local pid=$!
  remember varnish "$pid"
  export VARNISH_WORKDIR=$work/n
  wait_http Varnish "http://127.0.0.1:${PORT[varnish]}/health" "$pid" 20
}

# Stops what this run started, newest first: TERM (QUIT for nginx: graceful), then KILL after 15 s.
stop_all() {
  local i entry role pid sig waited
  for ((i = ${#STARTED_PIDS[@]} - 1; i >= 0; i--)); do
    entry=${STARTED_PIDS[i]} role=${entry%%=*} pid=${entry#*=}
    kill -0 "$pid" 2>/dev/null || continue
    sig=TERM; [[ $role == nginx ]] && sig=QUIT
    kill -s "$sig" "$pid" 2>/dev/null || true
    for ((waited = 0; waited < 30; waited++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then kill -s KILL "$pid" 2>/dev/null || true; log "killed $role (pid $pid)"; else log "stopped $role (pid $pid)"; fi
  done
  STARTED_PIDS=()
}

bench_pids() { local IFS=,; echo "${STARTED_PIDS[*]}"; }
