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

# wait_http NAME URL PID SECONDS [LOG PATTERN]: polls until URL answers 200. Fails (status 1)
# when PID died, when LOG shows PATTERN (a server that reports a failed start but stays up),
# or after SECONDS.
wait_http() {
  local name=$1 url=$2 pid=$3 limit=$4 logfile=${5:-} pattern=${6:-} start=$SECONDS
  until curl -fs -o /dev/null --max-time 2 "$url"; do
    if ! kill -0 "$pid" 2>/dev/null; then log "$name (pid $pid) exited before it was ready"; return 1; fi
    if [[ -n $pattern ]] && grep -qE "$pattern" "$logfile"; then log "$name failed to start: $(grep -m1 -oE "$pattern" "$logfile")"; return 1; fi
    if ((SECONDS - start >= limit)); then log "$name not ready after ${limit}s at $url"; return 1; fi
    sleep 0.5
  done
  log "$name ready after $((SECONDS - start))s"
}

start_thumbler() {
  local checkout=$1 originals=$2 try
  # Payara can lose a port race with the other servers on this shared machine; one retry.
  for try in 1 2; do
    launch_thumbler "$checkout" "$originals"
    wait_http Thumbler "http://127.0.0.1:${PORT[thumbler]}/health/ready" "$THUMBLER_PID" 180 \
      "$RAW/thumbler.log" 'Failed to start' && return 0
    stop_one thumbler "$THUMBLER_PID"
    cp "$RAW/thumbler.log" "$RAW/thumbler-failed-start-$try.log"
  done
  die "Thumbler did not start; see $RAW/thumbler-failed-start-*.log"
}

launch_thumbler() {
  local checkout=$1 originals=$2 preboot=()
  [[ -f $checkout/server-config/pre-boot-commands.asadmin ]] &&
    preboot=(--prebootcommandfile "$checkout/server-config/pre-boot-commands.asadmin")
  # A checkout whose pre-boot commands keep the listener closed while deploying opens it here.
  [[ -f $checkout/server-config/post-deploy-commands.asadmin ]] &&
    preboot+=(--postdeploycommandfile "$checkout/server-config/post-deploy-commands.asadmin")
  # The production launch (server-config/jvm.options and MALLOC_ARENA_MAX=2, as the systemd unit
  # and the Dockerfile start it) and default render concurrency: the benchmark wants the memory and
  # speed of the service as shipped. BENCH_THUMBLER_CMD replaces Payara with a
  # stand-in (it gets PORT and the same THUMBLER_* variables): only for working on the harness.
  if [[ -n ${BENCH_THUMBLER_CMD:-} ]]; then
    PORT=${PORT[thumbler]} THUMBLER_KEY=$THUMBLER_KEY THUMBLER_SALT=$THUMBLER_SALT \
      THUMBLER_LOCAL_FILESYSTEM_ROOT=$originals $BENCH_THUMBLER_CMD >"$RAW/thumbler.log" 2>&1 &
  else
    # Loopback only: no AWS metadata probe (no bucket is configured), and the embedded
    # Hazelcast kept off the external interface, as bin/thumbler-dev does. Private temp and
    # cache folders: the defaults (/tmp/thumbler, /tmp/thumbler-cache) are shared with every
    # other Thumbler on the machine (test suites included), whose clean-ups removed in-flight
    # render directories of ours in a trial run; and a disk tier kept from an earlier run
    # would turn "cold" requests into hits.
    # BENCH_JAVA_OPTS (default none) is for experiments.
    # shellcheck disable=SC2086
    THUMBLER_KEY=$THUMBLER_KEY THUMBLER_SALT=$THUMBLER_SALT THUMBLER_LOCAL_FILESYSTEM_ROOT=$originals \
      AWS_EC2_METADATA_DISABLED=true THUMBLER_TEMP_DIR=$WORK/thumbler-tmp THUMBLER_CACHE_DIR=$WORK/thumbler-cache \
      MALLOC_ARENA_MAX=2 java "@$checkout/server-config/jvm.options" ${BENCH_JAVA_OPTS:-} -Dhazelcast.socket.bind.any=false \
      -jar "$checkout/target/payara-micro.jar" --deploy "$checkout/target/thumbler.war" \
      --contextroot / --port "${PORT[thumbler]}" --nohazelcast --interfaces 127.0.0.1 "${preboot[@]}" \
      >"$RAW/thumbler.log" 2>&1 &
  fi
  THUMBLER_PID=$!
  remember thumbler "$THUMBLER_PID"
}

