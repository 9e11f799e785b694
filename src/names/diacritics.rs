//! Diacritics of a name as written against an accepted form with the same folded
//! text: "Nguyễn Thị Hường" is not "Nguyễn Thị Hương" (another tone on one syllable),
//! though both fold to "nguyen thi huong".
//!
//! Compared word by word. A word agrees with the form's word when its letters carry
//! the same marks, with tone marks compared per word rather than per letter: the
//! old and new Vietnamese placements ("Hoà"/"Hòa", "Thuỷ"/"Thủy") are one spelling.
//! A name written without any marks (plain ASCII: "Nguyen Thi Huong") agrees when the
//! entity accepts forms written without diacritics (`ascii_fold`); a name that marks
//! some words and leaves a marked word plain ("Nguyễn Phú Trong") does not: its
//! writer uses diacritics, and one is missing.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Combining marks that carry a Vietnamese tone (also the usual Latin accents):
/// grave, acute, tilde, hook above, dot below.
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// A word reduced to what its spelling must agree on.
#[derive(Debug, PartialEq, Eq)]
struct WordKey {
    /// Lower-case base letters, each with its non-tone marks (circumflex, breve,
    /// horn, umlaut, …) in order.
    letters: Vec<(char, Vec<char>)>,
    /// The word's tone marks, sorted.
    tones: Vec<char>,
    /// Written in plain ASCII.
    ascii: bool,
}

fn words(text: &str) -> Vec<WordKey> {
    let mut out: Vec<WordKey> = Vec::new();
    let mut current: Option<WordKey> = None;
    // The eth "Ð" typed for "Đ" is the same letter (folding merges them too).
    let letters = text
        .nfd()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ð' { 'đ' } else { c });
    for c in letters {
        if is_combining_mark(c) {
            if let Some(word) = current.as_mut() {
                word.ascii = false;
                if TONES.contains(&c) {
                    word.tones.push(c);
                } else if let Some((_, marks)) = word.letters.last_mut() {
                    marks.push(c);
                }
            }
        } else if c.is_alphanumeric() {
            let word = current.get_or_insert_with(|| WordKey {
                letters: Vec::new(),
                tones: Vec::new(),
                ascii: true,
            });
            word.ascii &= c.is_ascii();
            word.letters.push((c, Vec::new()));
        } else if let Some(word) = current.take() {
            out.push(word);
        }
    }
    out.extend(current);
    for word in &mut out {
        word.tones.sort_unstable();
    }
    out
}

/// Whether `written` spells `form` (the two fold alike): every word agrees in its
/// marks, or the whole name is plain ASCII where `ascii_fold` allows. Texts that do
/// not split into the same number of words are given the benefit of the doubt.
pub(super) fn agrees(written: &str, form: &str, ascii_fold: bool) -> bool {
    // Most names are written exactly as the rules spell them.
    if written == form {
        return true;
    }
    let (written, form) = (words(written), words(form));
    if written.len() != form.len() {
        return true;
    }
    let plain = written.iter().all(|w| w.ascii);
    written
        .iter()
        .zip(&form)
        .all(|(w, f)| w == f || (ascii_fold && plain) || (w.ascii && f.ascii))
}

#[cfg(test)]
mod tests {
    use super::agrees;

    #[test]
    fn another_tone_does_not_agree() {
        assert!(!agrees("Nguyễn Thị Hường", "Nguyễn Thị Hương", true));
        assert!(!agrees("Võ Văn Thương", "Võ Văn Thưởng", true));
        assert!(!agrees("Nguyễn Văn Thăng", "Nguyễn Văn Thắng", true));
    }

    #[test]
    fn a_missing_vowel_mark_does_not_agree() {
        assert!(!agrees("Nguyễn Thi Hưong", "Nguyễn Thị Hương", true));
        assert!(!agrees("Nguyễn Thị Huơng", "Nguyễn Thị Hương", true));
    }

    #[test]
    fn same_spelling_case_and_normal_form_agree() {
        assert!(agrees("NGUYỄN THỊ HƯƠNG", "Nguyễn Thị Hương", true));
        let nfd: String = unicode_normalization::UnicodeNormalization::nfd("Hương").collect();
        assert!(agrees(&nfd, "Hương", false));
    }

    #[test]
    fn eth_is_the_vietnamese_d() {
        assert!(agrees("Ðinh Tiến Dũng", "Đinh Tiến Dũng", false));
        assert!(!agrees("dầu", "đầu", true));
    }

    #[test]
    fn old_and_new_tone_placement_agree() {
        assert!(agrees("Nguyễn Thị Thuỷ", "Nguyễn Thị Thủy", true));
        assert!(agrees("Khánh Hoà", "Khánh Hòa", true));
    }

    /// A writer who marks some words of a name and not another has dropped a mark.
    #[test]
    fn a_plain_word_among_marked_ones_does_not_agree() {
        assert!(!agrees("Nguyễn Phú Trong", "Nguyễn Phú Trọng", true));
        assert!(!agrees("Nguyễn Thị Huong", "Nguyễn Thị Hương", true));
        assert!(agrees("Phạm Minh Chính", "Phạm Minh Chính", true));
    }

    #[test]
    fn plain_ascii_words_agree_only_with_ascii_fold() {
        assert!(agrees("Nguyen Thi Huong", "Nguyễn Thị Hương", true));
        assert!(agrees("Pham Minh Chinh", "Phạm Minh Chính", true));
        assert!(!agrees("Nguyen Thi Huong", "Nguyễn Thị Hương", false));
        assert!(agrees("Tokayev", "Tokayev", false));
    }
}
