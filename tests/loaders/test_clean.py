"""Cleaning blanks markup and boilerplate without moving a character."""

from __future__ import annotations

from loaders import extract_article, parse_article_bytes
from loaders.clean import clean_article

PAGE = """Troops reach the border

By Jane Example, Example News
Updated 6:02 AM EST, Fri November 1, 2024

The defence ministry said on Friday that 2,000 soldiers had arrived.
A soldier walks past a checkpoint, left, near the border on Oct. 30, 2024.
Photo: John Doe/Example Agency
"We are ready," the minister told reporters.
Sign up for our daily newsletter
Politics
Parliament votes on the budget after a long night of debate
Maria Examplova
"""


def test_clean_keeps_length_and_offsets():
    cleaned = clean_article(PAGE)
    assert len(cleaned.text) == len(PAGE)
    for i, (a, b) in enumerate(zip(cleaned.text, PAGE)):
        assert a == b or (a == " " and b != "\n"), i


def test_clean_blanks_bylines_credits_captions_furniture_and_teasers():
    cleaned = clean_article(PAGE)
    reasons = {PAGE[a:b].strip(): r for a, b, r in cleaned.removed}
    assert reasons["By Jane Example, Example News"] == "byline"
    assert reasons["Updated 6:02 AM EST, Fri November 1, 2024"] == "byline"
    assert reasons["Photo: John Doe/Example Agency"] == "photo credit"
    assert reasons["A soldier walks past a checkpoint, left, near the border on Oct. 30, 2024."] == "photo caption"
    assert reasons["Sign up for our daily newsletter"] == "page furniture"
    assert reasons["Maria Examplova"] == "teaser"
    assert reasons["Parliament votes on the budget after a long night of debate"] == "teaser"
    assert "The defence ministry said" in cleaned.text and "We are ready" in cleaned.text


def test_clean_html_blanks_tags_and_keeps_offsets():
    page = ('<html><head><title>T</title><script>var x = "said";</script></head><body>'
            '<p>The ministry said &quot;no&quot; on Monday.</p><figcaption>Caption, left, here</figcaption>'
            '<p>Anna Berg denied it.</p></body></html>')
    cleaned = clean_article(page, "html")
    assert len(cleaned.text) == len(page)
    start = page.index("The ministry")
    assert cleaned.text[start:start + 27] == 'The ministry said "     no"'[:27]
    assert "var x" not in cleaned.text and "Caption" not in cleaned.text and "<p>" not in cleaned.text


def test_clean_html_article_extracts_with_offsets_into_the_file():
    page = (b'<html><head><meta property="og:title" content="Ministry denies report">'
            b'<meta property="article:published_time" content="2024-11-02T09:00:00Z">'
            b'<meta property="og:site_name" content="Example Wire"></head><body>'
            b'<h1>Ministry denies report</h1><p>The Defence Ministry of Norway denied the report on Friday, '
            b'calling it false. &ldquo;There are no troops there,&rdquo; spokeswoman Ingrid Olsen told reporters.</p>'
            b'</body></html>')
    (doc,) = parse_article_bytes(page, path="page.html", max_bytes=100_000)
    assert (doc.markup, doc.title, doc.published, doc.source) == ("html", "Ministry denies report", "2024-11-02", "Example Wire")
    graph = extract_article(doc)
    raw = page.decode()
    assert graph.statements
    for s in graph.statements:
        assert graph.article.text[s.start:s.end] == s.sentence
        # The same position in the file holds the same character, or the entity it came from.
        assert raw[s.start] == s.sentence[0] or raw[s.start] == "&"


def test_clean_markdown_blanks_syntax():
    md = "# Headline here\n\n**Kyiv** said [the report](http://x.example/r) was *false*.\n![img](a.png)\n"
    cleaned = clean_article(md, "markdown")
    assert len(cleaned.text) == len(md)
    assert "Kyiv   said  the report" in cleaned.text.replace("**", "  ")
    assert "http" not in cleaned.text and "img" not in cleaned.text
