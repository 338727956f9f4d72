from dateline.clean.language import detect_language


def test_language_tells_common_news_languages_apart():
    samples = {
        "en": "The government of Chile said on Monday that it would hold a new referendum on the constitution next year.",
        "fr": "Le gouvernement du Mali a annoncé mardi que les élections seraient reportées, selon un communiqué publié par la présidence.",
        "es": "El presidente de Colombia anunció el lunes que las negociaciones con el grupo armado se reanudarán en La Habana.",
        "de": "Die Bundesregierung hat am Montag angekündigt, dass sie die Hilfe für die Ukraine im nächsten Jahr erhöhen wird.",
        "ru": "Министр иностранных дел заявил, что переговоры по соглашению будут продолжены в следующем месяце в Женеве, и что стороны готовы.",
        "tr": "Dışişleri Bakanı, müzakerelerin gelecek ay Cenevre'de devam edeceğini ve tarafların bir anlaşma için hazır olduğunu söyledi ve ayrıca bu konuda bir açıklama yaptı.",
    }
    for code, text in samples.items():
        assert detect_language(text) == code, code


def test_language_is_none_for_too_little_text():
    assert detect_language("Kyiv, Ukraine") is None
