#!/usr/bin/env bash
# The main job: build stance, load the bundled seed dataset (the Dutch report on the NATO foreign
# ministers' meeting of 31 March 2017) and the UN general-debate speeches of 2014 and 2022-2024 of
# eight states (the Netherlands first: the other files reuse its topics and propositions) into a
# fresh database, show how the Netherlands' position on Russia evolved on the Russia scale, year by
# year, with the source of every stance.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release >/dev/null
cmake --build --preset release --target stance_cli >/dev/null  # just the tool: the tests are the second command
stance=build/release/src/cli/stance
database=$(mktemp -d)/stance-demo.db
"$stance" --db "$database" import data/seed/nato-2017-03-31.json data/general-debate/nld-russia-ukraine.json \
    data/general-debate/{usa,gbr,fra,deu,ukr,rus,chn}-russia-ukraine.json
echo
"$stance" --db "$database" evolution --actor Netherlands --topic Russia --by year
