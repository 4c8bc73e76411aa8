//! Bytes of any kind decode to text or to a clear error, never a panic; lone CRs become LFs
//! without moving any offset.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(decoded) = jxlint::decode::decode(bytes) {
        assert!(!decoded.text.contains('\0'));
    }
});
