# Setting up a team's accounts from the command line (docs/team.md): an admin and a coder added with
# passwords from a pipe and from a file, listed, the coder made a reviewer with one permission less
# and one more, disabled and enabled again, a password changed; then a review as the workbench
# records it, listed. Arguments: the stance binary, a work directory.
stance=$1
work=$2
rm -rf "$work" && mkdir -p "$work" || exit 1
db="$work/team.db"
"$stance" --db "$db" import examples/data/small-dataset.json >/dev/null || exit 1
printf 'the admin password\n' | "$stance" --db "$db" coders add lead --role admin --display-name "Team Lead" || exit 1
printf 'ana password from a file\n' >"$work/ana.txt"
"$stance" --db "$db" coders add ana --role coder --password-file "$work/ana.txt" || exit 1
"$stance" --db "$db" coders list -f csv | cut -d, -f1-3 || exit 1
"$stance" --db "$db" coders set ana --role reviewer --withdraw edit_others --grant import_data || exit 1
"$stance" --db "$db" coders set ana --disable || exit 1
"$stance" --db "$db" coders set ana --enable --display-name "Ana Lima" || exit 1
printf 'a new password for ana\r\n' | "$stance" --db "$db" coders passwd ana || exit 1
"$stance" --db "$db" coders list | grep -c "Ana Lima" | sed 's/$/ renamed/'
# The password is nowhere in the database, only its scrypt record.
grep -c "a new password" "$db" "$db-wal" 2>/dev/null | grep -v ':0$' | sed 's/$/ PASSWORD FOUND/'
sqlite3 "$db" "SELECT substr(password_hash, 1, 17) FROM coder WHERE name = 'ana'"
sqlite3 "$db" "INSERT INTO stance_review (stance, verdict, reviewer, comment, reviewed_at) VALUES
    ('example-stance', 'rejected', 'ana', 'span too long', '2026-12-02T10:00:00Z'),
    ('example-stance', 'accepted', 'lead', 'fixed', '2026-12-02T11:00:00Z')" || exit 1
"$stance" --db "$db" reviews -f csv || exit 1
"$stance" --db "$db" reviews --stance example-stance -f csv | tail -n +2 | cut -d, -f1-3 || exit 1
