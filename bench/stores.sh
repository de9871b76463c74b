#!/usr/bin/env bash
# Where a vault's data lives, side by side (docs/benchmarks.md, "Object stores"): the store directory, Azurite
# (Azure Blob Storage's emulator) and S3Proxy (an S3 server), both on loopback. Builds Strongroom and the
# harness (the build copies S3Proxy from Maven Central), installs Azurite with npm when missing, and writes
# bench/results/stores.json and .md. About ten minutes. Not part of the test run.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "$HOME/.cache/strongroom/azurite/node_modules/.bin/azurite-blob" ]; then
    npm install --no-audit --no-fund --prefix "$HOME/.cache/strongroom/azurite" azurite
fi
mvn -B -q -DskipTests package
mvn -B -q -f bench/pom.xml package
java -cp bench/target/strongroom-bench.jar org.strongroom.bench.StoresBench "$PWD"