start_sharp() {
  PORT=${PORT[sharp]} ROOT=$1 node "$BENCH/peers/sharp/server.mjs" >"$RAW/sharp.log" 2>&1 &
  local pid=$!
  remember sharp "$pid"
  wait_http sharp "http://127.0.0.1:${PORT[sharp]}/health" "$pid" 20 || die "sharp peer did not start (see $RAW/sharp.log)"
}

start_nginx() {
  local work=$WORK/nginx try pid
  mkdir -p "$work/tmp" "$work/root"
  echo ok >"$work/root/health"
  export NGINX_ROOT=$work/root
  # The ports lie in Linux's ephemeral range: an outgoing connection of a server started before
  # (Payara's, say) can hold nginx's port by the time nginx binds it. Then another free port.
  for try in 1 2 3; do
    sed -e "s#@WORK@#$work#g" -e "s#@ROOT@#$work/root#g" -e "s#@PORT@#${PORT[nginx]}#g" \
      "$BENCH/peers/nginx/nginx.conf.in" >"$work/nginx.conf"
    nginx -p "$work" -c "$work/nginx.conf" >"$RAW/nginx.log" 2>&1 &
    pid=$!
    remember nginx "$pid"
    wait_http nginx "http://127.0.0.1:${PORT[nginx]}/health" "$pid" 20 && { export NGINX_URL=http://127.0.0.1:${PORT[nginx]}; return 0; }
    stop_one nginx "$pid"
    log "nginx could not bind ${PORT[nginx]}: $(tail -1 "$RAW/nginx.log")"
    PORT[nginx]=$(free_port)
  done
  die "nginx did not start (see $RAW/nginx.log)"
}

# A free loopback port above the run's block, for a server whose port was taken meanwhile.
free_port() {
  local p
  for p in $(seq $((${BENCH_PORT_BASE:-38400} + 100)) $((${BENCH_PORT_BASE:-38400} + 199))); do
    port_busy "$p" || { echo "$p"; return 0; }
  done
  die "no free port above ${BENCH_PORT_BASE:-38400}"
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
  wait_http Varnish "http://127.0.0.1:${PORT[varnish]}/health" "$pid" 20 || die "Varnish did not start (see $RAW/varnish.log)"
}

# Stops one server: TERM (QUIT for nginx: graceful), then KILL after 15 s. Forgets its PID.
stop_one() {
  local role=$1 pid=$2 sig=TERM waited i
  for i in "${!STARTED_PIDS[@]}"; do [[ ${STARTED_PIDS[i]} == "$role=$pid" ]] && unset 'STARTED_PIDS[i]'; done
  kill -0 "$pid" 2>/dev/null || { log "$role (pid $pid) had already exited"; return 0; }
  [[ $role == nginx ]] && sig=QUIT
  kill -s "$sig" "$pid" 2>/dev/null || true
  for ((waited = 0; waited < 30; waited++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then kill -s KILL "$pid" 2>/dev/null || true; log "killed $role (pid $pid)"; else log "stopped $role (pid $pid)"; fi
}

# Stops what this run started, newest first.
stop_all() {
  local i entry
  local live=("${STARTED_PIDS[@]}") # stop_one unsets entries: iterate over a copy
  for ((i = ${#live[@]} - 1; i >= 0; i--)); do
    entry=${live[i]}
    stop_one "${entry%%=*}" "${entry#*=}"
  done
  STARTED_PIDS=()
}

bench_pids() { local IFS=,; echo "${STARTED_PIDS[*]}"; }
