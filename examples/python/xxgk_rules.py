"""A reference evaluator of @xxgk/validators' rules.json, in Python (standard library + jsonschema).

It evaluates every rule whose evaluation rules.json gives as data:
  schema       the report JSON Schema (draft 2020-12) accepts or rejects the report;
  cell-values  every listed cell that is present and not null must be a number valid for its kind;
  blank-cells  a listed cell that is null fails (blank is not zero);
  identities   sum(sign * value) over `stated` == sum(sign * value) over `expected`, cell by JSON Pointer.
Rules evaluated by `procedure` (metadata, prose, options) are described in rules.json and not evaluated here.
Sums are exact (fractions.Fraction), whatever the size of the integers; counts beyond 2^53 - 1 are invalid cells, as in
the JSON Schema (a JSON reader with doubles has already rounded them).
A rule's outcome is 'fail', 'not-assessable', 'pass', or 'not-applicable' when there was nothing to check (another
edition, no previous report, no identity for these two editions, no cell value stated).
"""
from fractions import Fraction
import math
import re
import unicodedata

import jsonschema

MISSING = object()
MAX_SAFE = 2**53 - 1
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
    if abs(value) > MAX_SAFE:
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


def integer_year(value):
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def normalise_body(body):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", body))


PLACE_UNIT = re.compile(r"^[^省市区县州盟旗镇乡]+[省市区县州盟旗镇乡]")


def same_body(left, right):
    """Equal after NFKC and removing whitespace, or one is the other without the higher levels of its place name
    (洪泽区人民政府 for 淮安市洪泽区人民政府; the shorter must still begin with a place, unlike 区人民政府)."""
    a, b = normalise_body(left), normalise_body(right)
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return longer.endswith(shorter) and PLACE_UNIT.match(shorter) is not None


def comparable(report, previous, previous_valid):
    """True when the cross-year identities can be assessed: last year's report is structurally valid, both years are
    integers and consecutive, and both reports name the same body."""
    if not previous_valid:
        return False
    year, previous_year = (integer_year(at(document, "/meta/year")) for document in (report, previous))
    if year is None or previous_year is None or previous_year != year - 1:
        return False
    body, previous_body = (at(document, "/meta/body") for document in (report, previous))
    if not isinstance(previous_body, str) or not previous_body.strip():
        return False
    return not isinstance(body, str) or same_body(body, previous_body)


def combine(outcomes):
    if not outcomes:
        return "not-applicable"
    return "fail" if "fail" in outcomes else "not-assessable" if "not-assessable" in outcomes else "pass"


def evaluate(rules_document, report_schema, report, previous=None):
    """{rule id: (outcome, failures)} for every data-evaluated rule that applies to the report."""
    results = {}
    validator = jsonschema.Draft202012Validator(report_schema)
    results["SCHEMA"] = ("pass" if validator.is_valid(report) else "fail", [])
    edition = edition_of(report)
    if edition is None:
        return results
    cells = rules_document["cells"][edition]
    previous_edition = edition_of(previous) if previous is not None else None
    kinds = {"current": {cell["pointer"]: cell["kind"] for cell in cells}}
    if previous_edition:
        kinds["previous"] = {cell["pointer"]: cell["kind"] for cell in rules_document["cells"][previous_edition]}
    for rule in rules_document["rules"]:
        if rule["evaluation"] not in DATA_EVALUATIONS[1:]:
            continue
        if edition not in rule["editions"] or (rule["crossYear"] and previous is None):
            results[rule["id"]] = ("not-applicable", [])
            continue
        if rule["evaluation"] in ("cell-values", "blank-cells"):
            failing = [cell["pointer"] for cell in cells if cell_fails(rule["evaluation"], at(report, cell["pointer"]), cell["kind"])]
            stated = [cell for cell in cells if at(report, cell["pointer"]) not in (MISSING, None)]
            if rule["evaluation"] == "cell-values" and not stated:
                results[rule["id"]] = ("not-applicable", [])
                continue
            results[rule["id"]] = ("fail" if failing else "pass", [{"pointers": [pointer]} for pointer in failing])
            continue
        if rule["crossYear"]:
            if previous_edition is None or not comparable(report, previous, validator.is_valid(previous)):
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
