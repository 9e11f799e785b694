//! `check --staged`, `check --changed-since` and `hook install` in real git
//! repositories made in temp dirs: the staged content is what is judged, the rest of
//! the corpus takes part, only changed documents are reported; renames, deletions, a
//! repository without commits, and no repository at all.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// A temporary repository with git isolated from the machine's configuration.
struct Repo {
    dir: tempfile::TempDir,
}

fn doc(year: u32, money: &str) -> String {
    format!(
        "---\nlang: en\ndate: 2025-05-05\n---\nKazakhstan and Vietnam. In {year}, two-way trade reached {money}.\n"
    )
}

impl Repo {
    /// An empty repository (no commits) with the shipped rules copied in.
    fn new() -> Self {
        let repo = Repo {
            dir: tempfile::tempdir().expect("tempdir"),
        };
        repo.git(&["init", "-q"]);
        copy_dir(&Path::new(MANIFEST_DIR).join("rules"), &repo.path("rules"));
        repo
    }

    /// A repository with the seeds and rules committed.
    fn seeded() -> Self {
        let repo = Repo::new();
        copy_dir(&Path::new(MANIFEST_DIR).join("seeds"), &repo.path("seeds"));
        repo.git(&["add", "."]);
        repo.git(&["commit", "-q", "-m", "seed"]);
        repo
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command
            .current_dir(self.dir.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.org")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.org")
            .env("NO_COLOR", "1")
            .env("RAYON_NUM_THREADS", "2");
        command
    }

    fn git_output(&self, args: &[&str]) -> Output {
        self.command("git").args(args).output().expect("run git")
    }

    fn git(&self, args: &[&str]) {
        let out = self.git_output(args);
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn factlint(&self, args: &[&str]) -> (String, String, i32) {
        let out = self
            .command(env!("CARGO_BIN_EXE_factlint"))
            .args(args)
            .output()
            .expect("run factlint");
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
            out.status.code().unwrap_or(-1),
        )
    }

    /// Files with findings in a JSON report of `args`.
    fn files_with_findings(&self, args: &[&str]) -> (Vec<String>, i32) {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        let (stdout, stderr, code) = self.factlint(&all);
        let report: serde_json::Value =
            serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("json: {stdout}{stderr}"));
        let mut files: Vec<String> = report["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| f["file"].as_str().expect("file").to_string())
            .collect();
        files.dedup();
        (files, code)
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
    }
}

#[test]
fn staged_content_is_judged_not_the_working_tree() {
    let repo = Repo::seeded();
    repo.write("seeds/005_draft.txt", &doc(2024, "US$800 million"));
    repo.git(&["add", "seeds/005_draft.txt"]);
    repo.write("seeds/005_draft.txt", &doc(2024, "nearly US$1 billion"));
    let (stdout, _, code) = repo.factlint(&["check", "--staged"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("seeds/005_draft.txt"), "{stdout}");
    assert!(stdout.contains("US$800 million"), "{stdout}");
    // The committed seeds have findings of their own, but they are not reported.
    assert!(!stdout.contains("Kassym-Jormat"), "{stdout}");

    // The other way round: a good staged version passes although the file on disk is bad.
    repo.git(&["add", "seeds/005_draft.txt"]);
    repo.write("seeds/005_draft.txt", &doc(2024, "US$800 million"));
    let (files, code) = repo.files_with_findings(&["check", "--staged"]);
    assert_eq!((files, code), (vec![], 0));
}

#[test]
fn staged_document_conflicting_with_committed_ones_fails() {
    let repo = Repo::new();
    repo.write("docs/a.txt", &doc(2019, "US$300 million"));
    repo.write("docs/b.txt", &doc(2019, "US$300 million"));
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "base"]);
    repo.write("docs/c.txt", &doc(2019, "US$900 million"));
    repo.git(&["add", "docs/c.txt"]);
    let args = ["check", "docs", "--staged", "--fail-on", "warning"];
    let (files, code) = repo.files_with_findings(&args);
    assert_eq!(files, vec!["docs/c.txt".to_string()]);
    assert_eq!(code, 1);
}

#[test]
fn conflict_between_committed_documents_does_not_fail_a_staged_run() {
    let repo = Repo::new();
    repo.write("docs/a.txt", &doc(2019, "US$300 million"));
    repo.write("docs/b.txt", &doc(2019, "US$300 million"));
    repo.write("docs/c.txt", &doc(2019, "US$900 million"));
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "base"]);
    repo.write("docs/d.txt", &doc(2019, "about US$300 million"));
    repo.git(&["add", "docs/d.txt"]);
    let args = ["check", "docs", "--staged", "--fail-on", "warning"];
    assert_eq!(repo.files_with_findings(&args), (vec![], 0));
    // Without --staged the committed conflict is there.
    let (files, _) = repo.files_with_findings(&["check", "docs", "--fail-on", "warning"]);
    assert_eq!(files, vec!["docs/c.txt".to_string()]);
}

