//! The language server (issue 4): not there yet.

/// Runs the server on stdio.
pub fn run_stdio() -> i32 {
    eprintln!("byline lsp: the language server is not implemented yet");
    2
}
