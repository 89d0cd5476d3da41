import pytest

from documents.extraction import detect_language

SAMPLES = {
    "ar": "يتعهد كل دولة طرف في هذه الاتفاقية بألا تقوم أبدا وتحت أي ظرف من الظروف بتطوير أو إنتاج أو تخزين العوامل الجرثومية.",
    "zh": "本公约各缔约国承诺在任何情况下决不发展、生产、储存或以其他方法取得或保留微生物剂或其他生物剂或毒素。",
    "en": "Each State Party to this Convention undertakes never in any circumstances to develop, produce or stockpile biological agents.",
    "fr": "Chaque État partie à la présente Convention s'engage à ne jamais, et en aucune circonstance, mettre au point, fabriquer ou stocker des agents biologiques.",
    "ru": "Каждое государство - участник настоящей Конвенции обязуется никогда, ни при каких обстоятельствах не разрабатывать, не производить и не накапливать биологические агенты.",
    "es": "Cada Estado Parte en la presente Convención se compromete a no desarrollar, producir ni almacenar nunca ni en ninguna circunstancia agentes biológicos.",
}  # fmt: skip


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_each_un_language_is_recognised(language):
    assert detect_language(SAMPLES[language]) == language


@pytest.mark.parametrize("text", ["", "   \n", "Article 1", "第一条", "12.3.2024 — 45/67", "§ 175"])
def test_too_little_text_gives_no_language(text):
    assert detect_language(text) is None


def test_corpus_texts_are_recognised_as_their_records_language(corpus):
    misses = {
        record_id: (record["language"], detect_language(record["text"]))
        for record_id, record in corpus.items()
        if detect_language(record["text"]) != record["language"]
    }

    accuracy = 1 - len(misses) / len(corpus)
    assert accuracy >= 0.95, f"{accuracy:.0%} recognised; missed (expected, got): {misses}"
