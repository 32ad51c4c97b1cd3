//! The source readers of the OCR branch, on the real archives in
//! `../shared/corpus` (skipped with a message when it is absent) and on
//! small fixtures of each shape.

mod archive;
pub mod corpus;
mod ocr;
mod transcript;
