#!/usr/bin/env python3
"""Validate xxgk's JSON output against the schemas in docs/schema.

Usage: validate.py SCHEMA_DIR XXGK_BINARY CORPUS_DIR

For every *.txt under CORPUS_DIR (recursively, sorted) runs
  XXGK_BINARY compile --emit json FILE   -> report.schema.json
  XXGK_BINARY check --format json FILE   -> diagnostics.schema.json
and prints one line per file, then "N passed, M failed". Exits 1 when any file fails.

Exit code 1 from xxgk (the report has errors) is expected and fine; 2 (unreadable input or usage)
and 3 (internal error) are failures.

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


def run(binary, args, what):
    """Runs xxgk; returns (document, problem)."""
    try:
        p = subprocess.run([binary, *args], capture_output=True, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, f"{what}: {e}"
    if p.returncode not in (0, 1):
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, f"{what}: exit code {p.returncode}" + (f" ({err[-1]})" if err else "")
    try:
        return json.loads(p.stdout.decode("utf-8")), None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        return None, f"{what}: output is not JSON: {e}"


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
    except (OSError, json.JSONDecodeError, jsonschema.SchemaError) as e:
        print(f"validate.py: cannot load the schemas in {schema_dir}: {e}", file=sys.stderr)
        return 1

    files = sorted(p for p in corpus.rglob("*.txt") if p.is_file())
    if not files:
        print(f"validate.py: no *.txt files under {corpus}", file=sys.stderr)
        return 1

    passed = failed = 0
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
        if problems:
            failed += 1
            print(f"FAIL {path}")
            for p in problems:
                print(f"     {p}")
        else:
            passed += 1
            print(f"ok   {path}")

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
