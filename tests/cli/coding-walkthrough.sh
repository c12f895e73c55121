# Issue 10's "done when" as one run, on the bundled data: a new analyst adds a general-debate
# speech as a document, codes two stances by quote (one typed with a straight apostrophe where the
# text has a curly one), lists them, edits one, deletes one and undoes the delete, exports that
# document's coding and re-imports it into a fresh database, where it exports to the same bytes.
# Arguments: the stance binary, a work directory.
stance=$1
work=$2
rm -rf "$work" && mkdir -p "$work" || exit 1
db="$work/a.db"
"$stance" --db "$db" import data/seed/nato-2017-03-31.json data/general-debate/nld-russia-ukraine.json >/dev/null || exit 1
"$stance" --db "$db" add-document data/general-debate/GBR_79_2024.txt --id gbr-2024 --language en \
    --title "Keir Starmer in the general debate, 2024" --date 2024-09-26 >/dev/null || exit 1
"$stance" --db "$db" code --document gbr-2024 --actor "United Kingdom" --claim Ukraine --position support \
    --meeting 2024-09-26 --quote "We will stand with Ukraine for as long as it takes." >/dev/null || exit 1
"$stance" --db "$db" code --document gbr-2024 --actor GB --claim Ukraine --position support \
    --meeting 2024-09-26 --quote "Towards brute force and aggression." >/dev/null || exit 1
listed=$("$stance" --db "$db" stances --document gbr-2024 -f csv | tail -n +2 | cut -d, -f1)
echo "$listed" | wc -l | tr -d ' ' | sed 's/$/ listed/'
first=$(echo "$listed" | head -1)
second=$(echo "$listed" | tail -1)
"$stance" --db "$db" edit "$first" --note "edited by the walk-through" >/dev/null || exit 1
"$stance" --db "$db" export --document gbr-2024 -o "$work/before-delete.json" || exit 1
deleted=$("$stance" --db "$db" delete "$second") || exit 1
change=$(echo "$deleted" | sed -n 's/.*(change set \([0-9]*\);.*/\1/p')
"$stance" --db "$db" stances --document gbr-2024 -f csv | tail -n +2 | wc -l | tr -d ' ' | sed 's/$/ after the delete/'
"$stance" --db "$db" undo "$change" >/dev/null || exit 1
"$stance" --db "$db" export --document gbr-2024 -o "$work/a.json" || exit 1
cmp "$work/before-delete.json" "$work/a.json" && echo "undo restored the deleted stance"
grep -c "edited by the walk-through" "$work/a.json" | sed 's/$/ edited note/'
"$stance" --db "$work/b.db" import "$work/a.json" >/dev/null || exit 1
"$stance" --db "$work/b.db" export --document gbr-2024 -o "$work/b.json" || exit 1
cmp "$work/a.json" "$work/b.json" && echo identical
