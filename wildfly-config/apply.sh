#!/usr/bin/env bash
# Applies wildfly-config/*.cli to an unpacked WildFly, offline, in one embedded-server session: to
# standalone-full.xml (one server), and with ha/*.cli after them to standalone-full-ha.xml (a node of a
# cluster, docs/scaling.md).
#
#   apply.sh JBOSS_HOME MODULE_JARS_DIR
#
# MODULE_JARS_DIR holds the jars installed as server modules: postgresql.jar and bcprov.jar (the build
# copies them from Maven Central into target/server-modules).
# The scripts are idempotent; this wrapper also skips the run when neither the scripts nor the jars
# changed since the last successful run (a stamp in JBOSS_HOME), so builds stay fast.
# The Docker image (docker/Dockerfile) runs this same script.
set -euo pipefail

jboss_home=${1:?usage: apply.sh JBOSS_HOME MODULE_JARS_DIR}
jars=$(cd "${2:?usage: apply.sh JBOSS_HOME MODULE_JARS_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
stamp="$jboss_home/.strongroom-config.sha256"

scripts=("$here"/[0-9][0-9]-*.cli)
ha_scripts=("$here"/ha/[0-9][0-9]-*.cli)
digest=$(cat "${scripts[@]}" "${ha_scripts[@]}" "$here/jvm.conf" "$jars/postgresql.jar" "$jars/bcprov.jar" | sha256sum | cut -d' ' -f1)
if [[ -f "$stamp" && "$(cat "$stamp")" == "$digest" ]]; then
    echo "wildfly-config: $jboss_home is up to date"
    exit 0
fi

# The password of the self-signed TLS keystore (45-tls.cli), random for this installation. Only used
# where the key store is first added, so applying again later does not change it.
tls_password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')

session=$(mktemp)
trap 'rm -f "$session"' EXIT
# Server modules are files, not configuration: `module add` only for those not installed yet.
#   org.strongroom.bouncycastle - BouncyCastle for org.strongroom.crypto, instead of an 8 MB jar in the
#     WAR that WildFly would index on every deployment, and instead of WildFly's private BC module
#   org.postgresql - the JDBC driver for STRONGROOM_DB_DRIVER=postgresql
module_add() {
    if [[ ! -d "$jboss_home/modules/${1//.//}/main" ]]; then
        echo "module add --name=$1 --resources=$2${3:+ --dependencies=$3}"
    fi
}
{
    module_add org.strongroom.bouncycastle "$jars/bcprov.jar"
    module_add org.postgresql "$jars/postgresql.jar" "javax.api,jakarta.transaction.api"
    for config in standalone-full.xml standalone-full-ha.xml; do
        echo "embed-server --std-out=discard --server-config=$config"
        config_scripts=("${scripts[@]}")
        [[ $config == standalone-full-ha.xml ]] && config_scripts+=("${ha_scripts[@]}")
        for script in "${config_scripts[@]}"; do
            echo "echo applying $(basename "$script") to $config"
            sed "s/@GENERATED_TLS_PASSWORD@/$tls_password/g" "$script"
            echo
        done
        echo "stop-embedded-server"
    done
} > "$session"

echo "wildfly-config: applying ${#scripts[@]} scripts to $jboss_home"
"$jboss_home/bin/jboss-cli.sh" --file="$session"
# JVM options (jvm.conf) at the end of bin/standalone.conf, between markers: replaced, never repeated.
conf="$jboss_home/bin/standalone.conf"
sed -i '/^# >>> strongroom jvm.conf/,/^# <<< strongroom jvm.conf/d' "$conf"
{
    echo "# >>> strongroom jvm.conf (wildfly-config/apply.sh)"
    grep -v '^#' "$here/jvm.conf"
    echo "# <<< strongroom jvm.conf"
} >> "$conf"
echo "$digest" > "$stamp"
# The configuration (and its history) now holds that password: owner-only, as the keystores beside it,
# whose directory is made here so that Elytron can write the generated TLS keystore into it.
mkdir -p "$jboss_home/standalone/configuration/strongroom"
chmod -R go-rwx "$jboss_home/standalone/configuration"
