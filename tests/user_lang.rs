//! User language packs: `lang/<code>.toml` beside the rules adds (or overrides) a
//! language; a broken pack is a located rule error (exit 2), not a crash.

use std::process::Command;

const EN_PACK: &str = include_str!("../src/lang/packs/en.toml");

/// The built-in English pack as the language `xq`.
fn xq_pack() -> String {
    EN_PACK.replacen("code = \"en\"", "code = \"xq\"", 1)
}

fn write_rules(dir: &std::path::Path, pack: &str) {
    std::fs::create_dir_all(dir.join("rules/lang")).expect("mkdir");
    std::fs::write(dir.join("rules/lang/xq.toml"), pack).expect("pack");
    std::fs::write(
        dir.join("rules/trade.toml"),
        r#"
[[fact]]
key = "trade/2024"
value = "1e9 USD"
tolerance = "10%"

[[claim]]
id = "trade"
kind = "quantity"
key = "trade/{year}"
[claim.patterns]
xq = ["in {year}, trade reached {money}"]
"#,
    )
    .expect("rules");
    std::fs::write(
        dir.join("doc.txt"),
        "---\nlang: xq\n---\nIn 2024, trade reached US$800 million.\n",
    )
    .expect("doc");
}

fn run(dir: &std::path::Path) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "doc.txt", "--rules", "rules", "--format", "json"])
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn a_user_pack_adds_a_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_rules(dir.path(), &xq_pack());
    let (stdout, stderr, code) = run(dir.path());
    assert_eq!(code, 1, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(report["findings"][0]["text"], "US$800 million");
}

#[test]
fn a_pack_written_before_measures_reads_unit_symbols() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pack: String = xq_pack()
        .lines()
        .filter(|line| !line.starts_with("measure = "))
        .collect::<Vec<_>>()
        .join("\n");
    let units = pack.find("[units]").expect("units table");
    let currencies = pack.find("[currencies]").expect("currencies table");
    let pack = format!("{}{}", &pack[..units], &pack[currencies..]);
    write_rules(dir.path(), &pack);
    std::fs::write(
        dir.path().join("rules/capacity.toml"),
        "[[fact]]\nkey = \"capacity\"\nvalue = \"4000 MW\"\n\n[[claim]]\nid = \"capacity\"\n\
         kind = \"quantity\"\nkey = \"capacity\"\n[claim.patterns]\nxq = [\"a capacity of {measure}\"]\n",
    )
    .expect("rules");
    std::fs::write(
        dir.path().join("doc.txt"),
        "---\nlang: xq\n---\nThe plant has a capacity of 3,200 MW.\n",
    )
    .expect("doc");
    let (stdout, stderr, code) = run(dir.path());
    assert_eq!(code, 1, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(report["findings"][0]["text"], "3,200 MW");
    assert_eq!(report["findings"][0]["expected"], "4 GW");
}

#[test]
fn a_broken_pack_is_a_located_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let broken = xq_pack().replacen("group = [\",\"]", "group = [\".\"]", 1);
    write_rules(dir.path(), &broken);
    let (stdout, stderr, code) = run(dir.path());
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("invalid language pack"), "{stderr}");
    assert!(stderr.contains("rules/lang/xq.toml:"), "{stderr}");
}

/// The document's finding when `doc.txt` says "In 2024, trade reached US$0.8 bln."
fn bln_finding(dir: &std::path::Path) -> (serde_json::Value, String, i32) {
    std::fs::write(
        dir.join("doc.txt"),
        "---\nlang: xq\n---\nIn 2024, trade reached US$0.8 bln.\n",
    )
    .expect("doc");
    let (stdout, stderr, code) = run(dir);
    let report = serde_json::from_str(&stdout).unwrap_or(serde_json::Value::Null);
    (report, stderr, code)
}

