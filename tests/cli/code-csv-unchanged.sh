# A CSV file with several bad rows: every problem is reported, and the database is left as it was
# (its export before and after is the same). Arguments: the stance binary, a work directory.
stance=$1
work=$2
rm -rf "$work" && mkdir -p "$work" || exit 1
"$stance" --db "$work/a.db" import data/seed/nato-2017-03-31.json >/dev/null || exit 1
"$stance" --db "$work/a.db" add-document tests/cli/inputs/code-report.txt --id code-report -l nl >/dev/null || exit 1
"$stance" --db "$work/a.db" export -o "$work/before.json" || exit 1
"$stance" --db "$work/a.db" code --csv tests/cli/inputs/code-bad-rows.csv
echo "exit $?"
"$stance" --db "$work/a.db" export -o "$work/after.json" || exit 1
cmp "$work/before.json" "$work/after.json" && echo unchanged
