//! Language detection for documents that declare no language (whatlang, trigram based).

use std::sync::LazyLock;

use whatlang::{Detector, Lang};

/// Bytes of a document's body that language detection reads.
pub(crate) const SAMPLE: usize = 1024;
/// Bytes read first: whatlang's verdict on them stands when it calls it reliable,
/// and the whole [`SAMPLE`] is read only when it does not. On the 352 real articles
/// of the tests and held-out rounds, the two readings never differed (45 needed
/// the whole sample); the opening costs 40% less to weigh (issue 7).
const FIRST_SAMPLE: usize = 512;

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
/// Only the first [`SAMPLE`] bytes are read, and mostly only the first
/// [`FIRST_SAMPLE`]: trigram statistics of a kilobyte of prose already settle the
/// language, and the cost grows with the sample.
pub(crate) fn detect(text: &str) -> Option<&'static str> {
    let sample = &text[..text.floor_char_boundary(SAMPLE)];
    if written_in_vietnamese(sample) {
        return Some("vi");
    }
    let opening = &sample[..sample.floor_char_boundary(FIRST_SAMPLE)];
    let lang = match DETECTOR.detect(opening) {
        Some(info) if info.is_reliable() || opening.len() == sample.len() => info.lang(),
        _ => DETECTOR.detect_lang(sample)?,
    };
    PACKED
        .iter()
        .find(|&&(packed, _)| packed == lang)
        .map(|&(_, code)| code)
}

/// Whether `sample` is Vietnamese by its letters alone: at least [`VIETNAMESE_SHARE`]
/// of its letters (and [`VIETNAMESE_LEAST`] or more) are letters no other language
/// weighed here writes (see [`vietnamese_only`]). Vietnamese prose has one in four or
/// five; copy in another language quoting Vietnamese names has far fewer. Half of a
/// Vietnamese newsroom's copy is settled here without the trigram pass (issue 7);
/// copy written without diacritics is still left to whatlang.
fn written_in_vietnamese(sample: &str) -> bool {
    let (mut letters, mut vietnamese) = (0usize, 0usize);
    for ch in sample.chars() {
        if ch.is_ascii() {
            letters += usize::from(ch.is_ascii_alphabetic());
        } else if vietnamese_only(ch) {
            letters += 1;
            vietnamese += 1;
        } else if latin_letter(ch) || ch.is_alphabetic() {
            letters += 1;
        }
    }
    vietnamese >= VIETNAMESE_LEAST && vietnamese * 100 >= letters * VIETNAMESE_SHARE
}

/// Whether `ch` is a letter of the Latin-1 Supplement or a Latin Extended block
/// (every character there but × and ÷): answered without the Unicode tables, which
/// cost more than the rest of the Vietnamese test together.
fn latin_letter(ch: char) -> bool {
    matches!(ch, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && !matches!(ch, '×' | '÷')
}

/// Per cent of a sample's letters that must be Vietnamese-only letters.
const VIETNAMESE_SHARE: usize = 8;
/// The fewest Vietnamese-only letters that settle a sample.
const VIETNAMESE_LEAST: usize = 10;

/// Whether `ch` is a letter only Vietnamese (of the languages weighed) writes: đ, a
/// horn (ơ, ư), a dot below or hook above (ạ, ả), or a circumflex or breve carrying a
/// tone mark (ấ, ằ). A bare ă (Romanian), â, ê, ô (French) or ã (Portuguese) is not.
fn vietnamese_only(ch: char) -> bool {
    use unicode_normalization::char::decompose_canonical;
    if matches!(ch, 'đ' | 'Đ') {
        return true;
    }
    let (mut marks, mut horn_dot_or_hook, mut hat_or_breve) = (0, false, false);
    decompose_canonical(ch, |part| match part {
        '\u{031B}' | '\u{0323}' | '\u{0309}' => {
            marks += 1;
            horn_dot_or_hook = true;
        }
        '\u{0302}' | '\u{0306}' => {
            marks += 1;
            hat_or_breve = true;
        }
        '\u{0300}'..='\u{036F}' => marks += 1,
        _ => {}
    });
    horn_dot_or_hook || (hat_or_breve && marks >= 2)
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

    /// Vietnamese prose is settled by its letters; another language quoting
    /// Vietnamese names is not, nor is a Romanian, French or Portuguese text.
    #[test]
    fn vietnamese_by_its_letters() {
        use super::{vietnamese_only, written_in_vietnamese};
        assert!(written_in_vietnamese(
            "Năm 2022, xuất nhập khẩu giữa hai nước đạt 584 triệu USD, giảm 6,3% so với năm 2021."
        ));
        for ch in ['đ', 'Đ', 'ơ', 'ư', 'ạ', 'ả', 'ấ', 'ằ', 'Ặ', 'ữ'] {
            assert!(vietnamese_only(ch), "{ch}");
        }
        for ch in ['ă', 'â', 'ê', 'ô', 'ã', 'é', 'ü', 'ș', 'a'] {
            assert!(!vietnamese_only(ch), "{ch}");
        }
        for text in [
            "General Secretary Nguyễn Phú Trọng met President Võ Văn Thưởng and Prime Minister Phạm Minh Chính in Hà Nội on Tuesday to discuss trade with Kazakhstan.",
            "Comerțul bilateral dintre cele două țări a atins 800 de milioane de dolari în 2024, potrivit ministerului, după o creștere puternică față de anul trecut.",
            "Les échanges commerciaux entre les deux pays ont atteint près d'un milliard de dollars, selon le ministère vietnamien.",
            "Tong Bi thu To Lam tiep Tong thong Kazakhstan tai Ha Noi.",
        ] {
            assert!(!written_in_vietnamese(text), "{text}");
        }
    }
}
