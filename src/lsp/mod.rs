//! The language server (`byline lsp`, stdio) on `tower-lsp-server`. This layer
//! only translates: `from_proto` turns URIs and positions into paths and byte
//! offsets, `to_proto` and `semantic_tokens` turn engine answers into LSP types.
//! `server` implements the protocol by handing each message to `handlers`, by
//! concern (`sync`, `diagnostics`, `tokens`, `navigation`, `edits`, with the code
//! actions built in `actions`); `capabilities` is what `initialize` announces;
//! `background` indexes and refreshes, `publish` tells the client; `watch` watches files; `core`
//! and `state` are what handlers share. Nothing else in the crate knows LSP types.

mod actions;
mod background;
mod capabilities;
mod core;
mod faults;
pub mod from_proto;
mod handlers;
mod publish;
mod semantic_tokens;
mod server;
mod state;
pub mod to_proto;
mod watch;
#[doc(hidden)]
pub mod wire; // public for the fuzz targets (fuzz/)

use tower_lsp_server::{LspService, Server};

pub use capabilities::COMMANDS;
pub use publish::StatusParams;
pub use server::Backend;

/// Runs the server on standard input and output until the client exits (or
/// standard input closes). Returns the exit status.
pub fn run_stdio() -> i32 {
    let rt = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("byline lsp: cannot start: {e}");
            return 2;
        }
    };
    rt.block_on(async {
        let (service, socket) = LspService::build(Backend::new).custom_method("byline/status", Backend::status_request).finish();
        // Frames pass through `wire::pump`, which keeps one malformed message
        // from stopping the server.
        let (to_server, from_pump) = tokio::io::duplex(1 << 16);
        tokio::spawn(async move {
            let _ = wire::pump(tokio::io::stdin(), to_server).await;
        });
        // A client that stops reading (standard output closed) ends the
        // session like one that stops writing.
        let closed = std::sync::Arc::new(tokio::sync::Notify::new());
        let output = wire::Output::new(tokio::io::stdout(), closed.clone());
        tokio::select! {
            _ = Server::new(from_pump, output, socket).serve(service) => {}
            _ = closed.notified() => eprintln!("byline lsp: standard output closed; exiting"),
        }
    });
    // Background tasks (the refresh loop, a blocking indexing job) must not keep
    // the process alive once the client is gone.
    rt.shutdown_timeout(std::time::Duration::from_millis(200));
    0
}
