#!/usr/bin/env python3
"""Validate xxgk's JSON and SARIF output against the schemas in docs/schema and the SARIF schema.

Usage: validate.py SCHEMA_DIR XXGK_BINARY CORPUS_DIR

For every *.txt under CORPUS_DIR (recursively, sorted) runs
  XXGK_BINARY compile --emit json FILE   -> report.schema.json
  XXGK_BINARY check --format json FILE   -> diagnostics.schema.json
  XXGK_BINARY check --format jsonl FILE  -> diagnostic.schema.json, line by line
  XXGK_BINARY check --format sarif FILE  -> sarif-schema-2.1.0.json (next to this script, Draft 7)
then SARIF logs of the whole corpus with a path that cannot be read, in UTF-16 columns and
Chinese, and prints one line per check, then "N passed, M failed". Exits 1 when any fails.
Besides the schema, every SARIF log must be consistent in itself (a result's ruleIndex and
artifact index point at its rule and artifact; relatedLocations ids are unique), and at least one
result over the corpus must carry fixes, so that fixes are validated too.

Exit code 1 from xxgk (the report has errors) is expected and fine; 2 (unreadable input or usage)
and 3 (internal error) are failures, except where a path that cannot be read is the point.

Needs the jsonschema module (Debian: python3-jsonschema, 4.10 in bookworm; run it with
/usr/bin/python3 there). References between the schema files resolve through every
*.schema.json of SCHEMA_DIR keyed by its "$id" (a RefResolver store on jsonschema < 4.18, a
referencing.Registry on later versions), so nothing is fetched from the network.
"""

import json
import pathlib
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    print(
        "validate.py: the Python module 'jsonschema' is not installed for "
        f"{sys.executable}; install it (Debian/Ubuntu: apt-get install python3-jsonschema, "
        "then run this script with /usr/bin/python3; elsewhere: pip install jsonschema)",
        file=sys.stderr,
    )
    sys.exit(1)

try:  # present from jsonschema 4.18 on; 4.10 (Debian bookworm) has only RefResolver
    import referencing
    import referencing.jsonschema
except ImportError:
    referencing = None

MAX_ERRORS = 5  # schema errors shown per output
TIMEOUT = 120  # seconds per xxgk run
SARIF_SCHEMA = pathlib.Path(__file__).resolve().parent / "sarif-schema-2.1.0.json"


