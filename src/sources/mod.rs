//! Source readers (placeholder until the `sources` branch lands).

pub mod ocr;
