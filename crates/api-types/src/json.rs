//! The front end's JSON reader: `from_str` into any of this contract's types, through their
//! `serde` derives, in much less WebAssembly than `serde_json`'s reader.
//!
//! Why not `serde_json` (which the server keeps for writing): its reader is built for precise
//! error messages (line and column, "invalid type: floating point `1.5`, expected …") and exact
//! floats, and each type it reads carries that: its float parsing and formatting tables alone
//! are ~14 KB in the main module, and every type's reader grows with the error bookkeeping. The
//! front end needs none of it: an answer it cannot read is [`Malformed`], whatever the reason.
//!
//! What it reads: RFC 8259 JSON (strings with every escape, surrogate pairs included; numbers;
//! nested arrays and objects; whitespace), into structs, `Vec`s, `Option`s, strings, integers,
//! booleans, and enums, externally or internally tagged. Fields it does not know are skipped.
//! Numbers with a fraction or an exponent are read as `f64` approximately (the contract has
//! no such field; they occur only in fields being skipped).

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};
use std::fmt;

/// Why an answer could not be read: not JSON, or not the shape asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed;

impl fmt::Display for Malformed {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("malformed JSON")
    }
}

impl std::error::Error for Malformed {}

impl de::Error for Malformed {
    /// The message is dropped unformatted: nothing of `serde`'s error texts is kept.
    fn custom<T: fmt::Display>(_message: T) -> Malformed {
        Malformed
    }
}

/// `text` (one JSON value, optionally surrounded by whitespace) as a `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Malformed> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        at: 0,
        depth_left: MAX_DEPTH,
    };
    let value = T::deserialize(&mut reader)?;
    match reader.peek() {
        None => Ok(value),
        Some(_) => Err(Malformed),
    }
}

/// How deeply arrays and objects may nest (127, as `serde_json`): deeper is [`Malformed`], not
/// a stack overflow, which would stop the whole WebAssembly app.
const MAX_DEPTH: u8 = 127;

/// A position in the text being read.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// How many more arrays or objects may open inside the current one.
    depth_left: u8,
}

