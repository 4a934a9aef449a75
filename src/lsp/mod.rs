//! The language server (`byline lsp`, stdio) on `tower-lsp-server`. This layer
//! only translates: `from_proto` turns URIs and positions into paths and byte
//! offsets, `to_proto` turns engine answers into LSP types, `server` holds the
//! handlers, `actions` the code actions, `watch` the file watching, `state` what
//! the handlers share. Nothing else in the crate knows LSP types.

mod actions;
pub mod from_proto;
mod server;
mod state;
pub mod to_proto;
mod watch;
mod wire;

use tower_lsp_server::{LspService, Server};

pub use server::{Backend, COMMANDS, StatusParams};

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
        let (service, socket) = LspService::new(Backend::new);
        // Frames pass through `wire::pump`, which keeps one malformed message
        // from stopping the server.
        let (to_server, from_pump) = tokio::io::duplex(1 << 16);
        tokio::spawn(async move {
            let _ = wire::pump(tokio::io::stdin(), to_server).await;
        });
        Server::new(from_pump, tokio::io::stdout(), socket).serve(service).await;
    });
    // Background tasks (the refresh loop, a blocking indexing job) must not keep
    // the process alive once the client is gone.
    rt.shutdown_timeout(std::time::Duration::from_millis(200));
    0
}
