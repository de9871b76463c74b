#!/usr/bin/env bash
# A PostgreSQL database: Strongroom next to pg_dump alone (docs/benchmarks.md, "Databases"). Builds Strongroom
# and the harness, makes a pgbench database on the machine's PostgreSQL (127.0.0.1:5432, user postgres,
# password postgres), and writes bench/results/database.json and .md. A few minutes. Not part of the test run.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -DskipTests package
mvn -B -q -f bench/pom.xml package
java -cp bench/target/strongroom-bench.jar org.strongroom.bench.DatabaseBench "$PWD"
