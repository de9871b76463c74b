#!/usr/bin/env bash
# Key managers side by side (docs/benchmarks.md, "Key managers"): builds Strongroom and the harness, starts
# two servers — one whose vaults use its built-in key vault or the other's over HTTPS as a remote key
# manager, or a key on a SoftHSM2 token — and writes bench/results/key-managers.json and .md. About five
# minutes. Not part of the test run.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -DskipTests package
mvn -B -q -f bench/pom.xml package
# The key vaults answer at hosts of their own; this JVM and both servers resolve them from this file alone.
hosts=target/bench-key-managers.hosts
printf '%s\n' "127.0.0.1 localhost" "127.0.0.1 login.vault.local.test" "127.0.0.1 local-kv.vault.local.test" \
    "127.0.0.1 login.vault.remote.test" "127.0.0.1 remote-kv.vault.remote.test" > "$hosts"
# A SoftHSM2 token with an RSA-2048 key and its certificate (softhsm2 and opensc: installed when missing).
if [ ! -e /usr/lib/softhsm/libsofthsm2.so ] || ! command -v pkcs11-tool >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q && apt-get install -y -q softhsm2 opensc
fi
hsm="$PWD/target/bench-key-managers-hsm"
rm -rf "$hsm" && mkdir -p "$hsm/tokens"
printf 'directories.tokendir = %s
objectstore.backend = file
log.level = ERROR
' "$hsm/tokens" > "$hsm/softhsm2.conf"
export SOFTHSM2_CONF="$hsm/softhsm2.conf"
softhsm2-util --init-token --free --label bench-hsm --pin 4321 --so-pin 87654321 >/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$hsm/k1.pem" -subj /CN=kek -days 30 -out "$hsm/kek.crt" 2>/dev/null
openssl pkcs8 -topk8 -nocrypt -in "$hsm/k1.pem" -out "$hsm/kek.key"
softhsm2-util --import "$hsm/kek.key" --token bench-hsm --label kek --id 01 --pin 4321 >/dev/null
openssl x509 -in "$hsm/kek.crt" -outform DER -out "$hsm/kek.der"
pkcs11-tool --module /usr/lib/softhsm/libsofthsm2.so --token-label bench-hsm --login --pin 4321 \
    --write-object "$hsm/kek.der" --type cert --id 01 --label kek >/dev/null 2>&1
rm -f "$hsm/k1.pem" "$hsm/kek.key"
java -Djdk.net.hosts.file="$PWD/$hosts" -cp bench/target/strongroom-bench.jar org.strongroom.bench.KeyManagerBench "$PWD"
