//! The canonical binary encoding of records and assignments: the bytes
//! that are signed and that QR codes carry.
//!
//! Values are written in a fixed order with no field names:
//! - unsigned integers as LEB128 varints, in the fewest bytes (a longer
//!   form of the same number is an error when reading);
//! - `bool` as one byte, 0 or 1;
//! - text as its byte length (varint) then UTF-8;
//! - fixed-size byte strings (keys, signatures) as they are;
//! - an optional value as a byte 0 (absent) or 1 followed by the value;
//! - a list as its length (varint) then the items.
//!
//! Reading is strict — any other byte, a length past the end, invalid
//! UTF-8 or bytes left over is an error naming the offset — so a valid
//! byte string decodes to exactly one value and encoding that value gives
//! the same bytes back. That is what makes the encoding canonical: a
//! signature over it covers one value only.

use std::fmt;

/// Builds an encoding.
#[derive(Debug, Default)]
pub struct Writer {
    out: Vec<u8>,
}

impl Writer {
    pub fn new() -> Writer {
        Writer::default()
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.out.extend_from_slice(b);
    }

    pub fn uint(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.out.push(byte);
                return;
            }
            self.out.push(byte | 0x80);
        }
    }

    pub fn bool(&mut self, b: bool) {
        self.out.push(u8::from(b));
    }

    pub fn text(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.bytes(s.as_bytes());
    }

    /// Writes the presence byte and, when present, the value with `f`.
    pub fn option<T>(&mut self, v: Option<&T>, f: impl FnOnce(&mut Writer, &T)) {
        self.bool(v.is_some());
        if let Some(v) = v {
            f(self, v);
        }
    }

    /// Writes the length, then each item with `f`.
    pub fn list<T>(&mut self, items: &[T], mut f: impl FnMut(&mut Writer, &T)) {
        self.uint(items.len() as u64);
        for item in items {
            f(self, item);
        }
    }

    pub fn finish(self) -> Vec<u8> {
        self.out
    }
}

/// Why bytes do not decode, and where (byte offset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub offset: usize,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The bytes end in the middle of a value.
    Truncated,
    /// A number written in more bytes than it needs, or beyond 64 bits.
    NonMinimalNumber,
    /// A number larger than the field allows.
    TooLarge,
    /// A byte that must be 0 or 1 is not.
    NotBool,
    InvalidUtf8,
    /// Bytes after the end of the value.
    TrailingBytes,
    /// The bytes do not start with what they must (magic and version).
    Header,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.problem {
            Problem::Truncated => "the data ends too early",
            Problem::NonMinimalNumber => "a number is not written in its shortest form",
            Problem::TooLarge => "a number is too large",
            Problem::NotBool => "a yes/no byte is neither 0 nor 1",
            Problem::InvalidUtf8 => "text is not valid UTF-8",
            Problem::TrailingBytes => "there are bytes after the end",
            Problem::Header => "it does not start with the expected format and version",
        };
        write!(f, "{what} (at byte {})", self.offset)
    }
}

impl std::error::Error for DecodeError {}

/// Reads an encoding, strictly.
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(data: &'a [u8]) -> Reader<'a> {
        Reader { data, pos: 0 }
    }

    pub fn offset(&self) -> usize {
        self.pos
    }

    pub fn error(&self, problem: Problem) -> DecodeError {
        DecodeError {
            offset: self.pos,
            problem,
        }
    }

    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        if self.data.len() - self.pos < n {
            return Err(self.error(Problem::Truncated));
        }
        let out = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(out)
    }

    pub fn array<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        let b = self.bytes(N)?;
        Ok(b.try_into().expect("N bytes"))
    }

    pub fn uint(&mut self) -> Result<u64, DecodeError> {
        let start = self.pos;
        let mut n = 0u64;
        for i in 0..10 {
            let Some(&byte) = self.data.get(self.pos) else {
                return Err(self.error(Problem::Truncated));
            };
            self.pos += 1;
            let bits = u64::from(byte & 0x7f);
            if i == 9 && bits > 1 {
                break;
            }
            n |= bits << (7 * i);
            if byte & 0x80 == 0 {
                // The shortest form never ends in a zero byte (except 0 itself).
                if byte == 0 && i > 0 {
                    break;
                }
                return Ok(n);
            }
        }
        self.pos = start;
        Err(self.error(Problem::NonMinimalNumber))
    }

    /// A number no larger than `max`.
    pub fn uint_max(&mut self, max: u64) -> Result<u64, DecodeError> {
        let at = self.pos;
        let n = self.uint()?;
        if n > max {
            return Err(DecodeError {
                offset: at,
                problem: Problem::TooLarge,
            });
        }
        Ok(n)
    }

    pub fn u32(&mut self) -> Result<u32, DecodeError> {
        Ok(self.uint_max(u64::from(u32::MAX))? as u32)
    }

    pub fn bool(&mut self) -> Result<bool, DecodeError> {
        match self.bytes(1)?[0] {
            0 => Ok(false),
            1 => Ok(true),
            _ => {
                self.pos -= 1;
                Err(self.error(Problem::NotBool))
            }
        }
    }

    pub fn text(&mut self) -> Result<String, DecodeError> {
        let len = self.uint()?;
        let at = self.pos;
        let len = usize::try_from(len).map_err(|_| self.error(Problem::Truncated))?;
        let b = self.bytes(len)?;
        String::from_utf8(b.to_vec()).map_err(|_| DecodeError {
            offset: at,
            problem: Problem::InvalidUtf8,
        })
    }

    pub fn option<T>(
        &mut self,
        f: impl FnOnce(&mut Reader<'a>) -> Result<T, DecodeError>,
    ) -> Result<Option<T>, DecodeError> {
        if self.bool()? {
            f(self).map(Some)
        } else {
            Ok(None)
        }
    }

    pub fn list<T>(
        &mut self,
        mut f: impl FnMut(&mut Reader<'a>) -> Result<T, DecodeError>,
    ) -> Result<Vec<T>, DecodeError> {
        let n = self.uint()?;
        // Every item takes at least one byte: a count beyond what is left
        // is an error before anything is allocated.
        if n > (self.data.len() - self.pos) as u64 {
            return Err(self.error(Problem::Truncated));
        }
        (0..n).map(|_| f(self)).collect()
    }

    /// Succeeds when every byte was read.
    pub fn finish(self) -> Result<(), DecodeError> {
        if self.pos == self.data.len() {
            Ok(())
        } else {
            Err(self.error(Problem::TrailingBytes))
        }
    }
}
