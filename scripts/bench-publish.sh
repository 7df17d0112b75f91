#!/usr/bin/env bash
# Publish-to-live latency: starts the CMS (Release build, SQLite) on the demo content plus N generated items, then
# publishes one parenting lesson at a time and measures from the publish request to the moment its page is served. It prints each
# build's stages (read, render, search, swap…) as the CMS logs them.
#
#   scripts/bench-publish.sh [ITEMS] [ROUNDS]     (defaults: 2000 items, 5 rounds)
set -euo pipefail
items=${1:-2000}
rounds=${2:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/popculture-publish-bench.XXXXXX)
port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
password="Bench-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')1!"
trap 'kill $cms 2>/dev/null || true; wait $cms 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build -c Release "$root/cms/PopCulture.Cms" -v quiet -nologo >/dev/null
PopCulture__DataDirectory="$work/data" PopCulture__ContentDirectory="$root/content" PopCulture__ThemeDirectory="$root/themes/default" \
PopCulture__BaseUrl="$base/" PopCulture__Admin__Email=bench@example.org PopCulture__Admin__Password="$password" Logging__LogLevel__Default=Warning Logging__LogLevel__PopCulture=Information \
  dotnet "$root/artifacts/bin/PopCulture.Cms/release/PopCulture.Cms.dll" --urls "$base" >"$work/cms.log" 2>&1 &
cms=$!
until curl -sf "$base/healthz" >/dev/null; do sleep 0.2; done
token=$(curl -sf -H 'Content-Type: application/json' -d "{\"email\":\"bench@example.org\",\"password\":\"$password\"}" "$base/api/v1/auth/token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
auth=(-H "Authorization: Bearer $token")

python3 - "$work/gen.zip" "$items" <<'PY'
import sys, zipfile
path, items = sys.argv[1], int(sys.argv[2])
bands = [("0–6月", 0, 6, "语言"), ("1–2岁", 12, 18, "动作发展"), ("2–3岁", 24, 36, "动作发展")]
with zipfile.ZipFile(path, "w") as z:
    for i in range(items // 2):
        z.writestr(f"news/gen-{i}.md", f"---\ntitle: 生成的新闻 {i}\ndate: 2012-{i % 12 + 1:02}-{i % 28 + 1:02}\nsummary: 用于测试的新闻。\n---\n人口文化宣传活动的报道。\n")
        b, f, t, d = bands[i % 3]
        z.writestr(f"parenting/gen-{i}.md", f"---\ntype: parenting-lesson\ntitle: 生成的育儿课 {i}\nage_band: {b}\nage_months: {{ from: {f}, to: {t} }}\ndomain: {d}\n---\n科学育儿知识。\n")
PY
curl -sf "${auth[@]}" -H 'Content-Type: application/zip' --data-binary "@$work/gen.zip" "$base/api/v1/manage/import?publish=true" >/dev/null
until curl -sf "$base/parenting/gen-0/" >/dev/null; do sleep 0.2; done
sleep 2

for round in $(seq 1 "$rounds"); do
  slug="bench-$round-$RANDOM"
  id=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' "$base/api/v1/manage/content" -d "{\"section\":\"parenting\",\"slug\":\"$slug\",
    \"frontMatter\":{\"type\":\"parenting-lesson\",\"title\":\"基准育儿课 $round\",\"age_band\":\"1–2岁\",\"age_months\":{\"from\":12,\"to\":18},\"domain\":\"语言\"},
    \"body\":\"和孩子一起读绘本。\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  start=$(date +%s%N)
  curl -sf "${auth[@]}" -H 'Content-Type: application/json' -d '{"action":"publish"}' "$base/api/v1/manage/content/$id/transitions" >/dev/null
  until curl -sf -o /dev/null "$base/parenting/$slug/"; do sleep 0.005; done
  echo "publish-to-live round $round: $(( ($(date +%s%N) - start) / 1000000 )) ms"
  sleep 1
done
curl -sf "${auth[@]}" "$base/api/v1/manage/builds?pageSize=$rounds" | python3 -c '
import json, sys
for b in json.load(sys.stdin)["items"]:
    print("  build %s ms: %s rendered, %s reused, %s files written (%s)" % (b["durationMs"], b["pagesRendered"], b["pagesReused"], b["filesWritten"], b["reasons"][0]))'
echo "where each build's time went (the CMS log):"
grep -o "Site built: .*" "$work/cms.log" | tail -n "$rounds" | sed 's/^/  /'
