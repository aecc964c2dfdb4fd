#!/bin/sh
# Functionals of the 21 openSMILE reference samples, both variants, against openSMILE's ARFFs with
# `seradapt compare` (issue 18's target: >= 99.9 % of each file's 1582 values within 1e-3 relative,
# 1e-4 absolute floor). Usage: tools/is10-parity/compare-functionals.sh [SHARED_DIR] [OUT_DIR]
set -eu
shared=${1:-../shared}/opensmile-is10/samples
out=${2:-$(mktemp -d)}
seradapt() { dotnet run -c Release --project src/SerAdapt.Cli -- "$@"; }
for variant in is10 is10-compat; do
  suffix=$([ "$variant" = is10 ] && echo IS10 || echo IS10compat)
  seradapt extract "$shared" -o "$out/$variant.arff" --variant "$variant"
  seradapt compare --reference "$shared"/*/*."$suffix".arff --candidate "$out/$variant.arff" --min-percent 99.9
done
# eGeMAPSv02 (issue 21's target: >= 99.9 % of each file's 88 values).
egemaps=${1:-../shared}/opensmile-egemaps/samples
seradapt extract "$shared" -o "$out/egemaps.arff" --set egemaps
seradapt compare --reference "$egemaps"/*/*.eGeMAPSv02.arff --candidate "$out/egemaps.arff" --min-percent 99.9
