//! The server's message framing on arbitrary input bytes: it never panics or
//! hangs, and everything it passes on to the protocol library is a well-formed
//! frame whose body is a JSON object.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let rt = tokio::runtime::Builder::new_current_thread().build().expect("runtime");
    let mut out = Vec::new();
    let _ = rt.block_on(byline::lsp::wire::pump(data, &mut out));
    let mut rest = &out[..];
    while !rest.is_empty() {
        let head_end = rest.windows(4).position(|w| w == b"\r\n\r\n").expect("a header ends");
        let head = std::str::from_utf8(&rest[..head_end]).expect("ASCII header");
        let n: usize = head.strip_prefix("Content-Length: ").expect("Content-Length").parse().expect("a length");
        let body = &rest[head_end + 4..head_end + 4 + n];
        let v: serde_json::Value = serde_json::from_slice(body).expect("a JSON body");
        assert!(v.is_object());
        rest = &rest[head_end + 4 + n..];
    }
});
