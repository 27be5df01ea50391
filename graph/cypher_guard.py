"""Decides, before anything runs, whether a researcher's Cypher only reads the graph.

Two checks, cheapest first:

1. `check_query` tokenizes the text (string literals, comments and backquoted names are skipped,
   so `RETURN 'LOAD CSV'` is fine) and refuses what is too long or too deeply nested for Neo4j's
   parser (deep nesting overflows its stack and the server never answers), every clause that
   writes, loads files or URLs, or administers the DBMS, any procedure outside a short read-only
   allowlist, and functions outside Neo4j's own namespaces.
2. `check_plan` reads Neo4j's own `EXPLAIN` plan of the query: it must be a read query ('r') on
   the graph database, with no LoadCSV, Show*/Terminate* command, IN TRANSACTIONS or procedure
   outside the allowlist. This catches whatever spelling the tokenizer might not know.

`check_parameters` bounds the parameters (64-bit integers, finite floats, size, nesting).
Every refusal raises QueryRejected with a short `reason`.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from schema.errors import QueryRejected

# Read-only procedures a researcher may CALL; names are case-sensitive in Neo4j.
ALLOWED_PROCEDURES = frozenset({
    "db.labels",
    "db.relationshipTypes",
    "db.propertyKeys",
    "db.index.fulltext.queryNodes",
    "db.index.fulltext.queryRelationships",
})
ALLOWED_PROCEDURE_PREFIXES = ("db.schema.",)

# Namespaces of Neo4j 5's built-in functions (SHOW FUNCTIONS); plugin functions (apoc.*, ...)
# are always namespaced, so a namespaced call outside these is refused.
BUILTIN_FUNCTION_NAMESPACES = frozenset({
    "date", "datetime", "localdatetime", "localtime", "time", "duration", "point",
    "vector.similarity",
})

# Clause words that never belong in a read of the graph, wherever they stand. Matched on
# words only (not strings, comments, backquoted names, properties, labels or aliases).
FORBIDDEN_WORDS: dict[str, str] = {
    **dict.fromkeys(("load",), "load_csv"),
    **dict.fromkeys(("create", "insert", "merge", "set", "delete", "detach", "nodetach",
                     "remove", "foreach"), "write"),
    **dict.fromkeys(("drop", "alter", "grant", "deny", "revoke", "rename", "dryrun",
                     "deallocate", "reallocate"), "admin"),
    **dict.fromkeys(("show",), "show"),
    **dict.fromkeys(("terminate",), "terminate"),
    **dict.fromkeys(("use",), "use"),
    **dict.fromkeys(("transactions", "concurrent"), "in_transactions"),
}
# Words that only matter as a prefix of the whole query.
FORBIDDEN_PREFIXES = {"explain": "prefix", "profile": "prefix", "cypher": "prefix"}
# Admin commands whose first word is also an ordinary name ("AS start").
FORBIDDEN_PAIRS = {("start", "database"): "admin", ("stop", "database"): "admin",
                   ("enable", "server"): "admin"}

# Beyond about 300 chained operators or nested brackets, Neo4j 5.26's parser overflows its
# stack and the server never answers (measured: 400 NOTs, 250 chained `.b`, 300 `-(`, 1000 `(`).
# Counting brackets plus operators chained at each level, with a third of that as the bound.
MAX_EXPRESSION_DEPTH = 100
MAX_PARAMETER_DEPTH = 16
INT64 = (-(2**63), 2**63 - 1)

_CLAUSE_WORDS = frozenset({
    "match", "optional", "where", "with", "return", "unwind", "order", "by", "skip", "limit",
    "call", "yield", "union", "as", "when", "then", "else", "using", "finish",
})
_OPERATOR_WORDS = frozenset({"and", "or", "xor", "not", "in", "is", "starts", "ends", "contains"})
_OPERATOR_PUNCT = frozenset({".", "+", "-", "*", "/", "%", "^", "=", "<>", "!=", "<", ">", "<=",
                             ">=", "=~", "|", "&", "!", "::"})
_OPEN, _CLOSE = {"(": ")", "[": "]", "{": "}"}, {")": "(", "]": "[", "}": "{"}
_MULTI_PUNCT = ("<>", "<=", ">=", "=~", "!=", "::", "..", "+=", "->", "<-")
_NUMBER = re.compile(r"0x[0-9a-fA-F_]+|0o[0-7_]+|\d[\d_]*(?:\.\d[\d_]*)?(?:[eE][+-]?\d+)?")
_WORD = re.compile(r"[^\W\d]\w*")
_LINE_BREAK = re.compile(r"[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


@dataclass(frozen=True)
class Token:
    kind: str  # word, name (backquoted), string, number, param, punct
    text: str  # a word as written, a name unescaped, punctuation as is
    pos: int

    @property
    def key(self) -> str:
        """A word normalised for keyword comparison (case and compatibility forms folded)."""
        return unicodedata.normalize("NFKC", self.text).casefold() if self.kind == "word" else ""


def tokenize(query: str) -> list[Token]:
    """The query's tokens without whitespace and comments. Raises QueryRejected on an
    unterminated string, comment or backquoted name."""
    return list(_tokens(query))


def _tokens(q: str) -> Iterator[Token]:
    i, n = 0, len(q)
    while i < n:
        ch = q[i]
        if ch.isspace():
            i += 1
        elif q.startswith("//", i):
            # Ends at the first line break of any kind: ending earlier than Neo4j would only
            # show the guard more words, never fewer.
            end = _LINE_BREAK.search(q, i)
            i = n if end is None else end.end()
        elif q.startswith("/*", i):
            end = q.find("*/", i + 2)
            if end < 0:
                raise QueryRejected("unterminated /* comment", reason="syntax")
            i = end + 2
        elif ch in "'\"":
            j = i + 1
            while j < n and q[j] != ch:
                j += 2 if q[j] == "\\" else 1
            if j >= n:
                raise QueryRejected(f"unterminated string starting at offset {i}", reason="syntax")
            yield Token("string", q[i + 1:j], i)
            i = j + 1
        elif ch == "`":
            j, text = i + 1, []
            while True:
                end = q.find("`", j)
                if end < 0:
                    raise QueryRejected(f"unterminated `name` starting at offset {i}", reason="syntax")
                text.append(q[j:end])
                if q.startswith("``", end):  # a doubled backquote is one backquote in the name
                    text.append("`")
                    j = end + 2
                    continue
                break
            yield Token("name", "".join(text), i)
            i = end + 1
        elif ch == "$":
            match = _WORD.match(q, i + 1) or _NUMBER.match(q, i + 1)
            if match:
                yield Token("param", match.group(), i)
                i = match.end()
            elif q.startswith("`", i + 1):
                i += 1  # the backquoted name that follows is the parameter's name
            else:
                yield Token("punct", "$", i)
                i += 1
        elif ch.isdigit():
            match = _NUMBER.match(q, i)
            yield Token("number", match.group(), i)
            i = match.end()
        elif _WORD.match(q, i):
            match = _WORD.match(q, i)
            yield Token("word", match.group(), i)
            i = match.end()
        else:
            two = q[i:i + 2]
            text = two if two in _MULTI_PUNCT else ch
            yield Token("punct", text, i)
            i += len(text)


def check_query(query: str, max_chars: int, max_nesting: int,
                max_depth: int = MAX_EXPRESSION_DEPTH) -> list[Token]:
    """Refuse a query that is too long, too deeply nested or does more than read the graph.

    Returns the tokens; raises QueryRejected with reason `too_long`, `too_deep`, `syntax`,
    `load_csv`, `write`, `admin`, `show`, `terminate`, `use`, `in_transactions`, `prefix`,
    `procedure` or `function`.
    """
    if len(query) > max_chars:
        raise QueryRejected(f"the query has {len(query)} characters; at most {max_chars} are "
                            "accepted", reason="too_long")
    tokens = tokenize(query)
    if not tokens:
        raise QueryRejected("the query is empty (only comments or spaces)", reason="syntax")
    names = _name_positions(tokens)
    _check_depth(tokens, names, max_nesting, max_depth)
    _check_words(tokens, names)
    return tokens


def _check_depth(tokens: list[Token], names: list[bool], max_nesting: int, max_depth: int) -> None:
    # `stack` holds, per open bracket (or CASE), the operators chained so far at that level:
    # Neo4j's parser recurses once per bracket and once per chained operator.
    stack: list[int] = [0]
    brackets: list[str] = []
    for index, tok in enumerate(tokens):
        text, key = tok.text, tok.key
        if tok.kind == "punct" and text in _OPEN:
            brackets.append(text)
            stack.append(0)
        elif tok.kind == "punct" and text in _CLOSE:
            if not brackets or brackets[-1] != _CLOSE[text]:
                raise QueryRejected(f"unbalanced {text!r} at offset {tok.pos}", reason="syntax")
            brackets.pop()
            stack.pop()
        elif key == "case" and not names[index]:
            brackets.append("case")
            stack.append(0)
        elif key == "end" and not names[index] and brackets and brackets[-1] == "case":
            brackets.pop()
            stack.pop()
        elif _is_operator(tok):
            stack[-1] += 1
        elif (tok.kind == "punct" and text in {",", ";"}) or (
                key in _CLAUSE_WORDS and not names[index]
                and not (index and _is_operator(tokens[index - 1]))):
            # A new expression starts: a comma, or a clause word after an operand (after an
            # operator the same word would be an operand named like a clause: `x + match`).
            stack[-1] = 0
        if len(brackets) > max_nesting:
            raise QueryRejected(f"brackets nest more than {max_nesting} deep (offset {tok.pos})",
                                reason="too_deep")
        if len(stack) - 1 + sum(stack) > max_depth:
            raise QueryRejected(
                f"the expression at offset {tok.pos} nests more than {max_depth} "
                "brackets and chained operators deep; split it or pass lists as parameters",
                reason="too_deep")
    if brackets:
        raise QueryRejected(f"unclosed {brackets[-1]!r}", reason="syntax")


def _is_operator(tok: Token) -> bool:
    return (tok.kind == "punct" and tok.text in _OPERATOR_PUNCT) or (
        tok.kind == "word" and tok.key in _OPERATOR_WORDS)


def _name_positions(tokens: list[Token]) -> list[bool]:
    """Per token, True where a word is a name, not a keyword: a property (`n.set`), a label or
    type (`:Show`), an alias (`AS end`, but not after an alias named `as`) or a map key
    (`{delete: 1}`). One forward pass: each answer may depend on the one before."""
    names: list[bool] = []
    for index, tok in enumerate(tokens):
        prev = tokens[index - 1] if index else None
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        names.append(tok.kind == "word" and prev is not None and (
            (prev.kind == "punct" and prev.text in {".", ":", "::"})
            or (prev.key == "as" and not names[index - 1])
            or (prev.kind == "punct" and prev.text in {"{", ","}
                and nxt is not None and nxt.kind == "punct" and nxt.text == ":")))
    return names


def _check_words(tokens: list[Token], names: list[bool]) -> None:
    first = tokens[0].key
    if first in FORBIDDEN_PREFIXES:
        raise QueryRejected(f"{tokens[0].text.upper()} is not accepted here: send the query "
                            "itself", reason="prefix")
    for index, tok in enumerate(tokens):
        if tok.kind == "punct" and tok.text == ";" and index != len(tokens) - 1:
            raise QueryRejected("one statement per request", reason="syntax")
        prev = tokens[index - 1] if index else None
        after_dot = prev is not None and prev.kind == "punct" and prev.text == "."
        if tok.kind in {"word", "name"} and not after_dot and not (prev and prev.key == "call"):
            _check_function(tokens, index)
        if tok.kind != "word" or names[index]:
            continue
        key = tok.key
        if key in FORBIDDEN_WORDS:
            raise _refusal(FORBIDDEN_WORDS[key], tok)
        nxt = tokens[index + 1].key if index + 1 < len(tokens) else ""
        if (key, nxt) in FORBIDDEN_PAIRS:
            raise _refusal(FORBIDDEN_PAIRS[key, nxt], tok)
        if key == "call":
            _check_call(tokens, index)


_WHY = {
    "load_csv": "LOAD CSV (files and URLs) is not allowed",
    "write": "writes are not allowed on this endpoint",
    "admin": "administration commands are not allowed",
    "show": "SHOW commands are not allowed",
    "terminate": "TERMINATE is not allowed",
    "use": "USE is not allowed: queries run on the graph database only",
    "in_transactions": "CALL { } IN TRANSACTIONS is not allowed",
}


def _refusal(reason: str, tok: Token) -> QueryRejected:
    return QueryRejected(f"{_WHY[reason]} ({tok.text!r} at offset {tok.pos})", reason=reason)


def _dotted_name(tokens: list[Token], start: int) -> tuple[str, int]:
    """The dotted name (`db.index.fulltext.queryNodes`) starting at `start`, and the index after it."""
    parts, i = [], start
    while i < len(tokens) and tokens[i].kind in {"word", "name"}:
        parts.append(tokens[i].text)
        if i + 2 < len(tokens) and tokens[i + 1].text == "." and tokens[i + 1].kind == "punct":
            i += 2
        else:
            i += 1
            break
    return ".".join(parts), i


def _check_call(tokens: list[Token], index: int) -> None:
    nxt = tokens[index + 1] if index + 1 < len(tokens) else None
    if nxt is not None and nxt.kind == "punct" and nxt.text in {"{", "("}:
        return  # a subquery; IN TRANSACTIONS is refused by its own word
    name, _ = _dotted_name(tokens, index + 1)
    if not procedure_allowed(name):
        raise QueryRejected(
            f"procedure {name or '(none)'!r} is not allowed; allowed: "
            f"{', '.join(sorted(ALLOWED_PROCEDURES))}, db.schema.*", reason="procedure")


def procedure_allowed(name: str) -> bool:
    return name in ALLOWED_PROCEDURES or name.startswith(ALLOWED_PROCEDURE_PREFIXES)


def _check_function(tokens: list[Token], index: int) -> None:
    name, after = _dotted_name(tokens, index)
    if "." not in name or after >= len(tokens) or tokens[after].text != "(":
        return
    namespace = unicodedata.normalize("NFKC", name.rsplit(".", 1)[0]).casefold()
    if namespace not in BUILTIN_FUNCTION_NAMESPACES:
        raise QueryRejected(f"function {name!r} is not allowed: only Neo4j's built-in functions",
                            reason="function")


# Plan operators that are never part of reading the graph (names without the "@database").
_BLOCKED_OPERATORS = ("LoadCSV", "Show", "Terminate", "Transaction", "Administration",
                      "SystemProcedureCall", "Create", "Merge", "Set", "Delete", "DetachDelete",
                      "Remove", "Foreach", "Drop", "Alter", "Grant", "Deny", "Revoke")
_PROCEDURE_IN_DETAILS = re.compile(r"\s*([^\s(]+)\s*\(")


def check_plan(query_type: str | None, plan: dict | None, database: str) -> None:
    """Refuse a query Neo4j plans as more than a read of `database`.

    `query_type` and `plan` come from the summary of `EXPLAIN <query>`. Raises QueryRejected.
    """
    if query_type != "r":
        raise QueryRejected(
            f"only reading queries are accepted; Neo4j plans this one as {query_type!r} "
            "(w: writes, rw: reads and writes, s: schema or DBMS)",
            reason="write" if query_type in {"w", "rw"} else "admin")
    if not plan:
        raise QueryRejected("Neo4j returned no plan for this query", reason="syntax")
    pending = [plan]
    while pending:  # iterative: plans can be deep
        operator = pending.pop()
        pending.extend(operator.get("children") or [])
        name, _, where = str(operator.get("operatorType", "")).partition("@")
        if where and where != database:
            raise QueryRejected(f"queries run on the {database!r} database only", reason="use")
        details = str((operator.get("args") or {}).get("Details", ""))
        if name == "ProcedureCall":
            match = _PROCEDURE_IN_DETAILS.match(details)
            procedure = match.group(1).replace("`", "") if match else details
            if not procedure_allowed(procedure):
                raise QueryRejected(f"procedure {procedure!r} is not allowed", reason="procedure")
        elif name.startswith(_BLOCKED_OPERATORS):
            reason = "load_csv" if name == "LoadCSV" else "admin"
            raise QueryRejected(f"the plan contains {name}, which does more than read the graph",
                                reason=reason)


def check_parameters(parameters: dict[str, Any], max_bytes: int) -> None:
    """Refuse parameters Neo4j cannot take or that are too big.

    Integers must fit in 64 bits, floats must be finite, nesting is at most
    MAX_PARAMETER_DEPTH, and the JSON form at most `max_bytes`. Raises QueryRejected
    (reason `parameters`).
    """
    pending: list[tuple[str, Any, int]] = [(f"${k}", v, 1) for k, v in parameters.items()]
    while pending:
        where, value, depth = pending.pop()
        if depth > MAX_PARAMETER_DEPTH:
            raise _bad_parameter(where, f"nests more than {MAX_PARAMETER_DEPTH} deep")
        if isinstance(value, bool) or value is None or isinstance(value, str):
            continue
        if isinstance(value, int):
            if not INT64[0] <= value <= INT64[1]:
                raise _bad_parameter(where, "is an integer outside the signed 64-bit range")
        elif isinstance(value, float):
            if not math.isfinite(value):
                raise _bad_parameter(where, f"is {value!r}; only finite numbers are accepted")
        elif isinstance(value, list):
            pending.extend((f"{where}[{i}]", v, depth + 1) for i, v in enumerate(value))
        elif isinstance(value, dict):
            pending.extend((f"{where}.{k}", v, depth + 1) for k, v in value.items())
        else:
            raise _bad_parameter(where, f"has an unsupported type {type(value).__name__}")
    size = len(json.dumps(parameters, ensure_ascii=False).encode("utf-8"))
    if size > max_bytes:
        raise QueryRejected(f"the parameters take {size} bytes as JSON; at most {max_bytes} are "
                            "accepted", reason="parameters")


def _bad_parameter(where: str, problem: str) -> QueryRejected:
    return QueryRejected(f"parameter {where[:80]} {problem}", reason="parameters")
