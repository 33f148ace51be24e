#!/usr/bin/env bash
# Thumbler on a full Payara Server: creates and configures a domain for it, and deploys, redeploys and
# undeploys the WAR without restarting the domain. Written against Payara Server 6.2025.9.
#
#   PAYARA_HOME=/opt/payara6 deploy/payara-server/thumbler-domain.sh create
#   PAYARA_HOME=/opt/payara6 deploy/payara-server/thumbler-domain.sh deploy target/thumbler.war
#
# Commands:
#   create            create the domain, configure it (configure below) and start it
#   configure         apply the configuration to the running domain (a restart applies JVM options and listeners)
#   settings          (re)apply the thumbler.* settings; a redeploy picks them up, no restart needed
#   start | stop | restart
#   deploy [war]      deploy the WAR at the server root, or replace the deployed one (default target/thumbler.war)
#   undeploy
#   status            the domain and its applications
#   delete            stop and delete the domain (the admin password file is left where it is)
#   group-create      on the running domain: a deployment group of THUMBLER_INSTANCES instances sharing renditions
#   group-settings | group-start | group-stop | group-deploy [war] | group-undeploy | group-delete
#
# Environment (defaults in brackets):
#   PAYARA_HOME                    the distribution's root, the directory holding bin/asadmin (required)
#   THUMBLER_SETTINGS              a file of thumbler.* settings, one key=value per line (# comments) [none]
#   THUMBLER_DOMAIN                domain name [thumbler]
#   THUMBLER_DOMAIN_DIR            directory of domains [$PAYARA_HOME/glassfish/domains]
#   THUMBLER_PORT_BASE             ports follow Payara's --portbase: admin +48, HTTP +80, JMX +86 [28000]
#   THUMBLER_HTTP_ADDRESS          address the HTTP listener binds; 0.0.0.0 or a private address for an origin [127.0.0.1]
#   THUMBLER_HEAP                  -Xmx of the domain [512m]
#   THUMBLER_DATA_GRID             off: Payara's Data Grid (Hazelcast) does not start; loopback: it starts bound to 127.0.0.1 [off]
#   THUMBLER_ADMIN_PASSWORD_FILE   asadmin password file (AS_ADMIN_PASSWORD=…); created with a random password by create when
#                                  missing [$THUMBLER_DOMAIN_DIR/$THUMBLER_DOMAIN.admin-password]
#   THUMBLER_INSTANCES             instances in the deployment group (group-* commands) [2]
#   THUMBLER_JVM_OPTIONS           JVM options file [server-config/jvm.options of this repository]
#
# Settings are Java system properties of the server (create-system-properties), the highest-ranked
# MicroProfile Config source: a THUMBLER_* variable in the environment of whoever starts the domain
# cannot override them. Secrets (key, salt, admin token, origin secret, S3 secret key, trust-store
# password) go to the domain's password-alias store and the system property names the alias,
# thumbler.key=${ALIAS=thumbler-key}, so domain.xml holds no secret in clear text.
set -euo pipefail

die() { echo "thumbler-domain: $*" >&2; exit 2; }

[[ -n "${PAYARA_HOME:-}" ]] || die "PAYARA_HOME is not set: point it at the Payara Server distribution (the directory holding bin/asadmin)"
ASADMIN="$PAYARA_HOME/bin/asadmin"
[[ -x "$ASADMIN" ]] || die "PAYARA_HOME=$PAYARA_HOME has no executable bin/asadmin"

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DOMAIN=${THUMBLER_DOMAIN:-thumbler}
DOMAIN_DIR=${THUMBLER_DOMAIN_DIR:-$PAYARA_HOME/glassfish/domains}
PORT_BASE=${THUMBLER_PORT_BASE:-28000}
HTTP_ADDRESS=${THUMBLER_HTTP_ADDRESS:-127.0.0.1}
HEAP=${THUMBLER_HEAP:-512m}
DATA_GRID=${THUMBLER_DATA_GRID:-off}
PASSWORD_FILE=${THUMBLER_ADMIN_PASSWORD_FILE:-$DOMAIN_DIR/$DOMAIN.admin-password}
JVM_OPTIONS=${THUMBLER_JVM_OPTIONS:-$REPO/server-config/jvm.options}
SETTINGS=${THUMBLER_SETTINGS:-}
APP=thumbler

