//! The largest input the JavaScript binding and the command-line program accept.
//!
//! [`analyze`](crate::analyze) itself takes text of any length and never panics; the limit
//! protects the faces around it. In the browser, wasm32 memory holds at most 4 GiB and never
//! shrinks once grown, and the result of a 64 MiB article is already several times its size; the
//! CLI applies the same limit so both faces accept exactly the same inputs.

use std::fmt;

/// The most UTF-8 bytes of text the JavaScript binding and the CLI analyse: 64 MiB
/// (67,108,864 bytes), about 10,000 times a long news article.
///
/// A JavaScript string counts as the UTF-8 bytes it becomes (a lone surrogate becomes U+FFFD,
/// three bytes).
///
/// # Example
/// ```
/// use article_analyzer::{check_input_len, MAX_INPUT_BYTES};
/// assert_eq!(MAX_INPUT_BYTES, 64 * 1024 * 1024);
/// assert!(check_input_len(MAX_INPUT_BYTES).is_ok());
/// assert!(check_input_len(MAX_INPUT_BYTES + 1).is_err());
/// ```
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// Text longer than [`MAX_INPUT_BYTES`]. Its message gives the length and the limit.
///
/// # Example
/// ```
/// use article_analyzer::{check_input_len, InputTooLong};
/// let err: InputTooLong = check_input_len(70_000_000).unwrap_err();
/// assert_eq!(err.bytes(), 70_000_000);
/// assert_eq!(err.to_string(), "text is too long: 70000000 bytes; the limit is 64 MiB");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InputTooLong {
    bytes: usize,
}

impl InputTooLong {
    /// The length of the rejected text, in UTF-8 bytes.
    ///
    /// # Example
    /// ```
    /// use article_analyzer::{check_input_len, MAX_INPUT_BYTES};
    /// assert_eq!(check_input_len(MAX_INPUT_BYTES + 5).unwrap_err().bytes(), MAX_INPUT_BYTES + 5);
    /// ```
    pub const fn bytes(&self) -> usize {
        self.bytes
    }
}

impl fmt::Display for InputTooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "text is too long: {} bytes; the limit is {} MiB",
            self.bytes,
            MAX_INPUT_BYTES >> 20
        )
    }
}

impl std::error::Error for InputTooLong {}

/// Checks a text length in UTF-8 bytes against [`MAX_INPUT_BYTES`].
///
/// # Example
/// ```
/// use article_analyzer::check_input_len;
/// let text = "A short article.";
/// assert!(check_input_len(text.len()).is_ok());
/// let err = check_input_len(100 << 20).unwrap_err();
/// assert!(err.to_string().starts_with("text is too long: 104857600 bytes"));
/// ```
pub const fn check_input_len(bytes: usize) -> Result<(), InputTooLong> {
    if bytes <= MAX_INPUT_BYTES {
        Ok(())
    } else {
        Err(InputTooLong { bytes })
    }
}
