#!/usr/bin/env bash
# The benchmark, one command (docs/benchmarks.md): builds Strongroom and the harness, installs restic and
# borgbackup from Debian packages when missing, then measures everything side by side in one run and
# writes bench/results/latest.json, latest.md and throughput.png. Takes about twenty minutes and ~25 GiB
# of disk under target/bench at its peak. Not part of the test run.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v restic >/dev/null 2>&1 || ! command -v borg >/dev/null 2>&1; then
    echo "restic or borg is missing: installing them"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q && apt-get install -y -q restic borgbackup
fi

mvn -B -q -DskipTests package
mvn -B -q -f bench/pom.xml package
java -jar bench/target/strongroom-bench.jar "$PWD" "${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
