#!/usr/bin/env bash
# Whole-process time of `fallline selection --model gam` on Karn & Penrose's neonates (7036 infants, te(bw, gest),
# binomial, UBRE; the fallline run also does the least-squares and logistic analyses) against R + mgcv 1.8-41 doing
# the GAM fit and gsg's gradients alone (benchmarks/scripts/gam_neonatal_mgcv.R), in the same hyperfine run.
# Run from the repository root after `mvn -B -q package -DskipTests`. RUNS (default 10) per command.
set -euo pipefail
data=samples/src/main/resources/data/karn_penrose_neonatal.csv
runs=${RUNS:-10}
java -jar samples/target/fallline.jar selection --data "$data" --fitness nns --traits bw,gest --model gam --format csv \
    --quiet | grep -E '_gam|gam\.'
Rscript benchmarks/scripts/gam_neonatal_mgcv.R "$data"
hyperfine --warmup 1 --runs "$runs" --export-markdown /dev/stdout \
    -n fallline "java -jar samples/target/fallline.jar selection --data $data --fitness nns --traits bw,gest --model gam --quiet" \
    -n mgcv "Rscript benchmarks/scripts/gam_neonatal_mgcv.R $data"
