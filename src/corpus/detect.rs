//! Language detection for documents that declare no language (whatlang, trigram based).

/// The language code of `text`, when detection is confident and the language is one
/// factlint knows; `None` otherwise (the caller falls back to the default language).
pub(crate) fn detect(text: &str) -> Option<&'static str> {
    let info = whatlang::detect(text)?;
    if !info.is_reliable() {
        return None;
    }
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
    }
}
