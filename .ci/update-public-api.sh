#!/usr/bin/env bash
# Records every public symbol the analyzer reports as undeclared (RS0016) into PublicAPI.Unshipped.txt.
# Run it after an intentional public API change, then review the diff. Usage: update-public-api.sh [Chanjing.Sdk|Chanjing.Emulator]
set -euo pipefail
project_dir="$(cd "$(dirname "$0")/.." && pwd)/src/${1:-Chanjing.Sdk}"
unshipped="$project_dir/PublicAPI.Unshipped.txt"
log=$(mktemp)
dotnet build "$project_dir" -c Release --no-incremental -p:TreatWarningsAsErrors=false 2>&1 > "$log" || true
{
  cat "$unshipped"
  grep -oP "RS0016: Symbol '\K.*?(?=' is not part of the declared public API)" "$log" || true
} | grep -v '^#nullable enable$' | sed "s/&lt;/</g; s/&gt;/>/g" | sort -u > "$unshipped.tmp"
{ echo '#nullable enable'; cat "$unshipped.tmp"; } > "$unshipped"
rm -f "$unshipped.tmp" "$log"
echo "$(($(wc -l < "$unshipped") - 1)) public symbols in $unshipped"