#[test]
fn renamed_document_is_checked_under_its_new_name() {
    let repo = Repo::seeded();
    repo.git(&[
        "mv",
        "seeds/002_31cbe1c235b66155.txt",
        "seeds/002_renamed.txt",
    ]);
    let (files, code) = repo.files_with_findings(&["check", "--staged"]);
    assert_eq!(files, vec!["seeds/002_renamed.txt".to_string()]);
    assert_eq!(code, 1);
}

#[test]
fn deleted_document_is_not_checked() {
    let repo = Repo::seeded();
    // Deleted in the index but still on disk: the commit will not contain it.
    repo.git(&["rm", "-q", "--cached", "seeds/002_31cbe1c235b66155.txt"]);
    repo.git(&["rm", "-q", "seeds/000_2123b4a668890d27.txt"]);
    let (stdout, stderr, code) = repo.factlint(&["check", "--staged"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("in 3 documents"), "{stdout}");
    assert!(stderr.contains("no changed documents"), "{stderr}");
}

#[test]
fn repository_without_commits_checks_everything_staged() {
    let repo = Repo::new();
    copy_dir(&Path::new(MANIFEST_DIR).join("seeds"), &repo.path("seeds"));
    repo.git(&["add", "."]);
    let (files, code) = repo.files_with_findings(&["check", "--staged"]);
    assert_eq!(code, 1);
    assert!(files.contains(&"seeds/002_31cbe1c235b66155.txt".to_string()));
    assert!(files.contains(&"seeds/000_2123b4a668890d27.txt".to_string()));
}

#[test]
fn outside_a_repository_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "--staged"])
        .current_dir(dir.path())
        .env(
            "GIT_CEILING_DIRECTORIES",
            dir.path().parent().expect("parent"),
        )
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("not inside a git repository"), "{stderr}");
}

#[test]
fn changed_since_reports_documents_changed_after_the_revision() {
    let repo = Repo::seeded();
    repo.git(&["tag", "base"]);
    repo.write("seeds/005_new.txt", &doc(2024, "US$800 million"));
    let (files, code) = repo.files_with_findings(&["check", "--changed-since", "base"]);
    assert_eq!((files, code), (vec!["seeds/005_new.txt".to_string()], 1));
    let (_, stderr, code) = repo.factlint(&["check", "--changed-since", "no-such-rev"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("not a commit"), "{stderr}");
}

#[test]
fn hook_refuses_a_bad_commit_and_lets_a_consistent_one_through() {
    let repo = Repo::seeded();
    let (_, stderr, code) = repo.factlint(&["hook", "install"]);
    assert_eq!(code, 0, "{stderr}");
    let hook = repo.path(".git/hooks/pre-commit");
    assert!(hook.is_file());

    repo.write("seeds/005_draft.txt", &doc(2024, "US$800 million"));
    repo.git(&["add", "seeds/005_draft.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "draft"]);
    let shown = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.status.success(), "the commit must be refused: {shown}");
    assert!(shown.contains("US$800 million"), "{shown}");
    assert!(shown.contains("seeds/005_draft.txt"), "{shown}");

    repo.write("seeds/005_draft.txt", &doc(2024, "nearly US$1 billion"));
    repo.git(&["add", "seeds/005_draft.txt"]);
    let out = repo.git_output(&["commit", "-q", "-m", "draft"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn hook_install_keeps_a_foreign_hook_unless_forced() {
    let repo = Repo::seeded();
    repo.write(".git/hooks/pre-commit", "#!/bin/sh\necho mine\n");
    let (_, stderr, code) = repo.factlint(&["hook", "install"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("not written by factlint"), "{stderr}");
    let kept = std::fs::read_to_string(repo.path(".git/hooks/pre-commit")).expect("hook");
    assert!(kept.contains("echo mine"));
    assert_eq!(repo.factlint(&["hook", "install", "--force"]).2, 0);
    // Reinstalling over factlint's own hook needs no --force.
    assert_eq!(repo.factlint(&["hook", "install"]).2, 0);
    let hook = std::fs::read_to_string(repo.path(".git/hooks/pre-commit")).expect("hook");
    assert!(hook.contains("check --staged"));
}

#[test]
fn staged_run_with_a_warm_cache_reads_only_the_staged_document() {
    let repo = Repo::seeded();
    let cached = ["--cache", "--cache-dir", ".cache", "--verbose"];
    let (_, stderr, _) = repo.factlint(&[&["check"][..], &cached].concat());
    assert!(
        stderr.contains("5 files: 5 extracted, 0 from the cache"),
        "{stderr}"
    );
    repo.write("seeds/005_draft.txt", &doc(2024, "US$800 million"));
    repo.git(&["add", "seeds/005_draft.txt"]);
    let (stdout, stderr, code) = repo.factlint(&[&["check", "--staged"][..], &cached].concat());
    assert!(
        stderr.contains("6 files: 1 extracted, 5 from the cache"),
        "{stderr}"
    );
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("US$800 million"), "{stdout}");
}
