"""Reads every schema-valid report of the conformance suite into the Python classes quicktype generated from the
edition schema files (xxgk_report_2021.py, xxgk_report_2019.py) and writes it back, checking nothing changed:
blanks stay null, integers stay integers, strings (dates included) keep their text, decimals their value.

    python3 round_trip.py [--validators DIR]

One liberty of quicktype's Python is allowed and reported: it reads every `number` as a float, so an amount
written 0 comes back 0.0 — the same JSON number, and still valid. Exits with status 1 on any other difference.
"""
import argparse
import json
import sys
from pathlib import Path

import jsonschema

import xxgk_report_2019
import xxgk_report_2021

HERE = Path(__file__).resolve().parent
READERS = {
    "2021": (xxgk_report_2021.report2021_from_dict, xxgk_report_2021.report2021_to_dict),
    "2019": (xxgk_report_2019.report2019_from_dict, xxgk_report_2019.report2019_to_dict),
}


def differences(before, after, path, amounts, found):
    """Every place where `after` is not `before`, as (pointer, before, after); integral amounts as floats are noted apart."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in sorted(set(before) | set(after)):
            pointer = f"{path}/{key}"
            if key not in after or key not in before:
                found["changed"].append((pointer, before.get(key, "<absent>"), after.get(key, "<absent>")))
            else:
                differences(before[key], after[key], pointer, amounts, found)
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for index, (left, right) in enumerate(zip(before, after)):
            differences(left, right, f"{path}/{index}", amounts, found)
    elif type(before) is type(after) and before == after:
        return
    elif path in amounts and type(before) is int and type(after) is float and before == after:
        found["amountAsFloat"].append(path)
    else:
        found["changed"].append((path, before, after))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--validators", type=Path, default=HERE / "../../packages/validators")
    parser.add_argument("--schema", type=Path, default=HERE / "../../packages/schema/json-schema")
    args = parser.parse_args()
    with open(args.schema / "report.schema.json", encoding="utf-8") as file:
        report_schema = jsonschema.Draft202012Validator(json.load(file))
    with open(args.validators / "rules.json", encoding="utf-8") as file:
        cells = json.load(file)["cells"]
    amounts = {edition: {c["pointer"] for c in listed if c["kind"] == "amount"} for edition, listed in cells.items()}
    suite = args.validators / "conformance"
    with open(suite / "manifest.json", encoding="utf-8") as file:
        manifest = json.load(file)
    failed, read, floats = 0, 0, 0
    for case in manifest["cases"]:
        if not case["schemaValid"]:
            continue
        for key in ("report", "previous"):
            if key not in case:
                continue
            with open(suite / case[key], encoding="utf-8") as file:
                before = json.load(file)
            # Last year's report of a case about an invalid previous report is invalid on purpose.
            if key == "previous" and not report_schema.is_valid(before):
                continue
            from_dict, to_dict = READERS[before["edition"]]
            try:
                after = json.loads(json.dumps(to_dict(from_dict(before)), ensure_ascii=False))
            except Exception as error:  # the generated reader rejected a valid report
                print(f"FAILED {case[key]}: the generated classes cannot read it ({type(error).__name__}: {error})")
                failed += 1
                continue
            read += 1
            found = {"changed": [], "amountAsFloat": []}
            differences(before, after, "", amounts[before["edition"]], found)
            floats += len(found["amountAsFloat"])
            if found["changed"]:
                failed += 1
                for pointer, old, new in found["changed"][:10]:
                    print(f"FAILED {case[key]}: {pointer or '/'} was {json.dumps(old, ensure_ascii=False)}, written back as {json.dumps(new, ensure_ascii=False)}")
    print(f"{read} reports read and written back; {failed} changed; integral amounts written back as floats (same JSON number): {floats}")
    return 1 if failed or read == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
