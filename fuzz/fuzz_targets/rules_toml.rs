//! Fuzz target: rule-file loading (`Rules::from_toml`) on arbitrary text.
//!
//! Any input must give `Ok` or a rule error whose diagnostics render — never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(err) = factlint::Rules::from_toml("fuzz.toml", &text) {
        // Rendering the error must not panic either (spans are clamped into the text).
        let _ = err.to_string();
        if let factlint::Error::Rules(errors) = &err {
            for diagnostic in &errors.0 {
                let _ = diagnostic.to_string();
            }
        }
    }
});