[[ "$PORT_BASE" =~ ^[0-9]+$ ]] && (( PORT_BASE >= 1024 && PORT_BASE <= 65435 )) \
    || die "THUMBLER_PORT_BASE='$PORT_BASE' is not a number from 1024 to 65435"
[[ "$DATA_GRID" == off || "$DATA_GRID" == loopback ]] || die "THUMBLER_DATA_GRID='$DATA_GRID' is neither off nor loopback"
ADMIN_PORT=$((PORT_BASE + 48))
HTTP_PORT=$((PORT_BASE + 80))
JMX_PORT=$((PORT_BASE + 86))
INSTANCES=${THUMBLER_INSTANCES:-2}
[[ "$INSTANCES" =~ ^[1-9]$ ]] || die "THUMBLER_INSTANCES='$INSTANCES' is not a number from 1 to 9"
GROUP=thumbler-group
# What configure and settings act on: the domain's own server (the DAS), or the deployment group's
# config, which all its instances share (use_group).
CFG=server-config
TARGET=server
GRID_ENABLED=$([[ "$DATA_GRID" == off ]] && echo false || echo true)
DEFAULTS=()
use_group() {
    CFG=thumbler-config
    TARGET=thumbler-config
    GRID_ENABLED=true
    DEFAULTS=('thumbler.cluster=true')
}

# Remote commands talk to the admin listener on loopback, where configure binds it.
admin() { "$ASADMIN" --interactive=false --host 127.0.0.1 --port "$ADMIN_PORT" --user admin --passwordfile "$PASSWORD_FILE" "$@"; }
# Local commands (create, start, stop, delete) find the domain by directory.
local_admin() { "$ASADMIN" --interactive=false --user admin --passwordfile "$PASSWORD_FILE" "$@"; }

