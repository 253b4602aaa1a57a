//! Arbitrary URL fragments through the view-state decoder: an error or a state, never a panic;
//! a decoded state encodes to a fragment that decodes back to the same state.
#![no_main]

use entente_core::view_state::{decode, decode_with_warnings, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|fragment: &str| {
    let _ = decode_with_warnings(fragment);
    if let Ok(state) = decode(fragment) {
        let encoded = encode(&state);
        let back = decode(&encoded).unwrap_or_else(|e| panic!("{encoded:?} (from {fragment:?}) does not decode: {e}"));
        assert_eq!(back, state, "round trip through {encoded:?} (from {fragment:?})");
    }
});
