"""The format reference (docs/reference.md), generated from the loader's own key lists and the code registry."""
from __future__ import annotations

from .codes import CODES


def _type(prop: dict) -> str:
    if "enum" in prop:
        return " \\| ".join(f"`{v}`" for v in prop["enum"] if v == v.lower())
    kinds = prop.get("type", "object")
    kinds = [kinds] if isinstance(kinds, str) else kinds
    if "anyOf" in prop:
        return "text or a date mapping"
    names = {"string": "text", "null": "null", "array": "list", "object": "mapping", "boolean": "true/false",
             "number": "number"}
    return " or ".join(names.get(k, k) for k in kinds)


def _table(title: str, schema: dict) -> list[str]:
    required = set(schema.get("required", ()))
    out = [f"### {title}", "", schema.get("description", ""), "", "| key | required | type | meaning |",
           "|---|---|---|---|"]
    for key, prop in schema["properties"].items():
        meaning = prop.get("description", "").replace("|", "\\|").replace("\n", " ")
        out.append(f"| `{key}` | {'yes' if key in required else 'no'} | {_type(prop)} | {meaning} |")
    return out + [""]


def codes_table() -> str:
    rows = ["| code | name | severity | meaning |", "|---|---|---|---|"]
    rows += [f"| {c.id} | {c.name} | {c.severity.value} | {c.description} |" for c in CODES.values()]
    return "\n".join(rows)


def render_reference() -> str:
    from .schema import claims_schema, manifest_schema
    claims, manifest = claims_schema(), manifest_schema()
    claim = claims["properties"]["claims"]["items"]
    cite = claim["properties"]["cites"]["items"]
    date_value = cite["properties"]["value"]["anyOf"][1]
    lines = ["# Format reference", "",
             "Generated from claimcheck's loader and check-code registry (`tests/test_docs.py` keeps this page",
             "and the code). Every key not listed here is an error (CC004); every file needs the required keys",
             "(CC006). `claimcheck schema claims` and `claimcheck schema manifest` print the same as JSON Schema",
             "for editors. How values are written and read: [values.md](values.md).", "",
             "## Sources manifest (`seeds/sources.yaml`)", ""]
    lines += _table("The manifest", manifest)
    lines += _table("A source (an entry of `sources`)", manifest["properties"]["sources"]["items"])
    lines += ["## Claims file (`claims/<event>.yaml`)", ""]
    lines += _table("The claims file", claims)
    lines += _table("`event`", claims["properties"]["event"])
    lines += _table("A claim (an entry of `claims`)", claim)
    lines += _table("A cite (an entry of `cites`)", cite)
    lines += _table("A date value written as a mapping", date_value)
    lines += ["## Check codes", "", "`check` exits 1 when any error is found (any warning too with `--strict`).", "",
              codes_table(), ""]
    return "\n".join(lines)
