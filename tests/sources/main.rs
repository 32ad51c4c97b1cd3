//! The input layer (`broadsheet::sources`): each source shape read into the
//! same `model::Issue`, on small fixtures of our own and, when it is there,
//! on the real archives in `../shared/corpus`.
// Tests may stop at the first surprise: unwrap, expect and panic are their asserts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod corpus;
mod fixtures;
mod ids;
