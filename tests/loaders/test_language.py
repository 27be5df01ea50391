import pytest

from loaders.language import check_english, english_share, foreign_blocks
from schema.errors import InvalidArticle

from pathlib import Path

SEED_FILES = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))

FOREIGN = {
    "spanish": "El gobierno de Corea del Sur confirmó el viernes que miles de soldados norcoreanos "
    "han llegado a Rusia para recibir entrenamiento militar antes de ser enviados al frente de "
    "batalla en Ucrania, según informaron los servicios de inteligencia.",
    "french": "Le gouvernement sud-coréen a confirmé vendredi que des milliers de soldats nord-coréens "
    "sont arrivés en Russie pour y suivre un entraînement militaire avant d'être envoyés sur le "
    "front en Ukraine, selon les services de renseignement.",
    "german": "Die südkoreanische Regierung hat am Freitag bestätigt, dass Tausende nordkoreanische "
    "Soldaten in Russland eingetroffen sind, um dort eine militärische Ausbildung zu erhalten, "
    "bevor sie an die Front in der Ukraine geschickt werden.",
    "russian": "Правительство Южной Кореи в пятницу подтвердило, что тысячи северокорейских солдат "
    "прибыли в Россию для прохождения военной подготовки перед отправкой на фронт в Украине, "
    "сообщили спецслужбы.",
}


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_language_foreign_refused(language):
    with pytest.raises(InvalidArticle) as err:
        check_english(FOREIGN[language], "x.txt")
    assert err.value.reason == "not_english"
    assert english_share(FOREIGN[language])[0] < 0.2


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_language_seeds_accepted(path):
    text = path.read_text(encoding="utf-8")
    check_english(text, str(path))
    assert english_share(text)[0] > 0.35


def test_language_short_english_accepted():
    check_english("Troops crossed the border.", "x.txt")
    check_english("The minister resigned on Friday.", "x.txt")


def test_language_seed_002_spanish_block_is_skipped():
    text = next(p for p in SEED_FILES if p.name.startswith("002")).read_text(encoding="utf-8")
    blocks = foreign_blocks(text)
    assert any("suscripción" in text[a:b] for a, b in blocks)
    assert not any("Austin" in text[a:b] for a, b in blocks)


def test_language_english_headlines_are_not_foreign():
    from loaders.language import foreign_blocks

    text = ("North Korean troops reach Russia's Kursk region, Ukraine's spy chief says\n"
            "Deputy Pentagon Press Secretary Sabrina Singh Holds a Press Briefing\n"
            "Nov. 4, 2024\n"
            "Tu suscripción se está usando en otro dispositivo y solo puedes acceder desde uno.\n")
    blocks = [text[a:b] for a, b in foreign_blocks(text)]
    assert blocks == ["Tu suscripción se está usando en otro dispositivo y solo puedes acceder desde uno."]
