"""The bad-input matrix: every kind of bad article fed to `kg load` (a real subprocess) and to
`POST /articles`, against the real test Neo4j. Each is refused with its reason, never a 500 or a
traceback, and the graph's node and edge counts do not move (a JSON Lines file's good lines
load, its bad lines alone are refused). Each case is recorded in RELIABILITY.md."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.writer import upsert_article
from tests.api.client import BASE_URL
from tests.conftest import ROOT
from tests.graph.factories import sample_graph
from tests.reliability import record

KEY = "bad-input-key"
ENGLISH = ("Seoul said on Monday that the troops had arrived in the region, and the ministry "
           "denied that any of them had been sent to the front by the government. ")
_LINE = re.compile(r"^refused\s+(?P<path>.+?): (?P<reason>[a-z0-9 ]+): ", re.M)


@dataclass(frozen=True)
class Case:
    name: str
    filename: str
    data: bytes | None  # file content; None: the case makes its own path (folder, missing)
    reason: str  # the refusal reason `kg load` gives
    api: dict | bytes | None = None  # body for POST /articles (None: no HTTP equivalent)
    api_reason: str | None = None  # the reason in the 422 body (None: a validation 422)


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


def _cases() -> list[Case]:
    big = ENGLISH * (200_001 // len(ENGLISH) + 1)
    deep = "[" * 10_000 + "]" * 10_000
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    return [
        Case("empty file", "empty.txt", b"", "empty", {"text": ""}),
        Case("whitespace only", "blank.txt", b"  \n\t\n   \r\n", "empty", {"text": "  \n\t \n"}, "empty"),
        Case("NUL bytes", "nul.txt", _utf8(ENGLISH) + b"\x00\x00" + _utf8(ENGLISH), "binary",
             {"text": ENGLISH + "\x00" + ENGLISH}, "binary"),
        Case("random binary", "random.txt", bytes((i * 7919 + 13) % 256 for i in range(4096)), "binary"),
        Case("PNG header", "image.txt", png, "binary"),
        Case("UTF-16 with BOM", "utf16.txt", ENGLISH.encode("utf-16"), "not_utf8"),
        Case("Latin-1", "latin1.txt", "Le ministère a confirmé l'arrivée. Señor said café.".encode("latin-1"),
             "not_utf8"),
        Case("mixed encodings", "mixed.txt", _utf8("Seoul said — ") + "café olé".encode("latin-1"), "not_utf8"),
        Case("control characters", "controls.txt", bytes(range(1, 9)) * 100 + _utf8("Seoul said."), "binary",
             {"text": "".join(map(chr, range(1, 9))) * 100 + "Seoul said."}, "binary"),
        Case("more bytes than KG_MAX_ARTICLE_BYTES", "huge.txt", _utf8(ENGLISH) * (2_000_001 // len(ENGLISH) + 1),
             "too_large"),
        Case("more characters than KG_MAX_ARTICLE_CHARS", "long.txt", _utf8(big[:200_001]), "too_large",
             {"text": big[:200_001]}, "too_large"),
        Case("1,000,001 characters (over spaCy's max_length)", "million.txt",
             _utf8((big * 6)[:1_000_001]), "too_large", {"text": (big * 6)[:1_000_001]}, "too_large"),
        Case("French", "fr.txt", _utf8("Le gouvernement a confirmé lundi que les soldats étaient arrivés "
                                       "dans la région et que le ministre n'avait pas de doute. " * 5),
             "not_english", {"text": "Le gouvernement a confirmé lundi que les soldats étaient arrivés "
                                     "dans la région et que le ministre n'avait pas de doute. " * 5}, "not_english"),
        Case("Russian", "ru.txt", _utf8("Министерство обороны заявило в понедельник, что войска прибыли "
                                        "в регион и что никаких сомнений нет. " * 5), "not_english",
             {"text": "Министерство обороны заявило, что войска прибыли в регион. " * 5}, "not_english"),
        Case("Chinese", "zh.txt", _utf8("韩国国防部周一表示，朝鲜士兵已经抵达俄罗斯库尔斯克地区。" * 10),
             "not_english", {"text": "韩国国防部周一表示，朝鲜士兵已经抵达俄罗斯库尔斯克地区。" * 10}, "not_english"),
        Case("Arabic", "ar.txt", _utf8("قالت وزارة الدفاع الكورية الجنوبية يوم الاثنين إن الجنود وصلوا إلى المنطقة. " * 5),
             "not_english", {"text": "قالت وزارة الدفاع يوم الاثنين إن الجنود وصلوا إلى المنطقة. " * 5}, "not_english"),
        Case("only boilerplate", "boiler.txt", _utf8("Subscribe to our newsletter\nSign up\nCookie policy\n"
                                                     "All rights reserved ©\nShare this\n"), "no_content",
             {"text": "Subscribe to our newsletter\nSign up\nCookie policy\nAll rights reserved ©\nShare this\n"},
             "no_content"),
        Case("digits and punctuation only", "digits.txt", _utf8("12,000 -- 3.5 %% (4) [7] 2024-10-19 ... !!!\n" * 20),
             "not_english", {"text": "12,000 -- 3.5 (4) [7] 2024-10-19 ... !!!\n" * 20}, "not_english"),
        Case("HTML with only scripts and styles", "scripts.html",
             _utf8("<html><head><style>p{color:red}</style></head><body><script>var a = 'the said that';"
                   "</script><noscript>Enable JavaScript</noscript></body></html>"), "not_english",
             {"text": "<html><head><style>p{}</style></head><body><script>var a='the said';</script></body></html>",
              "format": "html"}, "not_english"),
        Case("JSON not an object", "list.json", b'["Seoul said troops arrived."]', "malformed",
             b'["Seoul said troops arrived."]'),
        Case("JSON without text", "notext.json", b'{"title": "Troops"}', "malformed", {"title": "Troops"}),
        Case("JSON text not a string", "numtext.json", b'{"text": 12000}', "malformed", {"text": 12000}),
        Case("JSON empty text", "emptytext.json", b'{"text": "   "}', "malformed", {"text": "   "}, "empty"),
        Case("JSON nested 10,000 deep", "deep.json", _utf8(deep), "malformed", _utf8(deep)),
        Case("JSON wrong metadata types", "meta.json", _utf8(json.dumps({"text": ENGLISH, "title": 5, "published": []})),
             "malformed", {"text": ENGLISH, "title": 5, "published": []}),
        Case("JSON trailing garbage", "trailing.json", _utf8(json.dumps({"text": ENGLISH}) + " }{ garbage"),
             "malformed", _utf8(json.dumps({"text": ENGLISH}) + " }{ garbage")),
        Case("JSON Lines, every line bad", "allbad.jsonl", b'{"text": \n[1]\n{"title": "x"}\n', "malformed"),
        Case("empty JSON Lines", "blank.jsonl", b"\n\n  \n", "empty"),
        Case("a folder with no article in it", "folder", None, "not_found"),
        Case("a missing file", "missing.txt", None, "not_found"),
    ]


CASES = _cases()


def _counts(db) -> tuple[int, int]:
    nodes = db.read("MATCH (n) RETURN count(n) AS n")[0]["n"]
    edges = db.read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
    return nodes, edges


def _write(case: Case, folder: Path) -> Path:
    path = folder / case.filename
    if case.name.startswith("a folder"):
        path.mkdir()
        (path / "notes.csv").write_text("not an article")
    elif case.data is not None:
        path.write_bytes(case.data)
    return path


def _kg_load(paths: list[Path], target, **env: str) -> subprocess.CompletedProcess:
    full = {**os.environ, "NEO4J_URI": target.uri, **env}
    for key, value in (("NEO4J_USER", target.user), ("NEO4J_PASSWORD", target.password)):
        if value:
            full[key] = value
        else:
            full.pop(key, None)
    return subprocess.run([sys.executable, "-m", "api.cli", "load", *map(str, paths)], capture_output=True,
                          text=True, cwd=ROOT, env=full, timeout=600)


def _refusals(stderr: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for m in _LINE.finditer(stderr):
        found.setdefault(m.group("path"), []).append(m.group("reason").replace(" ", "_"))
    return found


def _seed(db) -> None:
    upsert_article(db, sample_graph("art-a"))


def test_bad_input_cli_refuses_each_and_goes_on(db, neo4j_target, tmp_path):
    _seed(db)
    before = _counts(db)
    paths = [_write(case, tmp_path) for case in CASES]
    result = _kg_load(paths, neo4j_target)
    after = _counts(db)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == 1, output
    # allbad.jsonl is refused line by line: three refusals.
    assert f"0 loaded, 0 unchanged, {len(CASES) + 2} refused" in result.stdout, output
    assert after == before
    refused = _refusals(result.stderr)
    for case, path in zip(CASES, paths):
        assert refused.get(str(path)) == [case.reason] if not case.filename.endswith(".jsonl") \
            else set(refused.get(str(path), [])) == {case.reason}, (case.name, result.stderr)
    for case, path in zip(CASES, paths):
        record("bad_input", input=case.name, via="cli", expected=case.reason, got=",".join(refused[str(path)]),
               nodes_before=before[0], nodes_after=after[0], edges_before=before[1], edges_after=after[1],
               outcome="refused, nothing written")


def test_bad_input_cli_jsonl_loads_good_lines_and_refuses_bad_ones(db, neo4j_target, tmp_path):
    _seed(db)
    before = _counts(db)
    articles_before = db.read("MATCH (a:Article) RETURN count(a) AS n")[0]["n"]
    lines = [json.dumps({"text": "Seoul said on Monday that North Korea had sent troops to Russia."}),
             '{"text": ',
             json.dumps({"text": "Kyiv said the troops had arrived in the Kursk region on Friday.",
                         "title": "Troops arrive"}),
             json.dumps({"text": ENGLISH, "published": 20241104}),
             "[" * 10_000 + "]" * 10_000]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _kg_load([path], neo4j_target)
    output = result.stdout + result.stderr
    after = _counts(db)
    articles_after = db.read("MATCH (a:Article) RETURN count(a) AS n")[0]["n"]
    assert "Traceback" not in output and result.returncode == 1, output
    assert re.findall(r"^loaded\s+\S+ line (\d+)", result.stdout, re.M) == ["1", "3"], output
    assert sorted(re.findall(r"line (\d+)", result.stderr)) == ["2", "4", "5"], output
    assert "2 loaded, 0 unchanged, 3 refused" in result.stdout
    assert articles_after == articles_before + 2 and after[0] > before[0]
    record("bad_input", input="JSON Lines: 2 good lines among 3 bad ones (syntax, metadata type, 10,000 deep)",
           via="cli", expected="lines 1, 3 loaded; 2, 4, 5 malformed", got="lines 1, 3 loaded; 2, 4, 5 malformed",
           nodes_before=before[0], nodes_after=after[0], edges_before=before[1], edges_after=after[1],
           outcome="good lines loaded (+2 articles), bad lines refused by line number")


def test_bad_input_cli_time_budget_refuses_a_200kb_single_line(db, neo4j_target, tmp_path):
    _seed(db)
    before = _counts(db)
    line = tmp_path / "one_line.txt"
    line.write_text((ENGLISH * (200_000 // len(ENGLISH) + 1))[:200_000], encoding="utf-8")
    result = _kg_load([line], neo4j_target, KG_EXTRACT_BUDGET_S="1")
    output = result.stdout + result.stderr
    after = _counts(db)
    assert "Traceback" not in output and result.returncode == 1, output
    assert _refusals(result.stderr) == {str(line): ["too_complex"]}, output
    assert "time budget of 1 s" in result.stderr
    assert after == before
    record("bad_input", input="200 KB single line (under the size limits) with KG_EXTRACT_BUDGET_S=1", via="cli",
           expected="too_complex", got="too_complex", nodes_before=before[0], nodes_after=after[0],
           edges_before=before[1], edges_after=after[1], outcome="refused after the budget, nothing written")


@pytest.fixture
def api(db):
    _seed(db)
    settings = Settings(api_key=KEY, extract_budget_s=1.0)
    with TestClient(base_url=BASE_URL, app=create_app(settings, db), raise_server_exceptions=False) as client:
        yield client


API_CASES = [c for c in CASES if c.api is not None] + [
    Case("200 KB single line over the time budget", "", None, "too_complex",
         {"text": (ENGLISH * (200_000 // len(ENGLISH) + 1))[:200_000]}, "too_complex"),
    Case("body not JSON", "", None, "", b"\xff\xfe not json at all"),
]


@pytest.mark.parametrize("case", API_CASES, ids=[c.name for c in API_CASES])
def test_bad_input_api_refuses_with_reason(api, db, case):
    before = _counts(db)
    headers = {"X-API-Key": KEY, "Content-Type": "application/json"}
    if isinstance(case.api, bytes):
        response = api.post("/articles", content=case.api, headers=headers)
    else:
        response = api.post("/articles", json=case.api, headers=headers)
    after = _counts(db)
    body = response.json()
    # A body that is not JSON at all is a 400 (FastAPI cannot parse it); every other bad
    # article is a 422, with the loaders' reason when the body was a valid request.
    expected_status = {400, 422} if isinstance(case.api, bytes) else {422}
    assert response.status_code in expected_status, (response.status_code, body)
    assert set(body) == {"error"} and body["error"]["status"] == response.status_code
    got = body["error"].get("reason") or body["error"]["code"]
    if case.api_reason is not None:
        assert body["error"].get("reason") == case.api_reason, body
    assert "Traceback" not in response.text
    assert after == before
    expected = case.api_reason or ("400/422 unparsable body" if isinstance(case.api, bytes) else "422 validation")
    record("bad_input", input=case.name, via="api", expected=expected, got=got,
           nodes_before=before[0], nodes_after=after[0], edges_before=before[1], edges_after=after[1],
           outcome=f"{response.status_code}, nothing written")
