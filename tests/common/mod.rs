//! Helpers shared by the integration tests: run the binary, copy the seed project.

#![allow(dead_code)] // each test binary uses a subset

pub mod heldout;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

/// Runs the factlint binary in `dir` without colours: (stdout, stderr, exit code).
pub fn factlint(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run factlint");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// A temporary copy of the project's `seeds/` and `rules/`, files writable (0640).
pub fn seeded_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for sub in ["seeds", "rules"] {
        std::fs::create_dir_all(dir.path().join(sub)).expect("mkdir");
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join(sub);
        for entry in std::fs::read_dir(from).expect("read_dir") {
            let entry = entry.expect("entry");
            if entry.path().is_file() {
                let to = dir.path().join(sub).join(entry.file_name());
                std::fs::copy(entry.path(), &to).expect("copy");
                std::fs::set_permissions(&to, std::fs::Permissions::from_mode(0o640))
                    .expect("chmod");
            }
        }
    }
    dir
}

/// Runs the factlint binary in the project directory (seeds/, rules/ as shipped),
/// without colours and with a fixed thread count: (stdout, stderr, exit code).
pub fn in_project(args: &[&str]) -> (String, String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("RAYON_NUM_THREADS", "2")
        .output()
        .expect("run factlint");
    (
        String::from_utf8(output.stdout).expect("utf-8 stdout"),
        String::from_utf8(output.stderr).expect("utf-8 stderr"),
        output.status.code().unwrap_or(-1),
    )
}

/// Snapshots a command's exit code, stdout and stderr as `snapshots/NAME.snap`.
pub fn snapshot(name: &str, (stdout, stderr, code): &(String, String, i32)) {
    let text = format!("exit code: {code}\n--- stdout\n{stdout}--- stderr\n{stderr}");
    insta::with_settings!({
        snapshot_path => "../../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, text);
    });
}
