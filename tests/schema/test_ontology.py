"""The Turtle ontology and the code's vocabulary say the same thing."""

from __future__ import annotations

from pathlib import Path

from rdflib import OWL, RDF, Graph, Namespace

from schema.vocabulary import NodeLabel, RelType

KG = Namespace("https://newskg.example/ontology#")
ONTOLOGY = Path(__file__).resolve().parents[2] / "schema" / "ontology.ttl"


def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def test_ontology_classes_are_the_node_labels():
    classes = {str(c).removeprefix(str(KG)) for c in _ontology().subjects(RDF.type, OWL.Class)}
    assert classes == {label.value for label in NodeLabel}


def test_ontology_object_properties_are_the_relationship_types():
    props = {str(p).removeprefix(str(KG)) for p in _ontology().subjects(RDF.type, OWL.ObjectProperty)}
    assert props == {rel.value for rel in RelType}
