#!/usr/bin/env bash
# SQL lives only in server/storage/ (DESIGN.md: services speak domain types, the store maps them to
# SQL). This check fails, naming file:line, when a C++ file of the server outside server/storage/
# holds SQL: an SQL statement in a string literal, or Qt's classes that run statements in code. Comments do not
# count. client/app/demoseed.cpp is checked too: the demo is seeded through the protocol and the
# admin CLI, never by writing into the server's schema.
#   tests/architecture/sql-only-in-storage.sh SOURCE_DIR [FILE…]   (files: check these instead)
set -euo pipefail
root=${1:?usage: sql-only-in-storage.sh SOURCE_DIR [FILE...]}
shift
cd "$root"

# Files allowed to hold SQL outside server/storage/: none. A file added here needs a reason beside it.
allowed=()

if [[ $# -gt 0 ]]; then
    files=("$@")
else
    mapfile -t files < <(find server -path server/storage -prune -o -type f \( -name '*.cpp' -o -name '*.h' \) -print | sort)
    files+=(client/app/demoseed.cpp)
fi

checked=()
for f in "${files[@]}"; do
    skip=0
    for a in "${allowed[@]}"; do
        [[ $f == "$a" ]] && skip=1
    done
    [[ $skip -eq 0 ]] && checked+=("$f")
done

# Walks each line character by character, so that comments (// and /* */) and the text of string
# and character literals are told apart (digit separators like 3'600 are not character literals).
# SQL keywords count inside string literals only, where a statement would be (LISTEN and NOTIFY only
# at a literal's start: elsewhere they are words of prose); QSqlQuery and QSqlDatabase, which run
# statements, count in code only. Keywords are matched in upper case, as statements are written here.
awk '
function word(s, w,    re) {
    re = "(^|[^A-Za-z0-9_])" w "([^A-Za-z0-9_]|$)"
    return s ~ re
}
function sql(s) {
    return word(s, "SELECT") || word(s, "INSERT INTO") || s ~ /(^|[^A-Za-z_])UPDATE [a-z_]+ SET([^A-Za-z_]|$)/ ||
           word(s, "DELETE FROM") || word(s, "CREATE (TABLE|INDEX|UNIQUE INDEX|VIRTUAL TABLE)") ||
           word(s, "ALTER TABLE") || word(s, "DROP (TABLE|INDEX)") || word(s, "ON CONFLICT") ||
           word(s, "pg_notify") || s ~ /"(LISTEN|NOTIFY|UNLISTEN) [a-z_]+[",;]/ || word(s, "PRAGMA") ||
           word(s, "VACUUM") || word(s, "TRUNCATE")
}
FNR == 1 { inComment = 0 }
{
    line = $0; code = ""; literals = ""; n = length(line); i = 1
    while (i <= n) {
        c = substr(line, i, 1); two = substr(line, i, 2)
        if (inComment) {
            if (two == "*/") { inComment = 0; i += 2 } else i++
            continue
        }
        if (two == "//") break
        if (two == "/*") { inComment = 1; i += 2; continue }
        if (c == "\"" || (c == "\x27" && substr(line, i - 1, 1) !~ /[0-9A-Fa-f]/)) {
            quote = c; text = ""; i++
            while (i <= n && substr(line, i, 1) != quote) {
                if (substr(line, i, 1) == "\\") { text = text substr(line, i, 2); i += 2; continue }
                text = text substr(line, i, 1); i++
            }
            i++
            if (quote == "\"") literals = literals " \"" text "\""
            code = code " "
            continue
        }
        code = code c; i++
    }
    if (sql(literals) || code ~ /(^|[^A-Za-z0-9_])QSql(Query|Database)([^A-Za-z0-9_]|$)/) {
        printf "%s:%d: SQL outside server/storage/: %s\n", FILENAME, FNR, $0
        bad++
    }
}
END {
    if (bad) {
        printf "%d line(s) with SQL outside server/storage/: give a store in server/storage/ the operation\n", bad
        exit 1
    }
}
' "${checked[@]}"
echo "SQL only in server/storage/: ${#checked[@]} files checked, ${#allowed[@]} allowed for now (${allowed[*]})"
