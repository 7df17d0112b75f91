#!/usr/bin/env bash
# Runs every test of the solution. Installs what the tests need first, so it works on a fresh Debian 12 machine with
# the .NET 10 SDK: the .NET SDK's own packages, and PostgreSQL from Debian's packages (through scripts/postgres.sh, which
# needs root for that), and Debian's Chromium with a Chinese font for the real-browser tests (Playwright drives it; its
# own browser builds cannot be downloaded), with Java and the npm packages of tests/quality/ for the quality checks.
# Unless POPCULTURE_TEST_POSTGRES already holds an Npgsql connection string, it starts a throwaway PostgreSQL server
# (127.0.0.1 only, free port, data in a temporary folder), hands its connection string to the tests in
# POPCULTURE_TEST_POSTGRES, and stops and deletes it when the script ends, whether the tests passed or not.
# Arguments go on to each `dotnet test`; the exit status is that of the first failing one (0 when all pass).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts="$PWD/scripts"

# tests/PopCulture.Browser.Tests needs Chromium, and a CJK font or Chinese renders as boxes. apt-get runs only when
# one of them is missing, so a machine that has both needs no package index.
# The quality tests (QualityTests) also run the W3C Nu HTML checker, which needs Java.
browser_packages=()
command -v chromium >/dev/null 2>&1 || browser_packages+=(chromium)
command -v java >/dev/null 2>&1 || browser_packages+=(default-jre-headless)
{ command -v fc-list >/dev/null 2>&1 && fc-list | grep -i "Noto Sans CJK" >/dev/null; } || browser_packages+=(fonts-noto-cjk)
if (( ${#browser_packages[@]} > 0 )); then
    if [[ $EUID -ne 0 ]]; then
        echo "test.sh: the browser tests need ${browser_packages[*]}: run 'apt-get install ${browser_packages[*]}' as root" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=300 update
    apt-get -o DPkg::Lock::Timeout=300 install -y "${browser_packages[@]}"
fi

# The quality checkers, at the versions locked in tests/quality/package-lock.json: Lighthouse, axe-core and vnu-jar.
# Their install scripts are not run (vnu-jar's would download a Java; Debian's is used), nor any browser download.
command -v npm >/dev/null 2>&1 || { echo "test.sh: the quality tests need Node.js and npm (tests/quality/package.json)" >&2; exit 1; }
( cd tests/quality && CHROMEDRIVER_SKIP_DOWNLOAD=true PUPPETEER_SKIP_DOWNLOAD=true \
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error )

dotnet restore PopCulture.sln --nologo
dotnet build PopCulture.sln --no-restore --nologo -c Release

if [[ -z "${POPCULTURE_TEST_POSTGRES:-}" ]]; then
    postgres_dir="$(mktemp -d)"
    trap '"$scripts/postgres.sh" stop "$postgres_dir" || echo "test.sh: could not stop the PostgreSQL server in $postgres_dir" >&2' EXIT
    trap 'exit 130' INT    # so that the EXIT trap stops the server on Ctrl-C or kill too
    trap 'exit 143' TERM
    POPCULTURE_TEST_POSTGRES="$("$scripts/postgres.sh" start "$postgres_dir")"
    export POPCULTURE_TEST_POSTGRES
fi

# One test project after another, not side by side: the browser tests' Lighthouse runs measure CPU time, and the CMS
# tests' load beside them costs pages their performance score. The status is the first failing project's.
status=0
for project in tests/PopCulture.Site.Tests tests/PopCulture.Cms.Tests tests/PopCulture.Browser.Tests; do
    code=0
    dotnet test "$project" --no-build --nologo -c Release --logger "console;verbosity=normal" "$@" || code=$?
    if [[ $status -eq 0 ]]; then status=$code; fi
done
exit "$status"
