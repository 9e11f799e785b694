//! Role titles and their periods: "Tổng Bí thư Nguyễn Phú Trọng" in a document dated
//! after the role ended is a [`Verdict::RoleConflict`].
//!
//! Titles are patterns of the same Aho–Corasick automaton as the names; a title hit
//! directly followed (one space at most) by an accepted form of an entity that lists
//! the title triggers the date check.

use super::{Role, Verdict};
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
        }
    }

    fn holds_on(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }
}

/// Folded, trimmed form of a title or name (the automaton's pattern key).
pub(crate) fn fold_key(s: &str) -> String {
    fold_str(s).trim().to_string()
}

/// Date check of an accepted hit preceded by the folded title `title`: `Some(conflict)`
/// when the entity has roles with that title and held none of them on `date`.
pub(crate) fn check(roles: &[RoleData], title: &str, date: NaiveDate) -> Option<Verdict> {
    let mut first_match: Option<(&RoleData, usize)> = None;
    for role in roles {
        if let Some(i) = role.folded.iter().position(|t| t == title) {
            if role.holds_on(date) {
                return None;
            }
            first_match.get_or_insert((role, i));
        }
    }
    let (role, i) = first_match?;
    Some(Verdict::RoleConflict {
        title: role.titles.get(i).cloned().unwrap_or_default(),
        from: role.from,
        until: role.until,
    })
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
        assert_eq!(check(&roles, "tong bi thu", d(2023, 8, 21)), None);
        assert_eq!(check(&roles, "tong bi thu", d(2024, 7, 19)), None);
        assert!(matches!(
            check(&roles, "general secretary", d(2025, 5, 5)),
            Some(Verdict::RoleConflict { ref title, .. }) if title == "General Secretary"
        ));
        assert!(check(&roles, "chu tich nuoc", d(2025, 5, 5)).is_some());
        assert_eq!(check(&roles, "president", d(2025, 5, 5)), None);
        assert_eq!(check(&[], "president", d(2025, 5, 5)), None);
    }
}
