//! The request and notification handlers, by concern. Each converts its
//! parameters (`from_proto`), asks the engine (`corpus`, `corpus::query`,
//! `corpus::findings`) and converts the answer (`to_proto`). Handlers that only
//! read take the [`World`] (an immutable snapshot: the server runs cheap ones on
//! the message loop and those that read the whole corpus on the blocking pool);
//! those that also write or talk to the client take the
//! [`Core`](super::core::Core).

pub mod diagnostics;
pub mod edits;
pub mod navigation;
pub mod sync;
pub mod tokens;

use std::ops::Range;

use tower_lsp_server::jsonrpc::Error;
use tower_lsp_server::ls_types::{Position, Uri};

use super::from_proto;
use super::state::World;
use crate::index::EntityKey;

fn invalid(msg: impl std::fmt::Display) -> Error {
    Error::invalid_params(msg.to_string())
}

/// The entity under a position: (cluster keys, the mention's byte range).
fn entity_at(st: &World, uri: &Uri, pos: Position) -> Option<(Vec<EntityKey>, Range<usize>)> {
    let (c, d) = st.doc(uri)?;
    let off = from_proto::offset(&d.rope, pos, st.enc).ok()?;
    let (_, m) = c.mention_at(d.id, off)?;
    let key = c.key_of(d.id, m)?;
    Some((c.cluster(&key), m.span.clone()))
}
