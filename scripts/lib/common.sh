# shellcheck shell=bash
# Helpers shared by scripts/test and benchmarks/import.sh. Source it; it defines functions only.
#
#   ctip_section TITLE          print a section header
#   ctip_note TEXT / ctip_die   informational line / message on stderr and exit 1
#   ctip_as_root CMD...         run CMD as root (directly, or through sudo when not root)
#   ctip_apt_install PKG...     install the Debian packages that are not installed yet
#                               (apt-get update once per run, only when something is missing)
#   ctip_pip_install MOD=PKG... install PyPI packages whose module does not import yet
#   ctip_find_swift             make sure `swift` is on PATH (the toolchain lives in /opt/swift)

ctip_section() {
    printf '\n==== %s ====\n' "$*"
}

ctip_note() {
    printf '  %s\n' "$*"
}

ctip_die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

ctip_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo -n "$@"
    else
        printf 'error: need root (or sudo) to run: %s\n' "$*" >&2
        return 1
    fi
}

_ctip_apt_updated=0

# True when the Debian package is installed (not merely known or removed with its config left).
ctip_deb_installed() {
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = "installed" ]
}

ctip_apt_install() {
    local missing=() pkg
    for pkg in "$@"; do
        ctip_deb_installed "$pkg" || missing+=("$pkg")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        ctip_note "apt: already installed: $*"
        return 0
    fi
    command -v apt-get >/dev/null 2>&1 || { printf 'error: apt-get not found; install by hand: %s\n' "${missing[*]}" >&2; return 1; }
    ctip_note "apt: installing ${missing[*]}"
    local log
    log="$(mktemp)"
    if [ "$_ctip_apt_updated" -eq 0 ]; then
        if ! ctip_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >"$log" 2>&1; then
            tail -n 20 "$log" >&2; rm -f "$log"
            printf 'error: apt-get update failed\n' >&2
            return 1
        fi
        _ctip_apt_updated=1
    fi
    if ! ctip_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
            -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" >"$log" 2>&1; then
        tail -n 30 "$log" >&2; rm -f "$log"
        printf 'error: apt-get install %s failed\n' "${missing[*]}" >&2
        return 1
    fi
    rm -f "$log"
    ctip_note "apt: installed ${missing[*]}"
}

# Arguments are MODULE=PACKAGE (or just NAME when both are the same), e.g. selenium pytest.
ctip_pip_install() {
    local python="${PYTHON:-python3}" spec module pkg missing=()
    for spec in "$@"; do
        module="${spec%%=*}"
        pkg="${spec#*=}"
        "$python" -c "import $module" >/dev/null 2>&1 || missing+=("$pkg")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        ctip_note "pip: already installed: $*"
        return 0
    fi
    ctip_note "pip: installing ${missing[*]}"
    local log
    log="$(mktemp)"
    if PIP_DISABLE_PIP_VERSION_CHECK=1 "$python" -m pip install -q --root-user-action=ignore "${missing[@]}" >"$log" 2>&1; then
        rm -f "$log"
        return 0
    fi
    # Debian's own Python refuses pip (PEP 668): fall back to Debian's packages of the same modules.
    if grep -q externally-managed "$log"; then
        rm -f "$log"
        local debs=() p
        for p in "${missing[@]}"; do debs+=("python3-$p"); done
        ctip_note "pip: this Python is externally managed; using Debian's ${debs[*]}"
        ctip_apt_install "${debs[@]}"
        return
    fi
    tail -n 20 "$log" >&2; rm -f "$log"
    printf 'error: pip install %s failed\n' "${missing[*]}" >&2
    return 1
}

ctip_find_swift() {
    if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
        export PATH="$PATH:/opt/swift/usr/bin"
    fi
    command -v swift >/dev/null 2>&1 || ctip_die "swift not found (expected on PATH or in /opt/swift/usr/bin)"
}

# Runs `swift ARGS...`, hiding the "[12/345] Compiling ..." progress lines (the full output is kept
# in $CTIP_LOG_DIR). Returns swift's exit status, whatever the caller's errexit/pipefail settings.
ctip_swift_quiet() {
    local dir="${CTIP_LOG_DIR:-${TMPDIR:-/tmp}}"
    local log="$dir/swift-$1.log" status
    { swift "$@" 2>&1 && echo 0 >"$log.status" || echo "$?" >"$log.status"; } \
        | tee "$log" | { grep --line-buffered -Ev '^\[[0-9]+/[0-9]+\] ' || true; }
    status="$(cat "$log.status" 2>/dev/null || echo 1)"
    rm -f "$log.status"
    [ "$status" -eq 0 ] || printf '  (full output: %s)\n' "$log" >&2
    return "$status"
}
