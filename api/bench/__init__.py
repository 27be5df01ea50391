"""`kg bench`: synthetic corpora, timed runs of extraction, writes, loads and reads, and the report."""