# asadmin's name=value lists separate entries with ':' and split at '='; both are escaped in values.
escape() { local v=${1//:/\\:}; printf '%s' "${v//=/\\=}"; }

ensure_password_file() {
    if [[ ! -f "$PASSWORD_FILE" ]]; then
        mkdir -p "$(dirname "$PASSWORD_FILE")"
        (umask 077; printf 'AS_ADMIN_PASSWORD=%s\n' "$(head -c 24 /dev/urandom | base64 | tr -d '/+=')" > "$PASSWORD_FILE")
        echo "thumbler-domain: admin password written to $PASSWORD_FILE (user admin)"
    fi
    grep -q '^AS_ADMIN_PASSWORD=.' "$PASSWORD_FILE" || die "$PASSWORD_FILE has no AS_ADMIN_PASSWORD=… line"
}

domain_exists() { [[ -f "$DOMAIN_DIR/$DOMAIN/config/domain.xml" ]]; }

cmd_create() {
    domain_exists && die "domain $DOMAIN already exists in $DOMAIN_DIR (configure it, or delete it first)"
    ensure_password_file
    # create-domain reads the new admin password from AS_ADMIN_PASSWORD.
    local_admin create-domain --domaindir "$DOMAIN_DIR" --portbase "$PORT_BASE" --savelogin=false "$DOMAIN"
    cmd_start
    cmd_configure
    cmd_restart
    echo "thumbler-domain: domain $DOMAIN ready: HTTP $HTTP_ADDRESS:$HTTP_PORT, admin 127.0.0.1:$ADMIN_PORT, JMX 127.0.0.1:$JMX_PORT"
}

cmd_configure() {
    local CONFIG=configs.config.$CFG
    local http1=$CONFIG.network-config.protocols.protocol.http-listener-1.http
    local listeners=$CONFIG.network-config.network-listeners.network-listener
    # Only the HTTP listener faces clients; everything else listens on loopback. The HTTPS listener
    # (http-listener-2) carries Payara's self-signed certificate: off, TLS ends at the load balancer
    # or CloudFront. The IIOP (remote EJB) listeners and the JMS broker serve nothing of Thumbler's.
    admin set \
        "$listeners.http-listener-1.address=$HTTP_ADDRESS" \
        "$listeners.http-listener-2.address=127.0.0.1" \
        "$listeners.http-listener-2.enabled=false" \
        "$listeners.admin-listener.address=127.0.0.1" \
        "$CONFIG.iiop-service.iiop-listener.orb-listener-1.address=127.0.0.1" \
        "$CONFIG.iiop-service.iiop-listener.orb-listener-1.enabled=false" \
        "$CONFIG.iiop-service.iiop-listener.SSL.address=127.0.0.1" \
        "$CONFIG.iiop-service.iiop-listener.SSL.enabled=false" \
        "$CONFIG.iiop-service.iiop-listener.SSL_MUTUALAUTH.address=127.0.0.1" \
        "$CONFIG.iiop-service.iiop-listener.SSL_MUTUALAUTH.enabled=false" \
        "$CONFIG.jms-service.type=DISABLED" \
        "$CONFIG.admin-service.jmx-connector.system.address=127.0.0.1" \
        "$http1.xpowered-by=false" \
        "$http1.server-header=false" \
        "$http1.timeout-seconds=10" \
        "$http1.max-request-headers=50" \
        "$CONFIG.network-config.protocols.protocol.admin-listener.http.xpowered-by=false" \
        "$CONFIG.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=64" \
        "$CONFIG.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=8"
    # Payara's Data Grid: bound to loopback whenever it runs; off unless Thumbler shares renditions.
    admin set-hazelcast-configuration --interfaces=127.0.0.1 --dasbindaddress=127.0.0.1 --daspublicaddress=127.0.0.1
    admin set-hazelcast-configuration --target="$CFG" --enabled="$GRID_ENABLED"
    # No MicroProfile OpenAPI document: it would list every endpoint, admin and playground included.
    admin set-openapi-configuration --target="$TARGET" --enabled=false
    configure_jvm_options
    admin set-log-levels --target="$TARGET" 'io.thumbler=INFO:io.thumbler.access=INFO'
    cmd_settings
}

# server-config/jvm.options, except the heap (Payara Server itself needs more than Micro: about
# 145 MiB of heap in use with Thumbler deployed), plus -Dproduct.name= so that neither the Server
# header nor Payara's own error pages name the product. An option already set under the same name
# is replaced, so configure can run again.
configure_jvm_options() {
    local wanted=() line existing name
    while IFS= read -r line; do
        line=${line%$'\r'}
        [[ -z "${line// }" || "$line" == \#* ]] && continue
        [[ "$line" == -Xmx* || "$line" == -Xms* ]] && continue
        wanted+=("$line")
    done < "$JVM_OPTIONS"
    wanted+=("-Xmx$HEAP" "-Xms64m" "-Dproduct.name=")
    existing=$(admin list-jvm-options --target="$CFG")
    local stale=() created=""
    for line in "${wanted[@]}"; do
        case "$line" in
            -XX:[+-]*) name="-XX:[+-]${line:5}" ;;
            -Xmx* | -Xms*) name="${line:0:4}" ;;
            *=*) name="${line%%=*}=" ;;
            *) name="$line" ;;
        esac
        while IFS= read -r old; do
            [[ -n "$old" ]] && stale+=("$(escape_colons "$old")")
        done <<< "$(grep -E "^$(printf '%s' "$name" | sed 's/[.]/\\./g')" <<< "$existing" || true)"
        created+="${created:+:}$(escape_colons "$line")"
    done
    if (( ${#stale[@]} > 0 )); then
        admin delete-jvm-options --target="$CFG" "$(IFS=:; echo "${stale[*]}")" > /dev/null
    fi
    admin create-jvm-options --target="$CFG" "$created" > /dev/null
    echo "thumbler-domain: JVM options set: ${wanted[*]}"
}
escape_colons() { printf '%s' "${1//:/\\:}"; }

SECRETS=" thumbler.key thumbler.salt thumbler.admin-token thumbler.origin-secret thumbler.s3.secret-key thumbler.https.trust-store-password "

cmd_settings() {
    # Defaults that suit a domain: Thumbler's files under the domain (instance) directory, a bad
    # setting fails the deployment instead of exiting the JVM, which would take the domain down, and
    # the access log goes to server.log (a domain's standard output is not a log anyone collects).
    local -a props=(
        'thumbler.temp-dir=${com.sun.aas.instanceRoot}/thumbler/tmp'
        'thumbler.cache.dir=${com.sun.aas.instanceRoot}/thumbler/cache'
        'thumbler.exit-on-invalid-config=false'
        'thumbler.access-log-target=log'
        "${DEFAULTS[@]}")
    local line key value n=0 aliases
    if [[ -n "$SETTINGS" ]]; then
        [[ -r "$SETTINGS" ]] || die "THUMBLER_SETTINGS=$SETTINGS is not a readable file"
        aliases=$(admin list-password-aliases 2> /dev/null || true)
        while IFS= read -r line || [[ -n "$line" ]]; do
            n=$((n + 1))
            line=${line%$'\r'}
            [[ -z "${line// }" || "$line" =~ ^[[:space:]]*# ]] && continue
            [[ "$line" == *=* ]] || die "$SETTINGS line $n: '$line' is not key=value"
            key=${line%%=*}
            value=${line#*=}
            [[ "$key" =~ ^thumbler\.[a-z0-9.-]+$ ]] || die "$SETTINGS line $n: '$key' is not a thumbler.* key"
            [[ "$value" != *\\* ]] || die "$SETTINGS line $n: the value of $key contains a backslash, which asadmin would mangle"
            if [[ "$SECRETS" == *" $key "* && "$value" != '${ALIAS='* ]]; then
                store_alias "${key//./-}" "$value" "$aliases"
                value="\${ALIAS=${key//./-}}"
            fi
            props+=("$key=$value")
        done < "$SETTINGS"
    fi
    local joined="" p names=" "
    for p in "${props[@]}"; do
        joined+="${joined:+:}${p%%=*}=$(escape "${p#*=}")"
        names+="${p%%=*} "
    done
    # A key left out of the file is removed from the domain, so the file is the whole truth.
    local existing
    existing=$(admin list-system-properties "$TARGET")
    while IFS= read -r p; do
        [[ -z "$p" || "$names" == *" ${p%%=*} "* ]] || admin delete-system-property --target "$TARGET" "${p%%=*}" > /dev/null
    done <<< "$(grep '^thumbler\.' <<< "$existing" || true)"
    admin create-system-properties --target "$TARGET" "$joined" > /dev/null
    echo "thumbler-domain: ${#props[@]} thumbler.* system properties set"
}

store_alias() {
    local name=$1 value=$2 aliases=$3 file verb=create-password-alias
    grep -qx "$name" <<< "$aliases" && verb=update-password-alias
    file=$(mktemp)
    { grep '^AS_ADMIN_PASSWORD=' "$PASSWORD_FILE"; printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$value"; } > "$file"
    "$ASADMIN" --interactive=false --host 127.0.0.1 --port "$ADMIN_PORT" --user admin --passwordfile "$file" "$verb" "$name" > /dev/null \
        || { rm -f "$file"; die "could not store $name in the password-alias store"; }
    rm -f "$file"
}

# Two malloc arenas: server-config/jvm.options explains the memory this saves. The server inherits
# the environment of start-domain (restart-domain would keep the old process's environment).
cmd_start() { MALLOC_ARENA_MAX=2 local_admin start-domain --domaindir "$DOMAIN_DIR" "$DOMAIN"; }
cmd_stop() { local_admin stop-domain --domaindir "$DOMAIN_DIR" "$DOMAIN"; }
cmd_restart() { cmd_stop; cmd_start; }

cmd_deploy() {
    local war=${1:-$REPO/target/thumbler.war}
    [[ -f "$war" ]] || die "no WAR at $war (build it with mvn -B package)"
    # --force replaces a deployed Thumbler in place: undeploy (MXBeans, threads, caches closed) then deploy.
    if ! admin deploy --force=true --name "$APP" --contextroot / "$war"; then
        # asadmin only says a singleton failed; Thumbler's reason (the bad setting, by name) is in the log.
        grep -ho 'Thumbler refuses to start: .*' "$DOMAIN_DIR/$DOMAIN/logs/server.log" 2> /dev/null | tail -1 | sed 's/]]$//' >&2 || true
        return 1
    fi
}

cmd_undeploy() { admin undeploy "$APP"; }

# A deployment group of $INSTANCES instances on this host sharing one config (thumbler-config) and,
# through Payara's Data Grid on loopback, Thumbler's rendition tier (thumbler.cluster=true).
# Instance i gets the port base THUMBLER_PORT_BASE + 100 × i: HTTP on +80, admin +48, JMX +86,
# Data Grid +59. The grid finds its members by a fixed list (tcpip): Payara's default "domain"
# discovery replaces a loopback DAS address by the host's first network address (seen on
# 6.2025.9), where nothing listens, and each instance stayed a grid of one. The DAS is not a
# member; its grid stays as THUMBLER_DATA_GRID says.
cmd_group_create() {
    use_group
    local i members="" node="$PAYARA_HOME/glassfish/nodes/localhost-$DOMAIN"
    # The local node's agent directory remembers the DAS it was made for; one left by a deleted
    # domain of the same name made every create-instance fail (_validate-das-options).
    if [[ -f "$node/agent/config/das.properties" ]] && ! grep -qx "agent.das.port=$ADMIN_PORT" "$node/agent/config/das.properties"; then
        compgen -G "$node/thumbler-*" > /dev/null && die "$node holds instances of another domain named $DOMAIN; delete them first"
        rm -rf -- "$node/agent"
        echo "thumbler-domain: removed $node/agent, left by an earlier domain named $DOMAIN"
    fi
    for ((i = 1; i <= INSTANCES; i++)); do
        members+="${members:+,}127.0.0.1:$((PORT_BASE + 100 * i + 59))"
    done
    admin copy-config default-config "$CFG"
    cmd_configure
    admin set-hazelcast-configuration --clustermode=tcpip --tcpipmembers="$members"
    admin create-deployment-group "$GROUP"
    for ((i = 1; i <= INSTANCES; i++)); do
        admin create-instance --node "localhost-$DOMAIN" --config "$CFG" --deploymentgroup "$GROUP" \
            --portbase $((PORT_BASE + 100 * i)) --systemproperties "HZ_LISTENER_PORT=$((PORT_BASE + 100 * i + 59))" "thumbler-$i"
        # create-instance only warns when it cannot make the instance's files.
        [[ -d "$node/thumbler-$i" ]] || die "create-instance made no directory for thumbler-$i in $node (see its output above)"
    done
    echo "thumbler-domain: deployment group $GROUP: HTTP on $HTTP_ADDRESS ports" \
        "$(for ((i = 1; i <= INSTANCES; i++)); do printf '%s ' $((PORT_BASE + 100 * i + 80)); done)"
}
cmd_group_start() { admin start-deployment-group "$GROUP"; }
cmd_group_stop() { admin stop-deployment-group "$GROUP"; }
cmd_group_deploy() {
    local war=${1:-$REPO/target/thumbler.war}
    [[ -f "$war" ]] || die "no WAR at $war (build it with mvn -B package)"
    # One application name per domain: Payara refuses a second target with "Keys cannot be duplicate".
    if admin list-applications server 2> /dev/null | grep -q "^$APP "; then
        die "$APP is deployed on the domain's own server (the DAS): run undeploy first, then group-deploy"
    fi
    admin deploy --force=true --target "$GROUP" --name "$APP" --contextroot / "$war"
}
cmd_group_undeploy() { admin undeploy --target "$GROUP" "$APP"; }
cmd_group_settings() { use_group; cmd_settings; }
cmd_group_delete() {
    # Undeployed first: an application left without a target still holds its name in the domain.
    admin undeploy --target "$GROUP" "$APP" 2> /dev/null || true
    # Each instance is stopped and seen stopped (its JVM gone, its admin port closed) before it is
    # deleted, so that the files removed below surely belong to no running server.
    local i dir
    for ((i = 1; i <= INSTANCES; i++)); do
        dir="$PAYARA_HOME/glassfish/nodes/localhost-$DOMAIN/thumbler-$i"
        admin stop-instance "thumbler-$i" || true
        wait_until_stopped "$dir" $((PORT_BASE + 100 * i + 48))
        admin delete-instance "thumbler-$i" || true
        if [[ -d "$dir" ]]; then
            # Payara 6.2025.9 mostly keeps the instance's files ("The instance is running") although
            # its JVM has exited and its admin port is closed (checked above): remove them, as its
            # own delete-local-instance would.
            rm -rf -- "$dir"
            echo "thumbler-domain: removed the files of the stopped instance thumbler-$i ($dir)"
        fi
    done
    # Nothing but the node's agent directory is left: it names this DAS, so it goes too.
    local node="$PAYARA_HOME/glassfish/nodes/localhost-$DOMAIN"
    compgen -G "$node/thumbler-*" > /dev/null || rm -rf -- "$node"
    admin delete-deployment-group "$GROUP" || true
    admin delete-config thumbler-config
}

# Waits (up to a minute) until the instance in $1 has no live JVM and its admin port $2 is closed.
wait_until_stopped() {
    local pid _
    for _ in {1..60}; do
        pid=$(cat "$1/config/pid" 2> /dev/null || true)
        if ! { [[ -n "$pid" ]] && kill -0 "$pid" 2> /dev/null; } && ! (exec 3<> "/dev/tcp/127.0.0.1/$2") 2> /dev/null; then
            return 0
        fi
        sleep 1
    done
    die "instance in $1 is still running a minute after stop-instance"
}

cmd_status() {
    local_admin list-domains --domaindir "$DOMAIN_DIR"
    admin list-applications --long || true
    admin list-instances --long 2> /dev/null || true
}

cmd_delete() {
    domain_exists || die "no domain $DOMAIN in $DOMAIN_DIR"
    local_admin stop-domain --domaindir "$DOMAIN_DIR" "$DOMAIN" || true
    local_admin delete-domain --domaindir "$DOMAIN_DIR" "$DOMAIN"
}

case "${1:-}" in
    create) cmd_create ;;
    configure) cmd_configure ;;
    settings) cmd_settings ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    restart) cmd_restart ;;
    deploy | redeploy) cmd_deploy "${2:-}" ;;
    undeploy) cmd_undeploy ;;
    status) cmd_status ;;
    delete) cmd_delete ;;
    group-create) cmd_group_create ;;
    group-settings) cmd_group_settings ;;
    group-start) cmd_group_start ;;
    group-stop) cmd_group_stop ;;
    group-deploy | group-redeploy) cmd_group_deploy "${2:-}" ;;
    group-undeploy) cmd_group_undeploy ;;
    group-delete) cmd_group_delete ;;
    *) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
esac
