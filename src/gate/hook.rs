//! `factlint hook install`: writes `.git/hooks/pre-commit` so every commit runs
//! `factlint check --staged` and is refused when it finds errors.
//!
//! The hook calls this factlint binary by absolute path (hooks run with a reduced
//! PATH in some git clients). A hook factlint did not write is never replaced without
//! `--force`; one it wrote (recognised by its marker line) is rewritten in place.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Error;

/// The line that marks a hook as written by factlint.
const MARKER: &str = "# factlint pre-commit hook";

/// What `install` did.
#[derive(Debug, PartialEq, Eq)]
pub enum Installed {
    /// A new hook was written.
    Created(PathBuf),
    /// A factlint hook (or, with `--force`, another hook) was replaced.
    Replaced(PathBuf),
}

/// Installs the pre-commit hook of the repository containing `cwd`, calling `exe`.
pub fn install(cwd: &Path, exe: &Path, force: bool) -> Result<Installed, Error> {
    let path = hook_path(cwd)?;
    let existing = std::fs::read_to_string(&path).ok();
    if let Some(existing) = &existing
        && !existing.contains(MARKER)
        && !force
    {
        return Err(Error::Usage {
            message: format!("{} exists and was not written by factlint", path.display()),
            help: Some(
                "add `factlint check --staged` to it by hand, or pass --force to replace it".into(),
            ),
        });
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    std::fs::write(&path, script(exe)).map_err(|source| Error::Io {
        path: path.clone(),
        source,
    })?;
    make_executable(&path)?;
    Ok(match existing {
        Some(_) => Installed::Replaced(path),
        None => Installed::Created(path),
    })
}

/// The hook script: runs the staged check, and its exit code decides the commit.
fn script(exe: &Path) -> String {
    let quoted = exe.display().to_string().replace('\'', r"'\''");
    format!(
        "#!/bin/sh\n{MARKER} (written by `factlint hook install`; rerun it to update).\n\
         # Checks the staged documents; a finding at or above fail_on refuses the commit.\n\
         # Skip once with `git commit --no-verify`.\n\
         exec '{quoted}' check --staged\n"
    )
}

/// `.git/hooks/pre-commit` as git resolves it (worktrees, `core.hooksPath`).
fn hook_path(cwd: &Path) -> Result<PathBuf, Error> {
    let output = Command::new("git")
        .args(["rev-parse", "--git-path", "hooks/pre-commit"])
        .current_dir(cwd)
        .output()
        .map_err(|err| Error::Usage {
            message: format!("cannot run git: {err}"),
            help: Some("install git and make sure it is on PATH".into()),
        })?;
    if !output.status.success() {
        return Err(Error::Usage {
            message: "not inside a git repository: no hook to install".into(),
            help: Some("run `factlint hook install` inside the repository's work tree".into()),
        });
    }
    let text = String::from_utf8_lossy(&output.stdout);
    Ok(cwd.join(text.trim_end_matches(['\n', '\r'])))
}

#[cfg(unix)]
fn make_executable(path: &Path) -> Result<(), Error> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).map_err(|source| {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    })
}

#[cfg(not(unix))]
fn make_executable(_path: &Path) -> Result<(), Error> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_quotes_the_binary_path() {
        let text = script(Path::new("/opt/it's/factlint"));
        assert!(text.starts_with("#!/bin/sh\n"));
        assert!(text.contains(MARKER));
        assert!(text.contains(r"exec '/opt/it'\''s/factlint' check --staged"));
    }
}
