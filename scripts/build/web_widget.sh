#!/usr/bin/env bash
# Build the widget page's vendored script: install rasa-webchat (pinned in
# web/package-lock.json) with `npm ci` into web/node_modules and copy its UMD bundle
# to web/vendor/webchat.js. Idempotent: does nothing when both are up to date.
#
# The bundle @imports the "Inter" font from Google Fonts in its CSS. The copy drops
# that import, so the page loads nothing from third parties (no CDN, no Google
# request that would need consent under GDPR); web/widget.css sets system fonts.
set -euo pipefail

cd "$(dirname "$0")/../../web"
BUNDLE=node_modules/rasa-webchat/lib/index.js
OUT=vendor/webchat.js
STAMP=node_modules/.package-lock.sha256
FONT_IMPORT='@import url(https://fonts.googleapis.com/css?family=Inter:400,500,700&display=swap);'

command -v npm >/dev/null || { echo "npm is missing: install Node.js (Debian: apt-get install -y npm)" >&2; exit 1; }

lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$BUNDLE" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$lock_sum" ]; then
  echo "==> web/node_modules is up to date with package-lock.json"
else
  echo "==> Installing rasa-webchat with npm ci (web/node_modules)"
  # --legacy-peer-deps: the UMD bundle carries its own React; the peers are not needed.
  npm ci --legacy-peer-deps --ignore-scripts --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > "$STAMP"
fi

if [ -f "$OUT" ] && [ "$OUT" -nt "$BUNDLE" ] && [ "$OUT" -nt "$0" ]; then
  echo "==> web/$OUT is up to date"
else
  echo "==> Copying the rasa-webchat bundle to web/$OUT (without the Google Fonts import)"
  mkdir -p vendor
  FONT_IMPORT="$FONT_IMPORT" python3 - "$BUNDLE" "$OUT.tmp" <<'PY'
import os, sys
src, dst = sys.argv[1], sys.argv[2]
text = open(src, encoding="utf-8").read().replace(os.environ["FONT_IMPORT"], "")
if "fonts.googleapis.com" in text:
    sys.exit("build_web.sh: the bundle still refers to fonts.googleapis.com; update FONT_IMPORT")
open(dst, "w", encoding="utf-8").write(text)
PY
  mv "$OUT.tmp" "$OUT"
fi
