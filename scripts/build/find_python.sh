#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter, or explain what to install.
# Rasa Open Source 3.6 (the last release) needs Python >= 3.8 and < 3.11; we pin 3.10.
# Order: $PYTHON, python3.10 on PATH, pyenv's 3.10.x, common install locations.
set -u

is_py310() {
  [ -n "$1" ] && "$1" -c 'import sys, venv; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1
}

if [ -n "${PYTHON:-}" ]; then
  if is_py310 "$PYTHON"; then echo "$PYTHON"; exit 0; fi
  echo "PYTHON=$PYTHON is not a working Python 3.10 (with venv)." >&2
  exit 1
fi

candidates=()
command -v python3.10 >/dev/null 2>&1 && candidates+=("$(command -v python3.10)")
if command -v pyenv >/dev/null 2>&1; then
  root=$(pyenv root 2>/dev/null)
  for version in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.10(\.|$)' | sort -t. -k3 -n -r); do
    candidates+=("$root/versions/$version/bin/python3.10")
  done
fi
for dir in "$HOME"/.pyenv/versions/3.10*/bin /usr/local/bin /usr/bin /opt/python3.10/bin; do
  candidates+=("$dir/python3.10")
done

for candidate in "${candidates[@]}"; do
  # A pyenv shim answers for every version; resolve it to the real interpreter.
  real=$("$candidate" -c 'import sys; print(sys.executable)' 2>/dev/null) || continue
  if is_py310 "$real"; then echo "$real"; exit 0; fi
done

cat >&2 <<'MSG'
No Python 3.10 found. Rasa Open Source 3.6 runs only on Python 3.8-3.10.
Install one of these, then run make again:
  - pyenv:   pyenv install 3.10.13
  - Debian/Ubuntu: apt-get install python3.10 python3.10-venv (deadsnakes PPA on Ubuntu)
  - or point the build at one: make run PYTHON=/path/to/python3.10
MSG
exit 1
