//! Analysis options.

use std::fmt;

/// How the text is divided into paragraphs.
///
/// # Example
/// ```
/// use article_analyzer::ParagraphMode;
/// assert_eq!("lines".parse::<ParagraphMode>().unwrap(), ParagraphMode::Lines);
/// assert!("pages".parse::<ParagraphMode>().is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ParagraphMode {
    /// Blank lines separate paragraphs when the text has any; otherwise every line is one.
    #[default]
    Auto,
    /// Only blank lines separate paragraphs.
    BlankLines,
    /// Every line break separates paragraphs.
    Lines,
}

impl ParagraphMode {
    /// The names accepted by [`str::parse`] and the public options.
    pub const NAMES: [&'static str; 3] = ["auto", "blankLines", "lines"];
}

impl std::str::FromStr for ParagraphMode {
    type Err = OptionsError;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        match value {
            "auto" => Ok(ParagraphMode::Auto),
            "blankLines" => Ok(ParagraphMode::BlankLines),
            "lines" => Ok(ParagraphMode::Lines),
            _ => Err(OptionsError::invalid_value(
                "paragraphs",
                value,
                &ParagraphMode::NAMES,
            )),
        }
    }
}

/// Which paragraphs the counts and the quotations take in.
///
/// # Example
/// ```
/// use article_analyzer::Scope;
/// assert_eq!("all".parse::<Scope>().unwrap(), Scope::All);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// Counts take in body paragraphs; quotations are looked for in the body and the headline.
    /// Bylines, captions, page meta and repeated lines are left out.
    #[default]
    Body,
    /// Every paragraph counts, whatever its kind.
    All,
}

impl Scope {
    /// The names accepted by [`str::parse`] and the public options.
    pub const NAMES: [&'static str; 2] = ["body", "all"];
}

impl std::str::FromStr for Scope {
    type Err = OptionsError;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        match value {
            "body" => Ok(Scope::Body),
            "all" => Ok(Scope::All),
            _ => Err(OptionsError::invalid_value("scope", value, &Scope::NAMES)),
        }
    }
}

/// Options for [`analyze`](crate::analyze): start from `Options::default()` and change fields.
/// New options may be added in later versions, so the struct cannot be built field by field.
///
/// # Example
/// ```
/// use article_analyzer::{analyze, Options, ParagraphMode};
/// let mut options = Options::default();
/// options.paragraphs = ParagraphMode::Lines;
/// let a = analyze("Line one\nLine two", &options);
/// assert_eq!(a.paragraphs.len(), 2);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// How paragraphs are found.
    pub paragraphs: ParagraphMode,
    /// Which paragraphs the counts and quotations take in.
    pub scope: Scope,
}

/// An invalid option: an unknown name or a value out of range. The message names the option.
///
/// # Example
/// ```
/// use article_analyzer::ParagraphMode;
/// let err = "pages".parse::<ParagraphMode>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "invalid value \"pages\" for option `paragraphs`: expected one of \"auto\", \"blankLines\", \"lines\""
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionsError {
    message: String,
}

impl OptionsError {
    /// An error with a message of one's own.
    ///
    /// # Example
    /// ```
    /// # use article_analyzer::OptionsError;
    /// assert_eq!(OptionsError::new("bad").to_string(), "bad");
    /// ```
    pub fn new(message: impl Into<String>) -> OptionsError {
        OptionsError {
            message: message.into(),
        }
    }

    /// The error for `value` given to `option` when it accepts only `expected`.
    ///
    /// # Example
    /// ```
    /// # use article_analyzer::OptionsError;
    /// let e = OptionsError::invalid_value("mode", "x", &["a", "b"]);
    /// assert_eq!(e.to_string(), "invalid value \"x\" for option `mode`: expected one of \"a\", \"b\"");
    /// ```
    pub fn invalid_value(option: &str, value: &str, expected: &[&str]) -> OptionsError {
        OptionsError::new(format!(
            "invalid value {value:?} for option `{option}`: expected one of {}",
            quoted_list(expected)
        ))
    }

    /// The error for an option called `name` where only `known` exist.
    ///
    /// # Example
    /// ```
    /// # use article_analyzer::OptionsError;
    /// let e = OptionsError::unknown_option("colour", &["paragraphs", "scope"]);
    /// assert_eq!(e.to_string(), "unknown option `colour`: expected one of \"paragraphs\", \"scope\"");
    /// ```
    pub fn unknown_option(name: &str, known: &[&str]) -> OptionsError {
        OptionsError::new(format!(
            "unknown option `{name}`: expected one of {}",
            quoted_list(known)
        ))
    }

    /// The first of `names` that is not in `known`, as an [`unknown_option`](Self::unknown_option)
    /// error.
    ///
    /// # Example
    /// ```
    /// # use article_analyzer::OptionsError;
    /// assert!(OptionsError::check_names(["scope"], &["scope"]).is_ok());
    /// assert!(OptionsError::check_names(["scope", "size"], &["scope"]).is_err());
    /// ```
    pub fn check_names<S: AsRef<str>>(
        names: impl IntoIterator<Item = S>,
        known: &[&str],
    ) -> Result<(), OptionsError> {
        match names.into_iter().find(|n| !known.contains(&n.as_ref())) {
            Some(name) => Err(OptionsError::unknown_option(name.as_ref(), known)),
            None => Ok(()),
        }
    }
}

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for OptionsError {}

/// `"a", "b", "c"`: names as an error message lists them.
fn quoted_list(names: &[&str]) -> String {
    let list: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
    list.join(", ")
}
