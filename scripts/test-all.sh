#!/usr/bin/env bash
# Runs every test Baton has, on a machine with only Node 20 and npm (and apt for Chromium):
# installs what is missing, builds, typechecks, lints, runs Vitest and Playwright, and ends with
# one plain line "N passed, N failed". Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export CI=true npm_config_nodedir="${npm_config_nodedir:-/usr}"
mkdir -p .test-results
rm -f .test-results/*.json .test-results/steps.txt

say() { printf '\n==> %s\n' "$*"; }
step() { # name, command...: a build/check step counts as one test
  local name=$1; shift
  say "$name"
  if "$@"; then echo "pass $name" >> .test-results/steps.txt; else echo "fail $name" >> .test-results/steps.txt; fi
}

# pnpm 10 (pnpm 11 crashes on Node 20); corepack needs signatures this registry lacks.
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm -v 2>/dev/null | cut -d. -f1)" != "10" ]; then
  say "installing pnpm 10.34.9"
  npm i -g pnpm@10.34.9 >/dev/null || { echo "cannot install pnpm"; exit 2; }
fi

# Debian's Chromium for Playwright (Playwright cannot download browsers here).
if [ ! -x /usr/bin/chromium ]; then
  say "installing chromium from apt"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi
fi

say "pnpm install"
pnpm install --frozen-lockfile || { echo "0 passed, 1 failed"; exit 1; }

step build pnpm build
step typecheck pnpm typecheck
step lint pnpm lint
step format-check pnpm exec prettier --check . --log-level warn

say "vitest"
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=.test-results/vitest.json

say "playwright"
if [ -x /usr/bin/chromium ]; then
  (cd e2e && PLAYWRIGHT_JSON_OUTPUT_NAME=../.test-results/playwright.json pnpm exec playwright test --reporter=list,json)
else
  echo "fail playwright (no /usr/bin/chromium)" >> .test-results/steps.txt
fi

node scripts/summarize-tests.mjs
