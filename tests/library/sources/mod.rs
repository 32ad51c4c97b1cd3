//! The input layer (`broadsheet::sources`): each source shape read into the
//! same `model::Issue`, on small fixtures of our own and, when it is there,
//! on the real archives in `../shared/corpus`.

mod corpus;
mod fixtures;
mod ids;
