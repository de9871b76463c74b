#!/usr/bin/env bash
# Key managers side by side (docs/benchmarks.md, "Key managers"): builds Strongroom and the harness, starts
# two servers — one whose vaults use its built-in key vault or the other's over HTTPS as a remote key
# manager — and writes bench/results/key-managers.json and .md. About five minutes. Not part of the test run.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -DskipTests package
mvn -B -q -f bench/pom.xml package
# The key vaults answer at hosts of their own; this JVM and both servers resolve them from this file alone.
hosts=target/bench-key-managers.hosts
printf '%s\n' "127.0.0.1 localhost" "127.0.0.1 login.vault.local.test" "127.0.0.1 local-kv.vault.local.test" \
    "127.0.0.1 login.vault.remote.test" "127.0.0.1 remote-kv.vault.remote.test" > "$hosts"
java -Djdk.net.hosts.file="$PWD/$hosts" -cp bench/target/strongroom-bench.jar org.strongroom.bench.KeyManagerBench "$PWD"