def load_schemas(schema_dir):
    store = {}
    for path in sorted(schema_dir.glob("*.schema.json")):
        with path.open(encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        store[schema.get("$id", path.name)] = schema
    return store


def make_validator(store, schema_dir, name):
    path = schema_dir / name
    with path.open(encoding="utf-8") as f:
        schema = json.load(f)
    if referencing is not None:
        # jsonschema >= 4.18: its legacy RefResolver mis-scopes "#/$defs/..." after a $ref into
        # another file, so use the registry it is built on.
        registry = referencing.Registry().with_resources(
            (uri, referencing.Resource.from_contents(s, default_specification=referencing.jsonschema.DRAFT202012))
            for uri, s in store.items()
        )
        return jsonschema.Draft202012Validator(schema, registry=registry)
    # jsonschema < 4.18 (4.10 in Debian bookworm): a RefResolver whose store holds every schema.
    resolver = jsonschema.RefResolver(base_uri=schema.get("$id", name), referrer=schema, store=store)
    return jsonschema.Draft202012Validator(schema, resolver=resolver)


def make_sarif_validator():
    with SARIF_SCHEMA.open(encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    # Checks the "uri" and "uri-reference" formats too where the rfc3987 module is installed.
    checker = getattr(jsonschema.Draft7Validator, "FORMAT_CHECKER", None) or jsonschema.draft7_format_checker
    return jsonschema.Draft7Validator(schema, format_checker=checker)


def run(binary, args, what, lines=False, exit_codes=(0, 1)):
    """Runs xxgk; returns (document, problem). With `lines`, the document is the list of the
    JSON values of its lines (JSON Lines)."""
    try:
        p = subprocess.run([binary, *args], capture_output=True, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"{what}: {e}"
    if p.returncode not in exit_codes:
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, f"{what}: exit code {p.returncode}" + (f" ({err[-1]})" if err else "")
    try:
        text = p.stdout.decode("utf-8")
        if lines:
            return [json.loads(line) for line in text.splitlines()], None
        return json.loads(text), None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        return None, f"{what}: output is not JSON: {e}"


def sarif_inconsistencies(log, what):
    """What the schema cannot say: indices that point at the right rule and artifact."""
    out = []
    for run_ in log.get("runs", []):
        rules = run_["tool"]["driver"].get("rules", [])
        artifacts = run_.get("artifacts", [])
        for n, result in enumerate(run_.get("results", [])):
            index = result.get("ruleIndex", -1)
            if not 0 <= index < len(rules) or rules[index]["id"] != result.get("ruleId"):
                out.append(f"{what}: results[{n}]: ruleIndex {index} is not the rule {result.get('ruleId')}")
            for location in result.get("locations", []):
                artifact = location["physicalLocation"]["artifactLocation"]
                if not 0 <= artifact.get("index", -1) < len(artifacts) or artifacts[artifact["index"]]["location"]["uri"] != artifact["uri"]:
                    out.append(f"{what}: results[{n}]: artifact index {artifact.get('index')} is not {artifact['uri']}")
            ids = [r["id"] for r in result.get("relatedLocations", [])]
            if len(ids) != len(set(ids)):
                out.append(f"{what}: results[{n}]: relatedLocations ids repeat")
    return out


def has_fixes(log):
    return any(r.get("fixes") for run_ in log.get("runs", []) for r in run_.get("results", []))


def schema_errors(validator, document, what):
    errors = sorted(validator.iter_errors(document), key=lambda e: [str(p) for p in e.absolute_path])
    out = []
    for e in errors[:MAX_ERRORS]:
        where = "".join(f"[{p!r}]" for p in e.absolute_path) or "(root)"
        out.append(f"{what}: {where}: {e.message}")
    if len(errors) > MAX_ERRORS:
        out.append(f"{what}: … and {len(errors) - MAX_ERRORS} more")
    return out


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    schema_dir, binary, corpus = pathlib.Path(argv[1]), argv[2], pathlib.Path(argv[3])

    try:
        store = load_schemas(schema_dir)
        report = make_validator(store, schema_dir, "report.schema.json")
        diagnostics = make_validator(store, schema_dir, "diagnostics.schema.json")
        diagnostic = make_validator(store, schema_dir, "diagnostic.schema.json")
        sarif = make_sarif_validator()
    except (OSError, json.JSONDecodeError, jsonschema.SchemaError) as e:
        print(f"validate.py: cannot load the schemas: {e}", file=sys.stderr)
        return 1

    files = sorted(p for p in corpus.rglob("*.txt") if p.is_file())
    if not files:
        print(f"validate.py: no *.txt files under {corpus}", file=sys.stderr)
        return 1

    passed = failed = 0
    fixes_seen = False

    def report_on(name, problems):
        nonlocal passed, failed
        if problems:
            failed += 1
            print(f"FAIL {name}")
            for p in problems:
                print(f"     {p}")
        else:
            passed += 1
            print(f"ok   {name}")

    def check_sarif(args, what, exit_codes=(0, 1)):
        nonlocal fixes_seen
        log, problem = run(binary, args, what, exit_codes=exit_codes)
        if problem:
            return [problem]
        fixes_seen = fixes_seen or has_fixes(log)
        return schema_errors(sarif, log, what) + sarif_inconsistencies(log, what)

    for path in files:
        problems = []
        for args, validator, what in (
            (["compile", "--emit", "json", str(path)], report, "compile --emit json"),
            (["check", "--format", "json", str(path)], diagnostics, "check --format json"),
        ):
            document, problem = run(binary, args, what)
            if problem:
                problems.append(problem)
            else:
                problems += schema_errors(validator, document, what)
        lines, problem = run(binary, ["check", "--format", "jsonl", str(path)], "check --format jsonl", lines=True)
        if problem:
            problems.append(problem)
        else:
            for n, line in enumerate(lines, 1):
                problems += schema_errors(diagnostic, line, f"check --format jsonl, line {n}")
        problems += check_sarif(["check", "--format", "sarif", str(path)], "check --format sarif")
        report_on(path, problems)

    # A path that cannot be read (no file, no region) among readable ones, once in code points and
    # English, once in UTF-16 units and Chinese.
    missing = str(corpus / "no-such-report.txt")
    for extra in ([], ["--column-unit", "utf16", "--lang", "zh"]):
        what = " ".join(["check --format sarif", *extra, "CORPUS", "MISSING"])
        report_on(what, check_sarif(["check", "--format", "sarif", *extra, str(corpus), missing], what, exit_codes=(2,)))
    report_on("a SARIF result with fixes", [] if fixes_seen else ["no SARIF log of the corpus had a result with fixes"])

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
