//! Arbitrary bytes through the basemap decoder: an error or a map, never a panic.
#![no_main]

use entente_core::geo::Basemap;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(map) = Basemap::decode(data) {
        let _ = map.point_count();
    }
});
