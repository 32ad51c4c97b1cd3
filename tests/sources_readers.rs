//! The source readers of the OCR branch, on the real archives in
//! `../shared/corpus` (skipped with a message when it is absent) and on
//! small fixtures of each shape.
// Tests may stop at the first surprise: unwrap, expect and panic are their asserts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod sources_readers {
    mod archive;
    pub mod corpus;
    mod ocr;
    mod transcript;
}