#[test]
fn a_pack_that_extends_a_built_in_one_lists_only_its_additions() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The built-in English pack reads "US$0.8" and stops before "bln".
    write_rules(dir.path(), &xq_pack());
    let (report, stderr, code) = bln_finding(dir.path());
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(report["findings"][0]["text"], "US$0.8");

    let extension = "code = \"xq\"\nextends = \"en\"\n\n[money_scales]\nbln = 1e9\n";
    write_rules(dir.path(), extension);
    let (report, stderr, code) = bln_finding(dir.path());
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(report["findings"][0]["text"], "US$0.8 bln");
    assert_eq!(report["findings"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_mistake_in_an_extension_is_located_in_its_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let extension = "code = \"xq\"\nextends = \"en\"\n\n[hedges]\nroughly = [\"roughly\"]\n";
    write_rules(dir.path(), extension);
    let (report, stderr, code) = bln_finding(dir.path());
    assert_eq!(code, 2, "{stderr}");
    assert!(report.is_null());
    assert!(stderr.contains("unknown field `roughly`"), "{stderr}");
    assert!(stderr.contains("rules/lang/xq.toml:5:1"), "{stderr}");

    write_rules(dir.path(), "code = \"xq\"\nextends = \"xx\"\n");
    let (_, stderr, code) = bln_finding(dir.path());
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("names no built-in pack: `xx`"), "{stderr}");
    assert!(stderr.contains("rules/lang/xq.toml:2:1"), "{stderr}");
}

