//! The progress bar of `factlint check`: drawn on standard error when it is a
//! terminal (a pseudo-terminal here) and `CI` is unset, never on a pipe or in CI. The
//! delay before it appears is set to zero, so no test waits on the clock.
#![cfg(all(target_os = "linux", target_env = "gnu"))]

use std::fs::File;
use std::io::Read;
use std::os::fd::{FromRawFd, OwnedFd};
use std::path::Path;
use std::process::{Command, Stdio};

/// A pseudo-terminal of 80 columns: (controller, terminal side).
fn pty() -> (File, OwnedFd) {
    let (mut controller, mut terminal) = (-1, -1);
    let size = libc::winsize {
        ws_row: 24,
        ws_col: 80,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty writes two new descriptors into the integers passed; the name
    // buffer may be null and the terminal settings default.
    let rc = unsafe {
        libc::openpty(
            &mut controller,
            &mut terminal,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: both descriptors were just opened and are owned by nothing else.
    unsafe {
        (
            File::from_raw_fd(controller),
            OwnedFd::from_raw_fd(terminal),
        )
    }
}

/// `factlint check seeds/` with standard error on a pseudo-terminal (or a pipe when
/// `terminal` is false) and `CI` set or not: what standard error received.
fn stderr_of_check(terminal: bool, ci: bool) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_factlint"));
    command
        .args(["check", "seeds", "--no-cache", "--format", "json"])
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .env("FACTLINT_PROGRESS_DELAY_MS", "0")
        .env("NO_COLOR", "1")
        .stdout(Stdio::null());
    if ci {
        command.env("CI", "true");
    } else {
        command.env_remove("CI");
    }
    if !terminal {
        let out = command
            .stderr(Stdio::piped())
            .output()
            .expect("run factlint");
        assert_eq!(out.status.code(), Some(1));
        return String::from_utf8_lossy(&out.stderr).into_owned();
    }
    let (mut controller, side) = pty();
    let status = command
        .stderr(Stdio::from(side))
        .status()
        .expect("run factlint");
    // The command (now run) held the only other copy of the terminal side, so the
    // controller reads what was written and then fails with EIO: the end.
    drop(command);
    assert_eq!(status.code(), Some(1));
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while let Ok(n) = controller.read(&mut buf) {
        if n == 0 {
            break;
        }
        seen.extend_from_slice(&buf[..n]);
    }
    String::from_utf8_lossy(&seen).into_owned()
}

#[test]
fn a_terminal_shows_the_bar() {
    let seen = stderr_of_check(true, false);
    assert!(seen.contains("checking"), "{seen:?}");
    assert!(seen.contains("/5 documents"), "{seen:?}");
}

#[test]
fn ci_and_pipes_never_show_it() {
    let seen = stderr_of_check(true, true);
    assert!(!seen.contains("checking"), "{seen:?}");
    let seen = stderr_of_check(false, false);
    assert!(!seen.contains("checking"), "{seen:?}");
}
