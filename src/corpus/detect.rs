//! Language detection for documents that declare no language (whatlang, trigram based).

use std::sync::LazyLock;

use whatlang::{Detector, Lang};

/// Bytes of a document's body that language detection reads.
pub(crate) const SAMPLE: usize = 1024;

/// The languages factlint has packs for, as whatlang names them, with their codes.
const PACKED: [(Lang, &str); 5] = [
    (Lang::Eng, "en"),
    (Lang::Vie, "vi"),
    (Lang::Deu, "de"),
    (Lang::Fra, "fr"),
    (Lang::Rus, "ru"),
];

/// Languages without a pack that detection still weighs, so that copy in them is
/// called "not ours" (and falls back to the default language) instead of being
/// taken for the nearest packed language: Spanish for French, Ukrainian for
/// Russian. These are the news languages nearest to the packed ones; a language
/// left out costs nothing, a language weighed costs about 300 look-ups a document.
const GUARDS: [Lang; 16] = [
    Lang::Spa,
    Lang::Por,
    Lang::Ita,
    Lang::Cat,
    Lang::Ron,
    Lang::Nld,
    Lang::Afr,
    Lang::Dan,
    Lang::Swe,
    Lang::Nob,
    Lang::Pol,
    Lang::Ces,
    Lang::Ind,
    Lang::Ukr,
    Lang::Bel,
    Lang::Bul,
];

/// The detector: weighs only [`PACKED`] and [`GUARDS`]. Each language weighed costs
/// a pass over its trigram profile, which made detection over all of whatlang's
/// languages the largest cost of reading a document (issue 7).
static DETECTOR: LazyLock<Detector> = LazyLock::new(|| {
    let weighed = PACKED.iter().map(|&(lang, _)| lang).chain(GUARDS).collect();
    Detector::with_allowlist(weighed)
});

/// The language code of `text`, when detection names a language factlint knows;
/// `None` otherwise (the caller falls back to the default language).
///
/// whatlang calls most short texts "unreliable"; its best guess is still far better
/// than the rule pack's default language, so it is used whenever it is one of ours.
/// Only the first [`SAMPLE`] bytes are read: trigram statistics of a kilobyte of
/// prose already settle the language, and the cost grows with the sample.
pub(crate) fn detect(text: &str) -> Option<&'static str> {
    let lang = DETECTOR.detect_lang(&text[..text.floor_char_boundary(SAMPLE)])?;
    PACKED
        .iter()
        .find(|&&(packed, _)| packed == lang)
        .map(|&(_, code)| code)
}

#[cfg(test)]
mod tests {
    /// A long document is judged by its opening, and a cut inside a character is
    /// moved back to its start.
    #[test]
    fn reads_only_the_opening() {
        let base = "Năm 2022, xuất nhập khẩu giữa hai nước đạt 584 triệu USD. ".repeat(80);
        let opening = (0..4)
            .map(|pad| format!("{}{base}", " ".repeat(pad)))
            .find(|s| !s.is_char_boundary(super::SAMPLE))
            .expect("a cut inside a character");
        let text = format!(
            "{opening}{}",
            "In 2024, two-way trade reached US$800 million. ".repeat(400)
        );
        assert_eq!(super::detect(&text), Some("vi"));
    }

    /// Copy in a language without a pack is not taken for the nearest packed one.
    #[test]
    fn languages_without_a_pack_are_not_ours() {
        for text in [
            "El comercio bilateral entre los dos países alcanzó los 800 millones de dólares en 2024, según las cifras oficiales del ministerio.",
            "Il commercio bilaterale tra i due paesi ha raggiunto gli 800 milioni di dollari nel 2024, secondo i dati ufficiali del ministero.",
            "O comércio bilateral entre os dois países atingiu 800 milhões de dólares em 2024, segundo os dados oficiais do ministério.",
            "Торговельний обіг між двома країнами у 2024 році сягнув 800 мільйонів доларів, повідомило міністерство економіки.",
        ] {
            assert_eq!(super::detect(text), None, "{text}");
        }
    }

    #[test]
    fn detects_french_and_russian() {
        assert_eq!(
            super::detect(
                "En 2024, les échanges commerciaux entre les deux pays ont atteint environ un milliard de dollars, selon le ministère."
            ),
            Some("fr")
        );
        assert_eq!(
            super::detect(
                "В 2024 году товарооборот между двумя странами достиг около одного миллиарда долларов, сообщило министерство."
            ),
            Some("ru")
        );
    }

    #[test]
    fn detects_the_seed_languages() {
        assert_eq!(
            super::detect(
                "Năm 2022, xuất nhập khẩu giữa hai nước đạt 584 triệu USD, giảm 6,3% so với năm 2021."
            ),
            Some("vi")
        );
        assert_eq!(
            super::detect(
                "Im Jahr 2024 wird der Handelsumsatz zwischen den beiden Ländern etwa 1 Milliarde US-Dollar betragen."
            ),
            Some("de")
        );
        assert_eq!(
            super::detect(
                "In 2024, two-way trade reached US$800 million, up 99 per cent from 2023 and the highest ever."
            ),
            Some("en")
        );
        assert_eq!(
            super::detect("In 2024, trade reached US$800 million."),
            Some("en")
        );
    }
}
