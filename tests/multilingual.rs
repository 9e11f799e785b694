//! The seed rule pack on sentences in languages and phrasings the seeds do not have:
//! French and Russian trade figures agree or conflict with the 2024 fact.

use factlint::{Checker, Corpus, Document, Rules, Severity};

fn check(lang: &str, text: &str) -> (usize, Vec<(Severity, String)>) {
    let rules = Rules::load(&[concat!(env!("CARGO_MANIFEST_DIR"), "/rules")]).expect("rules");
    let doc = Document::new(format!("doc.{lang}"), lang, None, text);
    let report = Checker::new(&rules).check(&Corpus::from_documents(vec![doc]));
    let findings = report
        .findings
        .iter()
        .map(|f| (f.severity, f.text_in(text).to_string()))
        .collect();
    (report.summary.mentions, findings)
}

#[test]
fn french_and_russian_agree_with_the_2024_fact() {
    let fr = "Le Kazakhstan et le Vietnam. En 2024, les échanges commerciaux entre les deux pays ont atteint près d'un milliard de dollars.";
    assert_eq!(check("fr", fr), (1, vec![]));
    let ru = "Казахстан и Вьетнам. В 2024 году товарооборот между двумя странами составил почти 1 млрд долларов.";
    assert_eq!(check("ru", ru), (1, vec![]));
}

#[test]
fn french_and_russian_conflicts_are_found() {
    let fr = "Le Kazakhstan et le Vietnam. En 2024, les échanges commerciaux entre les deux pays ont atteint 800 millions de dollars.";
    let (mentions, findings) = check("fr", fr);
    assert_eq!(mentions, 1);
    assert_eq!(
        findings,
        vec![(Severity::Error, "800 millions de dollars".to_string())]
    );
    let ru = "Казахстан и Вьетнам. В 2024 году товарооборот между двумя странами составил 800 млн долларов.";
    let (mentions, findings) = check("ru", ru);
    assert_eq!(mentions, 1);
    assert_eq!(
        findings,
        vec![(Severity::Error, "800 млн долларов".to_string())]
    );
}

#[test]
fn vietnamese_without_diacritics_reads_the_same() {
    let plain = "Kazakhstan: kim ngach nam 2024 dat gan 1 ty USD.";
    assert_eq!(check("vi", plain), (1, vec![]));
    let legacy = "Kazakhstan: kim ngạch năm 2024 đạt 800 triệu USD, ÐẢNG.";
    assert_eq!(
        check("vi", legacy).1,
        vec![(Severity::Error, "800 triệu USD".to_string())]
    );
}

#[test]
fn other_topics_are_out_of_scope() {
    let japan = "In 2024, two-way trade between Vietnam and Japan reached US$46 billion.";
    assert_eq!(check("en", japan), (0, vec![]));
}
