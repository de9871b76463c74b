#!/usr/bin/env bash
# One node against two (docs/benchmarks.md, "Cluster"): builds Strongroom and the harness, then runs eight
# backups at once on node A alone and on nodes A and B (standalone-full-ha, docs/scaling.md), sharing the
# machine's PostgreSQL (127.0.0.1:5432, user postgres, password postgres) and an S3Proxy bucket. Writes
# bench/results/cluster.json and .md. About ten minutes. Not part of the test run.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -DskipTests package
mvn -B -q -f bench/pom.xml package
java -cp bench/target/strongroom-bench.jar org.strongroom.bench.ClusterBench "$PWD"
