#!/bin/sh
# Validates GraphML and GEXF files against the published XSDs with xmllint (docs/networks.md,
# "Checks"). scripts/install-deps.sh puts the schemas in SCHEMA_DIR, taken from Debian's
# libjgrapht-java, which ships graphml.xsd (with xlink.xsd) and the GEXF 1.2draft schema (gexf.xsd,
# viz.xsd). A .graphml is validated as it is. Debian ships no GEXF 1.3 schema, so a .gexf is
# validated with its namespace and version written as 1.2draft's: every element and attribute
# stance writes is the same in both versions.
#
# Usage: validate_schemas.sh SCHEMA_DIR valid|invalid FILE...
#   valid:   every file must validate;  invalid: every file must be refused (the check can fail).
# Exits 77 (CTest's skip) when the schemas are missing, except in CI (CI=true), where it fails.
schemas=$1
expect=$2
shift 2
if [ ! -f "$schemas/graphml.xsd" ] || [ ! -f "$schemas/gexf.xsd" ]; then
    echo "validate_schemas: no graphml.xsd and gexf.xsd in $schemas; run scripts/install-deps.sh" >&2
    [ "$CI" = true ] && exit 1
    exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for file in "$@"; do
    case "$file" in
    *.graphml)
        xmllint --noout --schema "$schemas/graphml.xsd" "$file" > "$work/out" 2>&1 ;;
    *.gexf)
        sed -e 's#xmlns="http://gexf.net/1.3"#xmlns="http://www.gexf.net/1.2draft"#' \
            -e 's#xsi:schemaLocation="[^"]*"##' -e 's#\(<gexf [^>]*\)version="1.3"#\1version="1.2"#' \
            "$file" > "$work/as-1.2.gexf"
        xmllint --noout --schema "$schemas/gexf.xsd" "$work/as-1.2.gexf" > "$work/out" 2>&1 ;;
    *)
        echo "validate_schemas: $file is neither .graphml nor .gexf" >&2
        exit 1 ;;
    esac
    result=$?
    if [ "$expect" = valid ] && [ $result -ne 0 ]; then
        echo "$file does not validate:" && head -5 "$work/out"
        status=1
    elif [ "$expect" = invalid ] && [ $result -eq 0 ]; then
        echo "$file validates, but should have been refused"
        status=1
    else
        echo "$file: $expect"
    fi
done
exit $status
