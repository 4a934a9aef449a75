//! The frames coming in on standard input, checked before the protocol library
//! sees them. A frame whose body is not a JSON object (invalid JSON, invalid
//! UTF-8, a bare number) would make the library's reader stop for good (tokio-util
//! ends a framed stream after a decode error), leaving the editor without a
//! server. Such a body is replaced by a harmless `$/byline/malformed`
//! notification and logged; everything after it is served normally. A header
//! without a usable `Content-Length` is skipped up to the next header.
//!
//! Going out, [`Output`] notices a client that stopped reading (a broken pipe):
//! the server then exits instead of serving no one.

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::Notify;

/// Standard output (or any writer) that signals `closed` when a write fails.
pub struct Output<W> {
    inner: W,
    closed: Arc<Notify>,
}

impl<W> Output<W> {
    pub fn new(inner: W, closed: Arc<Notify>) -> Output<W> {
        Output { inner, closed }
    }

    fn check<T>(&self, r: Poll<std::io::Result<T>>) -> Poll<std::io::Result<T>> {
        if let Poll::Ready(Err(_)) = &r {
            self.closed.notify_one();
        }
        r
    }
}

impl<W: AsyncWrite + Unpin> AsyncWrite for Output<W> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        let r = Pin::new(&mut self.inner).poll_write(cx, buf);
        let r = match r {
            Poll::Ready(Ok(0)) if !buf.is_empty() => Poll::Ready(Err(std::io::ErrorKind::WriteZero.into())),
            r => r,
        };
        self.check(r)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        let r = Pin::new(&mut self.inner).poll_flush(cx);
        self.check(r)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

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

    /// A writer whose reader went away.
    struct Broken;

    impl AsyncWrite for Broken {
        fn poll_write(self: Pin<&mut Self>, _: &mut Context<'_>, _: &[u8]) -> Poll<std::io::Result<usize>> {
            Poll::Ready(Err(std::io::ErrorKind::BrokenPipe.into()))
        }
        fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
            Poll::Ready(Ok(()))
        }
        fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<std::io::Result<()>> {
            Poll::Ready(Ok(()))
        }
    }

    #[tokio::test]
    async fn a_broken_pipe_is_signalled() {
        let closed = Arc::new(Notify::new());
        let mut ok = Output::new(Vec::new(), closed.clone());
        ok.write_all(b"fine").await.unwrap();
        let mut out = Output::new(Broken, closed.clone());
        assert!(out.write_all(b"lost").await.is_err());
        tokio::time::timeout(std::time::Duration::from_secs(1), closed.notified()).await.expect("signalled");
    }
}
