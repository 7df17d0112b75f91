#!/usr/bin/env bash
# Runs every test of the solution. Installs what the tests need first (today: only the .NET SDK's own packages;
# later issues add PostgreSQL and Chromium here), so it works on a fresh Debian 12 machine with the .NET 10 SDK.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet restore PopCulture.sln --nologo
dotnet build PopCulture.sln --no-restore --nologo -c Release
dotnet test PopCulture.sln --no-build --nologo -c Release --logger "console;verbosity=normal" "$@"