impl Reader<'_> {
    /// The next byte that is not whitespace (not consumed).
    fn peek(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes.get(self.at) {
            self.at += 1;
        }
        self.bytes.get(self.at).copied()
    }

    /// Consumes `byte` (after whitespace), or fails.
    fn eat(&mut self, byte: u8) -> Result<(), Malformed> {
        if self.peek() != Some(byte) {
            return Err(Malformed);
        }
        self.at += 1;
        Ok(())
    }

    /// Consumes `open` (`[` or `{`), one level deeper, or fails.
    fn open(&mut self, open: u8) -> Result<(), Malformed> {
        self.eat(open)?;
        self.depth_left = self.depth_left.checked_sub(1).ok_or(Malformed)?;
        Ok(())
    }

    /// Consumes `close` (`]` or `}`), one level up, or fails.
    fn close(&mut self, close: u8) -> Result<(), Malformed> {
        self.eat(close)?;
        self.depth_left += 1;
        Ok(())
    }

    /// Consumes `word` (`null`, `true`, `false`) exactly, or fails.
    fn word(&mut self, word: &[u8]) -> Result<(), Malformed> {
        let _ = self.peek();
        if !self.bytes[self.at..].starts_with(word) {
            return Err(Malformed);
        }
        self.at += word.len();
        Ok(())
    }

    /// The next byte, consumed.
    fn next_byte(&mut self) -> Result<u8, Malformed> {
        let byte = *self.bytes.get(self.at).ok_or(Malformed)?;
        self.at += 1;
        Ok(byte)
    }

    /// A string value, its escapes resolved.
    fn string(&mut self) -> Result<String, Malformed> {
        self.eat(b'"')?;
        let mut text = Vec::new();
        loop {
            // Copies the run up to the next quote, backslash or control character at once.
            let run = self.bytes[self.at..]
                .iter()
                .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)
                .ok_or(Malformed)?;
            text.extend_from_slice(&self.bytes[self.at..self.at + run]);
            self.at += run;
            match self.next_byte()? {
                b'"' => break,
                b'\\' => {
                    let unescaped = match self.next_byte()? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.escaped_char()?,
                        _ => return Err(Malformed),
                    };
                    text.extend_from_slice(unescaped.encode_utf8(&mut [0; 4]).as_bytes());
                }
                // A control character must be escaped.
                _ => return Err(Malformed),
            }
        }
        // Runs end only at ASCII bytes, so they are whole characters of the (UTF-8) text.
        String::from_utf8(text).map_err(|_| Malformed)
    }

    /// The character of a `\uXXXX` escape (after the `u`), a surrogate pair's second half
    /// included.
    fn escaped_char(&mut self) -> Result<char, Malformed> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if self.next_byte()? != b'\\' || self.next_byte()? != b'u' {
                return Err(Malformed);
            }
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(Malformed);
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or(Malformed)
    }

    /// Four hexadecimal digits.
    fn hex4(&mut self) -> Result<u32, Malformed> {
        let mut value = 0;
        for _ in 0..4 {
            let digit = char::from(self.next_byte()?)
                .to_digit(16)
                .ok_or(Malformed)?;
            value = value * 16 + digit;
        }
        Ok(value)
    }

    /// Consumes digits; whether there was at least one.
    fn digits(&mut self) -> bool {
        let start = self.at;
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
        self.at > start
    }

    /// A number, given to `visitor` as `u64` or `i64` when it is an integer that fits, else as
    /// an approximate `f64`.
    fn number<'de, V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Malformed> {
        let _ = self.peek();
        let negative = self.bytes.get(self.at) == Some(&b'-');
        if negative {
            self.at += 1;
        }
        let start = self.at;
        if !self.digits() {
            return Err(Malformed);
        }
        // No leading zeros (`01`).
        if self.bytes[start] == b'0' && self.at - start > 1 {
            return Err(Malformed);
        }
        let mut fraction_digits = 0;
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            let fraction_start = self.at;
            if !self.digits() {
                return Err(Malformed);
            }
            fraction_digits = self.at - fraction_start;
        }
        let mantissa = &self.bytes[start..self.at];
        let mut exponent: i32 = 0;
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            let exponent_negative = self.bytes.get(self.at) == Some(&b'-');
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            let exponent_start = self.at;
            if !self.digits() {
                return Err(Malformed);
            }
            for &digit in &self.bytes[exponent_start..self.at] {
                exponent = exponent
                    .saturating_mul(10)
                    .saturating_add(i32::from(digit - b'0'));
            }
            if exponent_negative {
                exponent = -exponent;
            }
        }
        let is_integer = fraction_digits == 0 && mantissa.len() + start == self.at;
        if is_integer {
            // Exact when it fits 64 bits.
            let magnitude = mantissa.iter().try_fold(0_u64, |value, &digit| {
                value.checked_mul(10)?.checked_add(u64::from(digit - b'0'))
            });
            match magnitude {
                Some(magnitude) if !negative => return visitor.visit_u64(magnitude),
                // `-0` is a float, as in `serde_json`.
                Some(magnitude) if magnitude != 0 && magnitude <= i64::MAX as u64 + 1 => {
                    return visitor.visit_i64((magnitude as i64).wrapping_neg())
                }
                _ => {}
            }
        }
        let digits = mantissa.iter().filter(|digit| digit.is_ascii_digit());
        let digits = digits.fold(0.0_f64, |value, &digit| {
            value * 10.0 + f64::from(digit - b'0')
        });
        let scale = exponent.saturating_sub(fraction_digits as i32);
        // Dividing by an exact power of ten keeps `0.3` 0.3.
        let value = if scale < 0 {
            digits / 10_f64.powi(scale.saturating_neg())
        } else {
            digits * 10_f64.powi(scale)
        };
        if !value.is_finite() {
            return Err(Malformed);
        }
        visitor.visit_f64(if negative { -value } else { value })
    }
}

