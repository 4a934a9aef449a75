//! The frames coming in on standard input, checked before the protocol library
//! sees them. A frame whose body is not a JSON object (invalid JSON, invalid
//! UTF-8, a bare number) would make the library's reader stop for good (tokio-util
//! ends a framed stream after a decode error), leaving the editor without a
//! server. Such a body is replaced by a harmless `$/byline/malformed`
//! notification and logged; everything after it is served normally. A header
//! without a usable `Content-Length` is skipped up to the next header.

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};

const MALFORMED: &[u8] = br#"{"jsonrpc":"2.0","method":"$/byline/malformed"}"#;

/// Copies LSP frames from `input` to `output`, replacing undecodable bodies.
pub async fn pump(input: impl AsyncRead + Unpin, mut output: impl AsyncWrite + Unpin) -> std::io::Result<()> {
    let mut r = BufReader::new(input);
    let mut line = Vec::new();
    loop {
        // Headers up to an empty line.
        let mut len: Option<usize> = None;
        let mut saw_header = false;
        loop {
            line.clear();
            if r.read_until(b'\n', &mut line).await? == 0 {
                return output.shutdown().await;
            }
            let l = String::from_utf8_lossy(&line);
            let l = l.trim_end_matches(['\r', '\n']);
            if l.is_empty() {
                if saw_header {
                    break;
                }
                continue;
            }
            saw_header = true;
            if let Some((k, v)) = l.split_once(':')
                && k.trim().eq_ignore_ascii_case("content-length")
            {
                len = v.trim().parse().ok();
            }
        }
        let Some(n) = len.filter(|&n| n <= 512 * 1024 * 1024) else {
            eprintln!("byline lsp: skipped a message without a valid Content-Length header");
            continue;
        };
        let mut body = vec![0; n];
        r.read_exact(&mut body).await?;
        let ok = serde_json::from_slice::<serde_json::Value>(&body).is_ok_and(|v| v.is_object());
        if !ok {
            eprintln!("byline lsp: ignored a malformed message ({} bytes)", body.len());
            body = MALFORMED.to_vec();
        }
        output.write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes()).await?;
        output.write_all(&body).await?;
        output.flush().await?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn malformed_bodies_are_replaced_and_the_rest_flows() {
        let good = br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
        let mut input = Vec::new();
        input.extend_from_slice(b"Content-Length: 10\r\n\r\n{ not json");
        input.extend_from_slice(b"X-Junk: 1\r\n\r\n");
        input.extend_from_slice(
            format!("Content-Length: {}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n", good.len()).as_bytes(),
        );
        input.extend_from_slice(good);
        let mut out = Vec::new();
        pump(&input[..], &mut out).await.unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("$/byline/malformed"));
        assert!(out.ends_with(std::str::from_utf8(good).unwrap()));
        assert_eq!(out.matches("Content-Length").count(), 2);
    }
}
