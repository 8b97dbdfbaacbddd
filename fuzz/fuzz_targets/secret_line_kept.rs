//! A valid document holding the secret, changed by the fuzzer everywhere but on the secret's
//! own lines: the first byte picks the document, the next two where bytes are cut and how
//! many, and the rest is inserted there. No output may show a piece of the secret.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../tests/tests/hostile/support.rs"]
mod support;

use support::{assert_positioned, leak, outputs, protected, report, seeds};

fuzz_target!(|input: &[u8]| {
    let [pick, at, cut, insert @ ..] = input else {
        return;
    };
    let seeds = seeds();
    let (model, seed) = &seeds[usize::from(*pick) % seeds.len()];
    let mut doc = seed.clone().into_bytes();
    let at = usize::from(*at) * doc.len() / 256;
    let end = (at + usize::from(*cut % 16)).min(doc.len());
    let kept = protected(&doc);
    if kept
        .iter()
        .any(|line| line.start < end.max(at + 1) && at < line.end)
    {
        return;
    }
    // A fuzzer learns the secret from the comparisons, and may write it anywhere itself.
    if leak(&String::from_utf8_lossy(insert), &[]).is_some() {
        return;
    }
    doc.splice(at..end, insert.iter().copied());
    if let Some(report) = report(*model, &doc) {
        assert_positioned(&doc, &report);
        for (output, text) in outputs(&doc, &report) {
            if let Some(piece) = leak(&text, &doc) {
                panic!(
                    "{output} shows {piece:?} of the secret, for {:?}:\n{text}",
                    String::from_utf8_lossy(&doc)
                );
            }
        }
    }
});
