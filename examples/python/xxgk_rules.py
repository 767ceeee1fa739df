"""A reference evaluator of @xxgk/validators' rules.json, in Python (standard library + jsonschema).

It evaluates every rule whose evaluation rules.json gives as data:
  schema       the report JSON Schema (draft 2020-12) accepts or rejects the report;
  cell-values  every listed cell that is present and not null must be a number valid for its kind;
  blank-cells  a listed cell that is null fails (blank is not zero);
  identities   sum(sign * value) over `stated` == sum(sign * value) over `expected`, cell by JSON Pointer.
Rules evaluated by `procedure` (metadata, prose, options) are described in rules.json and not evaluated here.
Sums are exact (fractions.Fraction), whatever the size of the integers.
"""
from fractions import Fraction
import math

import jsonschema

MISSING = object()
DATA_EVALUATIONS = ("schema", "cell-values", "blank-cells", "identities")


def at(document, pointer):
    """The value at an RFC 6901 JSON Pointer, or MISSING. Only objects are walked into, as in the format."""
    node = document
    for part in pointer.split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            return MISSING
        node = node[part]
    return node


def valid_number(value, kind):
    """True when a JSON value is valid for a cell of this kind (null is handled by the caller)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if isinstance(value, float) and not math.isfinite(value):
        return False
    if kind == "amount":
        return value >= 0
    if isinstance(value, float) and not value.is_integer():
        return False
    return kind == "signedCount" or value >= 0


def number(fraction):
    return int(fraction) if fraction.denominator == 1 else float(fraction)


def edition_of(document):
    edition = document.get("edition") if isinstance(document, dict) else None
    return edition if edition in ("2021", "2019") else None


def evaluate_identity(identity, kinds, report, previous):
    """('pass' | 'fail' | 'not-assessable', failure or None) for one identity."""
    sums = []
    for side in ("stated", "expected"):
        total = Fraction(0)
        for term in identity[side]:
            document = previous if term.get("document") == "previous" else report
            value = at(document, term["pointer"])
            if value is MISSING or value is None or not valid_number(value, kinds[term.get("document", "current")][term["pointer"]]):
                return "not-assessable", None
            total += term["sign"] * Fraction(value)
        sums.append(total)
    stated, expected = sums
    if stated == expected:
        return "pass", None
    cells = [{"pointer": t["pointer"], **({"document": "previous"} if t.get("document") else {})} for t in identity["stated"] + identity["expected"]]
    return "fail", {"cells": cells, "stated": number(stated), "expected": number(expected), "difference": number(stated - expected)}


def cell_fails(evaluation, value, kind):
    if evaluation == "blank-cells":
        return value is None
    return value is not MISSING and value is not None and not valid_number(value, kind)


def consecutive(report, previous):
    """False only when both reports state integer years that are not consecutive."""
    year, previous_year = (at(document, "/meta/year") for document in (report, previous))
    known = all(isinstance(y, int) and not isinstance(y, bool) for y in (year, previous_year))
    return not known or previous_year == year - 1


def combine(outcomes):
    return "fail" if "fail" in outcomes else "not-assessable" if "not-assessable" in outcomes else "pass"


def evaluate(rules_document, report_schema, report, previous=None):
    """{rule id: (outcome, failures)} for every data-evaluated rule that applies to the report."""
    results = {}
    results["SCHEMA"] = ("pass" if jsonschema.Draft202012Validator(report_schema).is_valid(report) else "fail", [])
    edition = edition_of(report)
    if edition is None:
        return results
    cells = rules_document["cells"][edition]
    previous_edition = edition_of(previous) if previous is not None else None
    kinds = {"current": {cell["pointer"]: cell["kind"] for cell in cells}}
    if previous_edition:
        kinds["previous"] = {cell["pointer"]: cell["kind"] for cell in rules_document["cells"][previous_edition]}
    for rule in rules_document["rules"]:
        if rule["evaluation"] not in DATA_EVALUATIONS[1:] or edition not in rule["editions"]:
            continue
        if rule["evaluation"] in ("cell-values", "blank-cells"):
            failing = [cell["pointer"] for cell in cells if cell_fails(rule["evaluation"], at(report, cell["pointer"]), cell["kind"])]
            results[rule["id"]] = ("fail" if failing else "pass", [{"pointers": [pointer]} for pointer in failing])
            continue
        if rule["crossYear"]:
            if previous is None:
                continue
            if previous_edition is None or not consecutive(report, previous):
                results[rule["id"]] = ("not-assessable", [])
                continue
        outcomes, failures = [], []
        for identity in rule["identities"]:
            if identity["edition"] != edition or identity.get("previousEdition", previous_edition) != previous_edition:
                continue
            outcome, failure = evaluate_identity(identity, kinds, report, previous)
            outcomes.append(outcome)
            if failure:
                failures.append(failure)
        results[rule["id"]] = (combine(outcomes), failures)
    return results
