from loaders.ids import article_id, article_scope, entity_id, relation_id, slugify, statement_id
from schema.vocabulary import EntityType, RelationType


def test_ids_article_deterministic():
    assert article_id("abc") == article_id("abc") != article_id("abd")
    assert article_id("abc").startswith("art-") and len(article_id("abc")) == 20


def test_ids_entity_variant_insensitive():
    assert entity_id(EntityType.PERSON, "Kim Jong-un") == entity_id(EntityType.PERSON, "Kim Jong Un") == "person:kim-jong-un"
    assert entity_id(EntityType.PERSON, "Virginia Martínez") == "person:virginia-martinez"
    assert slugify("  U.S.  ") == "u-s"


def test_ids_statement_and_relation_prefixes():
    sid = statement_id("art-1", "person:a", 10, 15)
    assert sid.startswith("st-") and sid == statement_id("art-1", "person:a", 10, 15) != statement_id("art-1", "person:a", 10, 16)
    rid = relation_id("art-1", RelationType.SIGNED, "state:a", "treaty:b", 3)
    assert rid.startswith("rel-") and rid == relation_id("art-1", RelationType.SIGNED, "state:a", "treaty:b", 3)


def test_ids_entity_scope_suffix():
    assert entity_id(EntityType.PERSON, "a senior official", "0a1b2c3d") == "person:a-senior-official~0a1b2c3d"
    assert entity_id(EntityType.PERSON, "a senior official", "") == "person:a-senior-official"
    assert article_scope("one text") == article_scope("one text") != article_scope("another text")
