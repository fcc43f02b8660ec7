#!/usr/bin/env bash
# Import people and meetings from spreadsheets as Dutch Excel saves them: fields separated
# by semicolons, perhaps a UTF-8 byte order mark ("CSV UTF-8") or Windows-1252 text (plain
# "CSV"), CRLF line ends, and quoted fields holding semicolons, "" for a quote, or line
# breaks (Alt+Enter in a cell).
#
# Usage: import-csv.sh people FILE.csv     one person per row, like examples/people.csv
#        import-csv.sh meetings FILE.csv   one meeting per row, like examples/meetings.csv
#
# Run it inside the workspace (or with SPARK_DIR set). Every row goes through the command
# line — `spark people add`, `spark meet --new` — so it is checked like typed input, stored
# as its own file and, in a git workspace, committed. Rows already there are skipped (a
# person with the same name, a meeting with the same date and title), so after fixing a bad
# row you can run it again. Columns are found by their heading, Dutch or English, in any
# order; other columns are ignored. Import people before the meetings they attended
# (unknown attendees become new people without a group), and inviters before the people
# they invited. Exit status 1 when any row was refused; each refusal names FILE:LINE.
#
# Python 3 reads the CSV (its csv module knows Excel's quoting); the shell does the rest.
set -euo pipefail

spark=${SPARK:-spark}
[[ $# -eq 2 && ($1 == people || $1 == meetings) ]] || {
    echo "usage: $0 people|meetings FILE.csv" >&2
    exit 2
}
kind=$1 file=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/spark-import.XXXXXX")
trap 'rm -rf "$work"' EXIT

# CSV -> for each row: its line number, a key (name, or date<TAB>title) and the spark
# arguments, each ending in a NUL byte, and an empty field to end the row.
python3 - "$kind" "$file" >"$work/rows" <<'PYTHON'
import csv, io, re, sys

kind, path = sys.argv[1], sys.argv[2]
raw = open(path, "rb").read()
try:
    text = raw.decode("utf-8-sig")   # drops the byte order mark, if any
except UnicodeDecodeError:
    text = raw.decode("cp1252")      # Excel's plain "CSV" on Windows

COLUMNS = {
    "people": {"name": ["naam", "name"], "group": ["groep", "group"],
               "roles": ["rollen", "rol", "roles", "role"],
               "invited_by": ["uitgenodigd door", "invited by", "invited_by"],
               "since": ["sinds", "since"], "department": ["afdeling", "department"],
               "public": ["openbaar", "public"], "note": ["notitie", "opmerking", "note"]},
    "meetings": {"date": ["datum", "date"], "title": ["titel", "title"],
                 "setting": ["setting", "soort"], "place": ["plaats", "locatie", "place"],
                 "attendees": ["aanwezigen", "deelnemers", "attendees"],
                 "questions": ["vragen", "questions"], "dilemmas": ["dilemma's", "dilemmas"],
                 "outcomes": ["uitkomsten", "outcomes"],
                 "followups": ["vervolg", "vervolgacties", "followups"]},
}[kind]
# Dutch words for spark's values; anything else is passed on for spark to judge.
WORDS = {"medewerker": "staff", "ambtenaar": "staff", "teamleider": "teamlead",
         "directeur": "director", "bestuurder": "executive", "wethouder": "executive",
         "burgemeester": "executive", "raadslid": "council", "bewoner": "resident",
         "inwoner": "resident", "initiatiefnemer": "initiator", "vonk": "spark",
         "kern": "spark", "pook": "poker", "criticus": "critic", "vernieuwer": "innovator",
         "intern": "internal", "extern": "external", "gemengd": "mixed"}

def word(value):
    return WORDS.get(value.strip().lower(), value.strip())

def date(value):
    """Excel's Dutch 3-9-2026 (or 3/9/26) becomes 2026-09-03; other forms go to spark."""
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})", value.strip())
    if not m:
        return value.strip()
    day, month, year = m.groups()
    return f"{2000 + int(year) if len(year) == 2 else int(year):04}-{int(month):02}-{int(day):02}"

def items(value, separators):
    return [part.strip() for part in re.split(separators, value) if part.strip()]

def emit(*fields):
    for field in fields:
        sys.stdout.buffer.write(field.encode("utf-8") + b"\0")

reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
header = [h.strip().lower() for h in next(reader, [])]
where = {key: next((header.index(n) for n in names if n in header), None)
         for key, names in COLUMNS.items()}
missing = [COLUMNS[k][0] for k in (("name",) if kind == "people" else ("date", "title"))
           if where[k] is None]
if missing:
    sys.exit(f"{path}: no column {', '.join(missing)!s} in the first line")

line = reader.line_num + 1
for row in reader:
    first, line = line, reader.line_num + 1
    get = lambda key: row[where[key]] if where[key] is not None and where[key] < len(row) else ""
    if not any(cell.strip() for cell in row):
        continue  # Excel writes ;;;; for empty rows
    if kind == "people":
        args = ["people", "add", get("name").strip()]
        if get("group").strip():
            args += ["--group", word(get("group"))]
        for role in items(get("roles"), r"[,;/\n]"):
            args += ["--role", word(role)]
        for option, key in (("--invited-by", "invited_by"), ("--department", "department"),
                            ("--note", "note")):
            if get(key).strip():
                args += [option, get(key).strip()]
        if get("since").strip():
            args += ["--since", date(get("since"))]
        if get("public").strip().lower() in ("ja", "j", "yes", "y", "x", "1", "waar", "true"):
            args += ["--public"]
        emit(str(first), get("name").strip(), *args, "")
    else:
        args = ["meet", get("title").strip(), "--date", date(get("date")), "--new"]
        for option, key in (("--setting", "setting"), ("--place", "place")):
            if get(key).strip():
                args += [option, word(get(key)) if key == "setting" else get(key).strip()]
        for person in items(get("attendees"), r"[,;\n]"):
            args += ["--with", person]
        for option, key in (("--question", "questions"), ("--dilemma", "dilemmas"),
                            ("--outcome", "outcomes"), ("--followup", "followups")):
            for text in items(get(key), r"\n"):  # one per line within the cell
                args += [option, text]
        emit(str(first), date(get("date")) + "\t" + get("title").strip(), *args, "")
PYTHON

# What is there already, to skip it.
if [[ $kind == people ]]; then
    "$spark" people list | cut -f2 >"$work/existing"
fi

added=0 skipped=0 refused=0
while IFS= read -r -d '' line && IFS= read -r -d '' key; do
    args=()
    while IFS= read -r -d '' arg && [[ -n $arg ]]; do
        args+=("$arg")
    done
    if [[ $kind == people ]]; then
        known=$(grep -Fxc -- "$key" "$work/existing" || true)
    else
        day=${key%%$'\t'*} title=${key#*$'\t'}
        known=$("$spark" list --kind meeting --since "$day" --until "$day" 2>/dev/null |
            awk -F'\t' -v title="$title" '$4 == title' | wc -l) || known=0
    fi
    if ((known > 0)); then
        echo "$file:$line: already there: ${key//$'\t'/ }"
        skipped=$((skipped + 1))
    elif "$spark" "${args[@]}" </dev/null 2>"$work/error"; then
        added=$((added + 1))
    else
        awk -v where="$file:$line: " '{ print where $0 }' "$work/error" >&2
        refused=$((refused + 1))
    fi
done <"$work/rows"

echo "import-csv: $added added, $skipped already there, $refused refused"
((refused == 0))
