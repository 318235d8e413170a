#!/usr/bin/env bash
# A checkout, built, that its user cannot write: every verb works on what is
# built, and one that needs a build says why it cannot in one line (exit 2)
# rather than CMake's raw error. Run as the user nobody, for whom the
# checkout and its build tree are read-only; skipped (77) unless run as root.
# Usage: read_only_test.sh <source dir>
set -euo pipefail
root="$1"
[ "$(id -u)" -eq 0 ] || { echo "skipped: needs root to run as nobody"; exit 77; }
as_nobody() { HOME=/nonexistent setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
as_nobody test ! -w "$root/build/dev" || { echo "skipped: nobody can write the tree"; exit 77; }

fail() { echo "FAIL: $*"; exit 1; }
for verb in list "show 1" "hint 1" "explain 1" "diff 1" checklist; do
  # shellcheck disable=SC2086
  out="$(as_nobody "$root/scripts/bughunt" $verb 2>&1)" || fail "bughunt $verb: $out"
done
out="$(as_nobody "$root/scripts/bughunt" run 1 2>&1)" || true
grep -q "as expected" <<<"$out" || fail "bughunt run 1 (built) in a read-only tree: $out"
# The ubsan build of a case is made only on request: in a fresh tree it needs building.
if [ -e "$root/build/dev/case01_bug_ubsan" ]; then
  echo "ok: read-only checkout: the verbs work (case01_bug_ubsan is built: not tried)"
  exit 0
fi
status=0
out="$(as_nobody "$root/scripts/bughunt" run 1 --flavour ubsan 2>&1)" || status=$?
[ "$status" -eq 2 ] || fail "a build in a read-only tree exited $status: $out"
[ "$(wc -l <<<"$out")" -eq 1 ] || fail "a build in a read-only tree said more than one line: $out"
grep -q "^bughunt: case01_bug_ubsan must be built, and the build tree .* cannot be written" \
  <<<"$out" || fail "$out"
echo "ok: read-only checkout: the verbs work; a build says: $out"
