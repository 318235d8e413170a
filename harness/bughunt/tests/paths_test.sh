#!/usr/bin/env bash
# scripts/bughunt called through a symbolic link, from another directory,
# with a relative --manifest: the link is followed to the checkout, and the
# path is the caller's (the script used to change to the repository first).
# Usage: paths_test.sh <source dir>
set -euo pipefail
root="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ln -s "$root/scripts/bughunt" "$work/bughunt"
mkdir "$work/elsewhere"
cd "$work/elsewhere"
sed 's/"renders one greeting line per user"/"a job from the caller manifest"/' \
  "$root/harness/cases/cases.json" >manifest.json

out="$(../bughunt --manifest manifest.json list 2>&1)" || {
  echo "FAIL: bughunt through a link with a relative --manifest failed: $out"
  exit 1
}
if ! grep -q "a job from the caller manifest" <<<"$out"; then
  echo "FAIL: the relative --manifest was not the caller's: $out"
  exit 1
fi
echo "ok: through a link, --manifest manifest.json read from $PWD"
