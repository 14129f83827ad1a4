//! UTF-8 byte offsets to UTF-16 code-unit offsets: the one place where the conversion lives.

/// Converts byte offsets of one text into UTF-16 code-unit offsets (what JavaScript's
/// `String.prototype.slice` counts).
///
/// It records only the non-ASCII characters, so for mostly-ASCII news text it costs almost no
/// memory; each lookup is a binary search.
///
/// # Example
/// ```
/// use article_analyzer::Utf16Index;
/// let text = "né 😀 x";
/// let index = Utf16Index::new(text);
/// assert_eq!(index.utf16(0), 0);
/// assert_eq!(index.utf16(3), 2);          // after "né" (é is 2 bytes, 1 unit)
/// assert_eq!(index.utf16(text.len()), 7); // 😀 is 4 bytes, 2 units
/// ```
#[derive(Clone, Debug)]
pub struct Utf16Index {
    /// For each non-ASCII character: the byte offset just after it, and how many more UTF-8 bytes
    /// than UTF-16 units the text holds up to that point. `u32` halves the memory; inputs are
    /// limited far below 4 GiB.
    after: Vec<(u32, u32)>,
    len: usize,
}

impl Utf16Index {
    /// Builds the index for `text` in one pass.
    ///
    /// # Example
    /// ```
    /// # use article_analyzer::Utf16Index;
    /// assert_eq!(Utf16Index::new("abc").utf16(2), 2);
    /// ```
    pub fn new(text: &str) -> Utf16Index {
        let mut after = Vec::new();
        let mut surplus = 0usize;
        for (i, c) in text.char_indices() {
            if !c.is_ascii() {
                surplus += c.len_utf8() - c.len_utf16();
                after.push(((i + c.len_utf8()) as u32, surplus as u32));
            }
        }
        Utf16Index {
            after,
            len: text.len(),
        }
    }

    /// The UTF-16 offset of byte offset `byte`, which should lie on a character boundary (every
    /// span of an [`Analysis`](crate::Analysis) does). Offsets past the end map to the end.
    ///
    /// # Example
    /// ```
    /// # use article_analyzer::Utf16Index;
    /// let index = Utf16Index::new("€1");
    /// assert_eq!(index.utf16(3), 1);
    /// assert_eq!(index.utf16(4), 2);
    /// ```
    pub fn utf16(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let n = self.after.partition_point(|&(end, _)| end as usize <= byte);
        let surplus = if n == 0 {
            0
        } else {
            self.after[n - 1].1 as usize
        };
        byte - surplus
    }

    /// The UTF-16 length of the whole text.
    ///
    /// # Example
    /// ```
    /// # use article_analyzer::Utf16Index;
    /// assert_eq!(Utf16Index::new("a😀").utf16_len(), 3);
    /// ```
    pub fn utf16_len(&self) -> usize {
        self.utf16(self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(text: &str, byte: usize) -> usize {
        text[..byte].encode_utf16().count()
    }

    #[test]
    fn matches_naive_count_on_every_char_boundary() {
        let text = "a\u{e9}\u{20ac}\u{1F600}b\u{301}\u{1D538}\u{200D} z";
        let index = Utf16Index::new(text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(index.utf16(i), naive(text, i), "byte {i}");
        }
    }
}
