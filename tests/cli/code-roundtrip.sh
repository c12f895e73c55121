# The walk-through of docs/coding.md in short: add a document, code by quote and by CSV, export,
# import the export into a fresh database, export again: the same bytes. Arguments: the stance
# binary, a work directory. On the small example dataset: the round trip is about the coded stances.
stance=$1
work=$2
rm -rf "$work" && mkdir -p "$work" || exit 1
"$stance" --db "$work/a.db" import examples/data/small-dataset.json >/dev/null || exit 1
"$stance" --db "$work/a.db" add-document tests/cli/inputs/code-report.txt --id code-report -l nl >/dev/null || exit 1
"$stance" --db "$work/a.db" code --document code-report --actor US --claim "Trans-Atlantische betrekkingen" \
    --position support --meeting 2017-03-31 --quote "Verslag van de lunch" >/dev/null || exit 1
printf 'actor,claim,position,quote\nusa,transatlantic-relations,concern,de dialoog\nVerenigde Staten,transatlantic-relations,neutral,ook nu\n' >"$work/rows.csv"
"$stance" --db "$work/a.db" code --csv "$work/rows.csv" --document code-report --meeting example-meeting \
    --coder roundtrip >/dev/null || exit 1
"$stance" --db "$work/a.db" export -o "$work/a.json" || exit 1
"$stance" --db "$work/b.db" import "$work/a.json" >/dev/null || exit 1
"$stance" --db "$work/b.db" export -o "$work/b.json" || exit 1
echo "$(grep -c '"document": "code-report"' "$work/b.json") coded stances"
cmp "$work/a.json" "$work/b.json" && echo identical
