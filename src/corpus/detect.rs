//! Language detection for documents that declare no language (whatlang, trigram based).

/// Bytes of a document's body that language detection reads.
pub(crate) const SAMPLE: usize = 4096;

/// The language code of `text`, when detection names a language factlint knows;
/// `None` otherwise (the caller falls back to the default language).
///
/// whatlang calls most short texts "unreliable"; its best guess is still far better
/// than the rule pack's default language, so it is used whenever it is one of ours.
/// Only the first [`SAMPLE`] bytes are read: trigram statistics settle long before
/// that, and detection over a whole long article costs more than checking it.
pub(crate) fn detect(text: &str) -> Option<&'static str> {
    let info = whatlang::detect(&text[..text.floor_char_boundary(SAMPLE)])?;
    use whatlang::Lang;
    Some(match info.lang() {
        Lang::Eng => "en",
        Lang::Vie => "vi",
        Lang::Deu => "de",
        Lang::Fra => "fr",
        Lang::Rus => "ru",
        _ => return None,
    })
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
