# Shared by the set-up scripts: install what is missing, then configure and build.
# Sourced, not run.

XXGK_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
XXGK_BUILD=${XXGK_BUILD:-$XXGK_ROOT/build}

# Debian 12 packages the build and the tests need (ccache only speeds rebuilds up; nodejs runs
# the language-server test, whose npm packages are vendored, so npm itself is not needed).
XXGK_PACKAGES=(cmake g++ make pkg-config tao-pegtl-dev libicu-dev libfmt-dev libboost-test-dev
               libcli11-dev nlohmann-json3-dev python3 python3-jsonschema nodejs ccache)

install_missing_packages() {
    local missing=()
    for p in "${XXGK_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "xxgk: installing missing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# build_xxgk [BUILD_DIR [CMAKE_OPTION...]]: configures and builds (default: $XXGK_BUILD, Release).
build_xxgk() {
    local dir=${1:-$XXGK_BUILD}
    [ $# -gt 0 ] && shift
    [ $# -gt 0 ] || set -- -DCMAKE_BUILD_TYPE=Release
    cmake -S "$XXGK_ROOT" -B "$dir" "$@" >/dev/null
    cmake --build "$dir" -j "$(nproc)"
}