/// The round-7 pack author copied three built-in packs to add a few words; the same
/// additions written with `extends` load the same word lists. (The value templates
/// differ: the built-in packs have since learnt to read "a decade", "một thập kỷ",
/// and German keeps the articles "ein", "eine" from standing alone as numbers and
/// reads "einem" as one; they place months ("last August") and read durations in
/// months, weeks and days, whole months ("last month"), fractions in words and
/// parts of a month or year ("late November"), seasons ("spring 2025"), all of which
/// the copies predate.)
#[test]
fn an_extension_loads_the_pack_a_copy_with_additions_loads() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for code in ["vi", "en", "de"] {
        let read = |dir: &str| {
            let path = fixtures.join(dir).join(format!("{code}.toml"));
            let text = std::fs::read_to_string(&path).expect("pack file");
            factlint::lang::LangPack::from_toml(&text).expect("pack loads")
        };
        let mut copied = read("newsroom-infra-rules/lang");
        let mut extended = read("lang-extends");
        assert!(extended.past_markers.len() > copied.past_markers.len() / 2);
        // Word lists the built-in packs gained after the copy was made: the copy,
        // which has no such keys, takes them from the built-in pack.
        assert!(!copied.original_plan_words.is_empty() && !copied.office_start_words.is_empty());
        // "last August", "tháng 8 vừa qua": relative months the copies predate.
        assert!(!extended.relative_months.is_empty() && copied.relative_months.is_empty());
        extended.relative_months.clear();
        extended.relative_month_spellings.clear();
        // "hơn 3 tháng", "knapp neun Monate": duration units the copies predate.
        assert!(!extended.month_units.is_empty() && copied.month_units.is_empty());
        extended.month_units.clear();
        extended.week_units.clear();
        extended.day_units.clear();
        // "last month", "tháng trước": whole months the copies predate; "two-thirds",
        // "một nửa": fractions in words.
        assert!(!extended.calendar_months.is_empty() && copied.calendar_months.is_empty());
        extended.calendar_months.clear();
        assert!(!extended.fractions.is_empty() && copied.fractions.is_empty());
        extended.fractions.clear();
        // "late November", "cuối năm 2024": parts of a month or year.
        assert!(!extended.date_parts.is_empty() && copied.date_parts.is_empty());
        extended.date_parts.clear();
        // "im Frühjahr 2025", "mùa hè năm 2024": seasons the copies predate.
        assert!(!extended.seasons.is_empty() && copied.seasons.is_empty());
        extended.seasons.clear();
        // "die Provinz … ist in Khanh Hoa aufgegangen", "nay là": renaming words the
        // copies predate.
        let renaming = [
            "now part of",
            "incorporated into",
            "amalgamated",
            "aufgegangen",
            "aufgeht",
            "eingegliedert",
            "eingemeindet",
            "verschmolzen",
            "einverleibt",
            "angegliedert",
            "nay là",
            "nay thuộc",
            // "Bộ LĐ-TB&XH không còn tồn tại", "the ministry ceased to exist": a
            // body dissolved into another.
            "không còn tồn tại",
            "giải thể",
            "ceased to exist",
            "no longer exists",
            "dissolved",
            "disbanded",
            "aufgelöst",
            "existiert nicht mehr",
        ];
        let before = extended.renaming_words.len();
        extended
            .renaming_words
            .retain(|word| !renaming.contains(&word.as_str()));
        assert!(extended.renaming_words.len() < before);
        // "takes effect in January", "tritt im Januar in Kraft", "có hiệu lực từ tháng
        // 1": future words the copies predate.
        let future = [
            "takes effect",
            "take effect",
            "comes into force",
            "come into force",
            "enters into force",
            "tritt",
            "treten",
            "co hieu luc",
            // "scheduled for Jan. 20", "den 23. Februar als Termin", "ấn định ngày":
            // plan words.
            "scheduled for",
            "set for",
            "slated for",
            "planned for",
            "termin",
            "wahltermin",
            "angesetzt",
            "geplant",
            "geplante",
            "geplanten",
            "vorgesehen",
            "vorgesehene",
            "vorgesehenen",
            "anberaumt",
            "terminiert",
            "an dinh",
            "theo ke hoach",
            "du dinh",
        ];
        extended
            .future_words
            .retain(|word| !future.contains(&word.as_str()));
        extended
            .future_spellings
            .retain(|word| !future.contains(&factlint::fold::fold_str(word).as_str()));
        // "tối qua", "last night", "am Sonntagabend": times of day the copies predate.
        let day_parts = [
            "toi qua",
            "dem qua",
            "chieu qua",
            "trua qua",
            "sang nay",
            "trua nay",
            "chieu nay",
            "dem nay",
            "last night",
            "tonight",
            "this morning",
            "this afternoon",
            "this evening",
        ];
        extended
            .relative_days
            .retain(|(word, _)| !day_parts.contains(&word.as_str()));
        if code == "de" {
            let days = [
                "montag",
                "dienstag",
                "mittwoch",
                "donnerstag",
                "freitag",
                "samstag",
                "sonntag",
            ];
            let parts = [
                "morgen",
                "vormittag",
                "mittag",
                "nachmittag",
                "abend",
                "nacht",
            ];
            extended.weekdays.retain(|(word, _)| {
                !days
                    .iter()
                    .any(|day| parts.iter().any(|part| *word == format!("{day}{part}")))
            });
        }
        // "two and a half", "dreieinhalb", "anderthalb", "nửa triệu": halves the copies
        // predate.
        let halves = [
            "a half",
            "einhalb",
            "eineinhalb",
            "anderthalb",
            "half a",
            "eine halbe",
            "einer halben",
            "einen halben",
            "nua",
        ];
        extended
            .number_words
            .retain(|(word, _)| !halves.contains(&word.as_str()));
        extended
            .not_first
            .retain(|word| !halves.contains(&word.as_str()));
        // "twice", "elfmal": counts in one word the copies predate.
        let times = [
            "twice",
            "thrice",
            "zweimal",
            "dreimal",
            "viermal",
            "funfmal",
            "sechsmal",
            "siebenmal",
            "achtmal",
            "neunmal",
            "zehnmal",
            "elfmal",
            "zwolfmal",
            "zwanzigmal",
        ];
        extended
            .number_words
            .retain(|(word, _)| !times.contains(&word.as_str()));
        // "Cách chức Bộ trưởng X", "sacked minister X": dismissal markers the copies
        // predate.
        let dismissed = [
            "cách chức",
            "miễn nhiệm",
            "sacked",
            "entlassene",
            "entlassenen",
            "entlassener",
            "geschasste",
            "geschassten",
            "geschasster",
        ];
        extended
            .past_markers
            .retain(|word| !dismissed.contains(&word.as_str()));
        // "erstmals seit 2019", "its first profit since 2019": the year after "since"
        // is no figure's own period; comparison words the copies predate.
        // "vượt năm 2018 gần 10.000 người": the year after "vượt" (exceeding) is
        // the comparison's too.
        let since = [
            "since",
            "for the first time since",
            "seit",
            "erstmals seit",
            "vuot",
        ];
        extended
            .comparison
            .retain(|word| !since.contains(&word.as_str()));
        // "rd. 2,2 Mrd. Euro", "ngót 200 người", "just over $3 billion": hedges the
        // copies predate.
        let hedges = ["rd.", "suyt", "ngot", "ngot nghet", "just over"];
        extended
            .hedges
            .retain(|(word, _)| !hedges.contains(&word.as_str()));
        if code == "de" {
            extended.abbrevs.retain(|w| w != "rd.");
        }
        // "Co." and "No." left the Vietnamese abbreviations: they fold to "có." and
        // "nó.", which end sentences. The copies keep them.
        if code == "vi" {
            copied.abbrevs.retain(|w| w != "co." && w != "no.");
        }
        // The hedges as written, which the copies' loader keeps as well: only the
        // words the copies predate differ.
        let written_hedges = ["rd.", "suýt", "ngót", "ngót nghét", "just over"];
        extended
            .hedge_spellings
            .retain(|word| !written_hedges.contains(&word.as_str()));
        // "two dozen", "hai chục": counting words the copies predate.
        let dozens = [
            "dozen",
            "dutzend",
            "chuc",
            "douzaine",
            "douzaines",
            "дюжина",
            "дюжины",
        ];
        extended
            .scales
            .retain(|(word, _)| !dozens.contains(&word.as_str()));
        if code == "de" {
            // "im August vergangenen Jahres": relative years the copy predates.
            let added = [
                "vergangenen jahres",
                "letzten jahres",
                "des vorjahres",
                "nachsten jahres",
                "vergangenem jahr",
                "letztem jahr",
            ];
            extended
                .relative_years
                .retain(|(word, _)| !added.contains(&word.as_str()));
            // "nach vietnamesischen Angaben bei 146,3 Mio.": "bei" closes "nach".
            assert_eq!(
                extended.base_pairs.pop(),
                Some(("nach".into(), "bei".into()))
            );
            assert_eq!(extended.not_alone, ["ein", "eine"]);
            extended.not_alone.clear();
            // "seit mehr als einem Jahrzehnt": a word for one the copy predates.
            extended.one_words.retain(|w| w != "einem");
        }
        // "seit Juli", "since July": since-words the copy predates.
        extended.since_words.clear();
        // Words of rate moves the copy predates: "cut by 25 basis points", "um 0,25
        // Prozentpunkte gesenkt", "hạ 0,5 điểm phần trăm", "senkte den Leitzins um".
        let moves = [
            "raised",
            "hiked",
            "lifted",
            "cut",
            "lowered",
            "reduced",
            "trimmed",
            "slashed",
            "angehoben",
            "erhoht",
            "gesenkt",
            "verringert",
            "nang",
            "nang them",
            "ha",
            "ha them",
            "cat giam",
        ];
        let verbs = ["senkte", "senkten", "erhohte", "erhohten", "hob", "hoben"];
        for words in [&mut extended.increase_words, &mut extended.decrease_words] {
            words.retain(|word| !moves.contains(&word.as_str()));
        }
        for words in [&mut extended.increase_verbs, &mut extended.decrease_verbs] {
            words.retain(|word| !verbs.contains(&word.as_str()));
        }
        // Ordinal words the copy predates: Roman numerals after "thứ", English
        // ordinals past "twelfth", German ordinals in every ending.
        extended
            .ordinals
            .retain(|entry| copied.ordinals.contains(entry));
        // The packs' Debug text, word lists only (the compiled templates come last).
        let shown = |pack: &factlint::lang::LangPack| {
            let debug = format!("{pack:?}");
            match debug.find(", compiled: ") {
                Some(end) => debug[..end].to_string(),
                None => debug,
            }
        };
        let (copied, extended) = (shown(&copied), shown(&extended));
        let differs_at = copied
            .bytes()
            .zip(extended.bytes())
            .position(|(a, b)| a != b)
            .or((copied.len() != extended.len()).then(|| copied.len().min(extended.len())));
        if let Some(at) = differs_at {
            let around = |text: &str| {
                let start = text.floor_char_boundary(at.saturating_sub(80));
                text[start..text.floor_char_boundary(at + 80)].to_string()
            };
            panic!(
                "{code}: copy …{}… vs extension …{}…",
                around(&copied),
                around(&extended)
            );
        }
    }
}