/// Reads one value of a type that asked for a particular kind; anything else is
/// [`Malformed`] (the visitor's own "invalid type" path, whose message is never made).
impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Malformed;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Malformed> {
        match self.peek().ok_or(Malformed)? {
            b'n' => {
                self.word(b"null")?;
                visitor.visit_unit()
            }
            b't' | b'f' => self.deserialize_bool(visitor),
            b'"' => visitor.visit_string(self.string()?),
            b'[' => self.deserialize_seq(visitor),
            b'{' => self.deserialize_map(visitor),
            _ => self.number(visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Malformed> {
        if self.peek() == Some(b't') {
            self.word(b"true")?;
            visitor.visit_bool(true)
        } else {
            self.word(b"false")?;
            visitor.visit_bool(false)
        }
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Malformed> {
        self.number(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Malformed> {
        visitor.visit_string(self.string()?)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Malformed> {
        if self.peek() == Some(b'n') {
            self.word(b"null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Malformed> {
        self.word(b"null")?;
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Malformed> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Malformed> {
        self.open(b'[')?;
        let value = visitor.visit_seq(Items::new(self))?;
        self.close(b']')?;
        Ok(value)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Malformed> {
        self.open(b'{')?;
        let value = visitor.visit_map(Items::new(self))?;
        self.close(b'}')?;
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Malformed> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Malformed> {
        if self.peek() == Some(b'"') {
            // A unit variant: its name.
            return visitor.visit_enum(self.string()?.into_deserializer());
        }
        // `{"variant": value}`.
        self.open(b'{')?;
        let value = visitor.visit_enum(Variant(self))?;
        self.close(b'}')?;
        Ok(value)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Malformed> {
        self.deserialize_any(visitor)
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u128 f32 f64 char str bytes byte_buf unit_struct tuple
        tuple_struct identifier
    }
}

/// An array's items or an object's entries, comma-separated.
struct Items<'r, 'de> {
    reader: &'r mut Reader<'de>,
    first: bool,
}

impl<'r, 'de> Items<'r, 'de> {
    fn new(reader: &'r mut Reader<'de>) -> Self {
        Items {
            reader,
            first: true,
        }
    }

    /// Whether another item follows (its comma consumed) before `close`.
    fn has_next(&mut self, close: u8) -> Result<bool, Malformed> {
        if self.reader.peek() == Some(close) {
            return Ok(false);
        }
        if !self.first {
            self.reader.eat(b',')?;
        }
        self.first = false;
        Ok(true)
    }
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = Malformed;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Malformed> {
        if !self.has_next(b']')? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

impl<'de> MapAccess<'de> for Items<'_, 'de> {
    type Error = Malformed;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Malformed> {
        if !self.has_next(b'}')? {
            return Ok(None);
        }
        // Keys are strings.
        let key = self.reader.string()?;
        seed.deserialize(key.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Malformed> {
        self.reader.eat(b':')?;
        seed.deserialize(&mut *self.reader)
    }
}

/// The variant of an externally tagged enum written as `{"variant": value}`.
struct Variant<'r, 'de>(&'r mut Reader<'de>);

impl<'r, 'de> EnumAccess<'de> for Variant<'r, 'de> {
    type Error = Malformed;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), Malformed> {
        let name = self.0.string()?;
        let variant = seed.deserialize(name.into_deserializer())?;
        self.0.eat(b':')?;
        Ok((variant, self))
    }
}

impl<'de> VariantAccess<'de> for Variant<'_, 'de> {
    type Error = Malformed;

    fn unit_variant(self) -> Result<(), Malformed> {
        self.0.word(b"null")
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Malformed> {
        seed.deserialize(self.0)
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Malformed> {
        de::Deserializer::deserialize_seq(self.0, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Malformed> {
        de::Deserializer::deserialize_map(self.0, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::{from_str, Malformed};
    use crate::{Lang, SiteInfo};
    use serde::Deserialize;
    use serde_json::Value;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Sample {
        text: String,
        count: u32,
        delta: i64,
        #[serde(default)]
        note: Option<String>,
        list: Vec<Option<u8>>,
        flag: bool,
        lang: Lang,
    }

    #[test]
    fn reads_every_escape_and_surrogate_pairs() {
        let text = r#""q\"b\\s\/\b\f\n\r\t \u00e9\u0531 \ud83d\udcf0 end""#;
        let read: String = from_str(text).unwrap();
        assert_eq!(read, "q\"b\\s/\u{8}\u{c}\n\r\t é\u{531} 📰 end");
        assert_eq!(read, serde_json::from_str::<String>(text).unwrap());
        assert_eq!(
            from_str::<String>("\"Ереван · Երևան\""),
            Ok("Ереван · Երևան".into())
        );
    }

    #[test]
    fn reads_structs_skipping_unknown_fields_of_every_kind() {
        let text = r#" {
            "unknown": {"deep": [1, -2.5e-3, true, null, "x\"y", {"a": []}]},
            "text": "t", "count": 7, "delta": -9223372036854775808,
            "list": [1, null, 255], "flag": false, "lang": "hy", "more": 1E+2
        } "#;
        let read: Sample = from_str(text).unwrap();
        assert_eq!(read, serde_json::from_str::<Sample>(text).unwrap());
        assert_eq!(read.note, None);
        assert_eq!(read.delta, i64::MIN);
        let value: Value = from_str(text).unwrap();
        assert_eq!(value["unknown"]["deep"][1].as_f64(), Some(-0.0025));
        assert_eq!(value["more"].as_f64(), Some(100.0));
        assert_eq!(from_str::<u64>("18446744073709551615"), Ok(u64::MAX));
        for number in ["0.3", "-0", "0", "1.5e-7", "123.456", "2E3", "-0.0"] {
            let as_serde_json: Value = serde_json::from_str(number).unwrap();
            assert_eq!(from_str::<Value>(number), Ok(as_serde_json), "{number}");
        }
        assert_eq!(from_str::<u32>("-0"), Err(Malformed));
    }

    #[test]
    fn refuses_what_is_not_json_or_not_the_shape() {
        for text in [
            "",
            "  ",
            "\"open",
            "\"raw\ncontrol\"",
            "\"lone \\ud83d surrogate\"",
            "\"bad \\x escape\"",
            "[1,]",
            "[,1]",
            "{\"a\" 1}",
            "{\"a\":1,}",
            "[1] [2]",
            "tru",
            "-",
            "1.",
            "1e",
            "01",
            "-01",
            "1e400",
        ] {
            assert_eq!(from_str::<Value>(text), Err(Malformed), "{text:?}");
        }
        assert_eq!(from_str::<u8>("256"), Err(Malformed));
        assert_eq!(from_str::<u32>("-1"), Err(Malformed));
        assert_eq!(from_str::<Lang>("\"de\""), Err(Malformed));
        assert_eq!(
            from_str::<SiteInfo>("{\"name\": \"Gazette\"}"),
            Err(Malformed)
        );
        assert_eq!(from_str::<String>("12"), Err(Malformed));
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert_eq!(from_str::<Value>(&deep), Err(Malformed));
        for depth in [127, 128] {
            let nested = "[".repeat(depth) + &"]".repeat(depth);
            let as_serde_json = serde_json::from_str::<Value>(&nested).map_err(|_| Malformed);
            assert_eq!(from_str::<Value>(&nested), as_serde_json, "{depth} levels");
        }
        assert!(from_str::<Value>(&("[".repeat(127) + &"]".repeat(127))).is_ok());
    }
}
