from loaders.metadata import find_dateline, find_published, find_title, infer_date


def test_metadata_published_formats():
    assert find_published("date 2024-10-19 Published by X") == "2024-10-19"
    assert find_published("Published by X Verified by 30 de octubre, 2024\n\nBody.") == "2024-10-30"
    assert find_published("Oct. 19, 2024\n\nBody") == "2024-10-19"
    assert find_published("Updated 19 October 2024 10:00\n\nBody") == "2024-10-19"


def test_metadata_event_date_in_prose_is_not_publication():
    text = "Headline here\n\nLeaders met in the capital on Wednesday, June 19, 2024, to discuss the war and trade.\n"
    assert find_published(text) is None


def test_metadata_dateline_without_year():
    assert find_dateline("MADRID 24 Oct. () –\nThe minister said.") == (10, 24)
    assert infer_date(24, 10, None) is None
    assert infer_date(26, 12, "2025-01-03") == "2024-12-26"


def test_metadata_title_headline_only():
    assert find_title("_\n_\n\nUS confirms presence of troops in Russia\n\nBody.") == "US confirms presence of troops in Russia"
    assert find_title("The minister said on Friday that talks would resume. More follows.") is None
