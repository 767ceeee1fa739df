"""Runs the xxgk conformance suite with Python's jsonschema and the reference evaluator of rules.json.

    python3 check_conformance.py [--schema DIR] [--validators DIR]

DIR defaults to this repository's packages; with the npm packages installed, pass
node_modules/@xxgk/schema/json-schema and node_modules/@xxgk/validators. For every case it checks that
report.schema.json accepts exactly the reports the manifest says it accepts, and that every rule rules.json
gives as data has the manifest's outcome, failing cells and stated, expected and difference values.
Prints each disagreement and exits with status 1 if there is any.
"""
import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import jsonschema

from xxgk_rules import evaluate

HERE = Path(__file__).resolve().parent


def load(path):
    with open(path, encoding="utf-8") as file:
        return json.load(file)


MAX_SAFE = 2**53 - 1


def freeze(failure):
    """A failure as comparable text. Figures beyond ±(2^53 − 1) are not interoperable as JSON numbers (RFC 8259 §6):
    the TypeScript engine decides pass or fail exactly but writes such sums rounded, so only their presence is compared."""
    failure = dict(failure)
    for key in ("stated", "expected", "difference"):
        if isinstance(failure.get(key), (int, float)) and abs(failure[key]) > MAX_SAFE:
            failure[key] = "beyond 2^53 - 1"
    return json.dumps(failure, sort_keys=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schema", type=Path, default=HERE / "../../packages/schema/json-schema")
    parser.add_argument("--validators", type=Path, default=HERE / "../../packages/validators")
    args = parser.parse_args()
    report_schema = load(args.schema / "report.schema.json")
    rules_document = load(args.validators / "rules.json")
    jsonschema.Draft202012Validator.check_schema(report_schema)
    rules_schema = load(args.validators / "rules.schema.json")
    jsonschema.Draft202012Validator.check_schema(rules_schema)
    problems = [f"rules.json: {error.message}" for error in jsonschema.Draft202012Validator(rules_schema).iter_errors(rules_document)]
    suite = args.validators / "conformance"
    manifest = load(suite / "manifest.json")
    problems += [f"manifest.json: {error.message}" for error in jsonschema.Draft202012Validator(load(suite / "manifest.schema.json")).iter_errors(manifest)]
    checked = Counter()
    for case in manifest["cases"]:
        report = load(suite / case["report"])
        previous = load(suite / case["previous"]) if "previous" in case else None
        results = evaluate(rules_document, report_schema, report, previous)
        if (results["SCHEMA"][0] == "pass") != case["schemaValid"]:
            problems.append(f"{case['id']}: report.schema.json {'accepts' if results['SCHEMA'][0] == 'pass' else 'rejects'} it, the manifest says schemaValid={case['schemaValid']}")
        for rule, (outcome, failures) in results.items():
            checked[rule] += 1
            expected = case["outcomes"].get(rule)
            if expected != outcome:
                problems.append(f"{case['id']}: {rule} is {outcome} here, {expected} in the manifest")
                continue
            if rule == "SCHEMA":
                continue
            listed = [f for f in case["failures"] if f["rule"] == rule]
            if rule in ("CELL-VALUE", "BLANK-CELL"):
                mine = sorted(p for f in failures for p in f["pointers"])
                theirs = sorted(p for f in listed for p in f["pointers"])
            else:
                mine = sorted(freeze(f) for f in failures)
                theirs = sorted(freeze({k: f[k] for k in ("cells", "stated", "expected", "difference")}) for f in listed)
            if mine != theirs:
                problems.append(f"{case['id']}: {rule} failures differ\n  here:     {mine}\n  manifest: {theirs}")
        # Every data rule the manifest evaluated on a report of a known edition must have been evaluated here too.
        data_rules = {r["id"] for r in rules_document["rules"] if r["evaluation"] != "procedure"}
        if report.get("edition") in ("2021", "2019") if isinstance(report, dict) else False:
            for rule in sorted(data_rules & set(case["outcomes"]) - set(results)):
                problems.append(f"{case['id']}: {rule} is in the manifest but was not evaluated here")
    for problem in problems:
        print(f"DISAGREEMENT {problem}")
    print(f"{len(manifest['cases'])} cases; rule evaluations compared: {dict(sorted(checked.items()))}; disagreements: {len(problems)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
