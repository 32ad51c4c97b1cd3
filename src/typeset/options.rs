//! Parsing and naming the typesetting options, as the config file and the
//! command line spell them.

use std::fmt;
use std::str::FromStr;

use super::{AmbiguousWidth, Kinsoku, Punctuation};

/// An option value that is not one of the accepted spellings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {option} `{value}`: expected one of {expected}")]
pub struct ParseOptionError {
    pub option: &'static str,
    pub value: String,
    pub expected: &'static str,
}

macro_rules! named {
    ($ty:ty, $option:literal, $($variant:path => $name:literal),+ $(,)?) => {
        impl $ty {
            /// The name used in the config file and on the command line.
            pub fn name(self) -> &'static str {
                match self { $($variant => $name),+ }
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }

        impl FromStr for $ty {
            type Err = ParseOptionError;

            fn from_str(value: &str) -> Result<Self, ParseOptionError> {
                match value {
                    $($name => Ok($variant),)+
                    _ => Err(ParseOptionError {
                        option: $option,
                        value: value.to_owned(),
                        expected: concat!($($name, " "),+),
                    }),
                }
            }
        }
    };
}

named!(Kinsoku, "kinsoku level",
    Kinsoku::None => "none", Kinsoku::Basic => "basic", Kinsoku::Gb => "gb", Kinsoku::Strict => "strict");
named!(Punctuation, "punctuation style",
    Punctuation::AsIs => "as-is", Punctuation::Fullwidth => "fullwidth");
named!(AmbiguousWidth, "ambiguous width",
    AmbiguousWidth::Narrow => "narrow", AmbiguousWidth::Wide => "wide");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for level in [Kinsoku::None, Kinsoku::Basic, Kinsoku::Gb, Kinsoku::Strict] {
            assert_eq!(level.name().parse::<Kinsoku>(), Ok(level));
        }
        assert_eq!(
            "fullwidth".parse::<Punctuation>(),
            Ok(Punctuation::Fullwidth)
        );
        let err = "loose".parse::<Kinsoku>().unwrap_err();
        assert!(err.to_string().contains("loose"), "{err}");
    }
}
