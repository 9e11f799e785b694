//! Round 19 of the held-out evaluation, in another genre: energy and electricity in
//! Vietnam and Germany, 2019–2026 (installed capacity in MW and GW, output in kWh and
//! TWh, the solar boom, the 500 kV circuit-3 line, the power development plan, the
//! JETP, the 2023 northern power shortages, EVN's results and tariffs, the Ninh
//! Thuận nuclear project, Germany's nuclear and coal exits, the Wilhelmshaven LNG
//! terminal, ministers and utility chiefs), in 12 articles dated July 2019 to
//! November 2026 (4 each in vi, en, de). 44 planted errors, 29 traps
//! (`tests/fixtures/newsroom-energy-truth.tsv`). The articles and their fact sheet
//! were written by one helper in session 31; the rule pack
//! (`tests/fixtures/newsroom-energy-rules/`, with the fact sheet and the pack
//! author's `NOTES.md`; its scratch documents and generator scripts are left out) by
//! another who saw only the fact sheet, the documentation and the articles, with a
//! binary of the session's first minutes.
//!
//! First run, with that binary: 44 of 44, no trap flagged, one finding on no listed
//! span (the second half of a planted error: "Ninh Thuận 2 với Liên bang Nga"). The
//! pack pays for it in workarounds its notes list: every capacity and output figure
//! written once per unit (B1; `{measure}` now reads MW and GW, kWh and TWh as one
//! quantity), separate keys for EVN's losses and profits (B18; claims now take
//! `signed = true`), a `false` claim for "the late"/"cố" (B13; entities now take
//! `living`/`died`), no Vietnamese short forms (B28; entities now take
//! `titled_forms`). This pack uses none of those, so it guards what it found with the
//! vocabulary it was written in.
//!
//! A gap that opens fails the test, as does a trap flagged.

mod common;

use common::heldout::Heldout;

/// Planted errors the user-written pack does not find: none.
const KNOWN_GAPS: &[(&str, &str)] = &[];

/// Correct statements the pack flags ("file: text by [rules]"): none.
const KNOWN_FLAGGED_TRAPS: &[&str] = &[];

const ROUND_19: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-energy",
    truth: "tests/fixtures/newsroom-energy-truth.tsv",
    rules: Some("tests/fixtures/newsroom-energy-rules"),
};

#[test]
fn the_user_pack_finds_the_planted_errors() {
    ROUND_19.assert_score((44, 29), KNOWN_GAPS, KNOWN_FLAGGED_TRAPS);
}

#[test]
fn newsroom_energy_report() {
    ROUND_19.snapshot("newsroom_energy_report");
}
