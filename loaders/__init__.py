"""Loaders: article files and text -> one typed ArticleGraph. Pure functions of the text."""

from loaders.pipeline import extract_article, extract_text
from loaders.read import SourceDoc, parse_article_bytes, read_article_file

__all__ = ["SourceDoc", "read_article_file", "parse_article_bytes", "extract_article", "extract_text"]
