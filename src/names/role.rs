//! Role titles and their periods: "Tổng Bí thư Nguyễn Phú Trọng" in a document dated
//! after the role ended is a [`Verdict::RoleConflict`].
//!
//! Titles are patterns of the same Aho–Corasick automaton as the names; a title hit
//! directly followed (one space at most) by an accepted form of an entity that lists
//! the title, or written after it as an apposition ("Nguyễn Phú Trọng, Tổng Bí thư,"),
//! triggers the date check. Titles the entity never held (`never_titles`) are one
//! pseudo-role that conflicts on any date: a [`Verdict::NeverHeld`].

use super::{HeldTitle, Role, Verdict};
use crate::fold::fold_str;
use chrono::NaiveDate;

/// One role of an entity with folded titles.
#[derive(Debug, Clone)]
pub(crate) struct RoleData {
    /// Titles as written in the entity data.
    pub titles: Vec<String>,
    /// Folded titles (same order as `titles`).
    pub folded: Vec<String>,
    /// Start of the role.
    pub from: Option<NaiveDate>,
    /// End of the role.
    pub until: Option<NaiveDate>,
    /// Titles the entity never held (`never_titles`), not a role.
    pub never: bool,
}

impl RoleData {
    /// Folds the titles of `role`; empty titles are dropped.
    pub(crate) fn new(role: &Role) -> RoleData {
        let mut titles = Vec::new();
        let mut folded = Vec::new();
        for t in &role.titles {
            let f = fold_key(t);
            if !f.is_empty() {
                titles.push(t.clone());
                folded.push(f);
            }
        }
        RoleData {
            titles,
            folded,
            from: role.from,
            until: role.until,
            never: false,
        }
    }

    /// The titles an entity never held, as one pseudo-role.
    pub(crate) fn never(titles: &[String]) -> RoleData {
        let mut data = RoleData::new(&Role {
            titles: titles.to_vec(),
            from: None,
            until: None,
        });
        data.never = true;
        data
    }

    fn holds_on(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }
}

/// Folded, trimmed form of a title or name (the automaton's pattern key).
pub(crate) fn fold_key(s: &str) -> String {
    fold_str(s).trim().to_string()
}

/// Check of an accepted hit beside the folded title `title`: `Some(conflict)` when
/// the entity has roles with that title and held none of them on `date`, or lists
/// it among the titles it never held (judged without a date too).
pub(crate) fn check(roles: &[RoleData], title: &str, date: Option<NaiveDate>) -> Option<Verdict> {
    let mut first_match: Option<(&RoleData, usize)> = None;
    for role in roles {
        if let Some(i) = role.folded.iter().position(|t| t == title) {
            if !role.never && date.is_none_or(|date| role.holds_on(date)) {
                return None;
            }
            first_match.get_or_insert((role, i));
        }
    }
    let (role, i) = first_match?;
    let title = role.titles.get(i).cloned().unwrap_or_default();
    if role.never {
        return Some(Verdict::NeverHeld { title });
    }
    // Every term with this title: a sentence about any of them is of the past.
    let terms = terms_titled(roles, &role.folded[i]);
    Some(Verdict::RoleConflict { title, terms })
}

/// The folded `title` of an entity that held it on `date`, as the rules write it,
/// with every term of it.
pub(crate) fn held_on(roles: &[RoleData], title: &str, date: NaiveDate) -> Option<HeldTitle> {
    let role = roles.iter().find(|role| {
        !role.never && role.holds_on(date) && role.folded.iter().any(|t| t == title)
    })?;
    let i = role.folded.iter().position(|t| t == title)?;
    Some(HeldTitle {
        title: role.titles.get(i).cloned().unwrap_or_default(),
        terms: terms_titled(roles, title),
    })
}

/// Every term (start, end) of the roles with the folded `title`.
fn terms_titled(roles: &[RoleData], title: &str) -> Vec<(Option<NaiveDate>, Option<NaiveDate>)> {
    roles
        .iter()
        .filter(|r| !r.never && r.folded.iter().any(|t| t == title))
        .map(|r| (r.from, r.until))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn periods() {
        let roles = vec![
            RoleData::new(&Role {
                titles: vec!["Tổng Bí thư".into(), "General Secretary".into()],
                from: Some(d(2011, 1, 19)),
                until: Some(d(2024, 7, 19)),
            }),
            RoleData::new(&Role {
                titles: vec!["Chủ tịch nước".into()],
                from: Some(d(2018, 10, 23)),
                until: Some(d(2021, 4, 5)),
            }),
        ];
        assert_eq!(check(&roles, "tong bi thu", Some(d(2023, 8, 21))), None);
        assert_eq!(check(&roles, "tong bi thu", Some(d(2024, 7, 19))), None);
        assert!(matches!(
            check(&roles, "general secretary", Some(d(2025, 5, 5))),
            Some(Verdict::RoleConflict { ref title, .. }) if title == "General Secretary"
        ));
        assert!(check(&roles, "chu tich nuoc", Some(d(2025, 5, 5))).is_some());
        assert_eq!(check(&roles, "president", Some(d(2025, 5, 5))), None);
        assert_eq!(check(&[], "president", Some(d(2025, 5, 5))), None);
        // Undated: a real role cannot be judged.
        assert_eq!(check(&roles, "chu tich nuoc", None), None);
    }

    /// A title never held conflicts on any date and without one; a real role with
    /// the same title is judged by its dates instead.
    #[test]
    fn titles_never_held() {
        let mut roles = vec![RoleData::never(&["Thống đốc".to_string()])];
        for date in [None, Some(d(1990, 1, 1)), Some(d(2025, 5, 5))] {
            assert_eq!(
                check(&roles, "thong doc", date),
                Some(Verdict::NeverHeld {
                    title: "Thống đốc".into()
                })
            );
        }
        roles.insert(
            0,
            RoleData::new(&Role {
                titles: vec!["Thống đốc".into()],
                from: Some(d(2020, 1, 1)),
                until: None,
            }),
        );
        assert_eq!(check(&roles, "thong doc", Some(d(2025, 5, 5))), None);
    }
}
