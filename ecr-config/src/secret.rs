//! Secrets are a type: a `Secret<String>` cannot be printed by accident.

use core::fmt;

use secrecy::{ExposeSecret, SecretBox};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use zeroize::Zeroize;

/// What `Debug` and `Display` print in place of a secret.
pub const REDACTED: &str = "[REDACTED]";

/// A value that must never reach a log, a message or a report: a password, an access secret.
///
/// Built on [`secrecy::SecretBox`]: the value lives on the heap and is zeroized on drop, and
/// `Debug`/`Display` print [`REDACTED`]. Serde sees straight through it (`"secret_key": "…"`
/// deserializes into a `Secret<String>`), and the constraint attributes (`#[len]`,
/// `#[pattern]`) apply to the string inside, while their findings only ever report lengths
/// and rules, never the value. Read the value with [`ExposeSecret::expose_secret`].
///
/// ```
/// use ecr_config::{ExposeSecret, Secret};
///
/// let key = Secret::new(String::from("wJalrXUtnFEMI/K7MDENG"));
/// assert_eq!(format!("{key:?} {key}"), "[REDACTED] [REDACTED]");
/// assert_eq!(key.expose_secret().len(), 21);
/// ```
pub struct Secret<T: Zeroize>(SecretBox<T>);

impl<T: Zeroize> Secret<T> {
    /// Takes ownership of `value`.
    pub fn new(value: T) -> Self {
        Secret(SecretBox::new(Box::new(value)))
    }
}

impl<T: Zeroize> ExposeSecret<T> for Secret<T> {
    fn expose_secret(&self) -> &T {
        self.0.expose_secret()
    }
}

impl<T: Zeroize> From<T> for Secret<T> {
    fn from(value: T) -> Self {
        Secret::new(value)
    }
}

impl From<&str> for Secret<String> {
    fn from(value: &str) -> Self {
        Secret::new(value.to_owned())
    }
}

impl<T: Zeroize + Clone> Clone for Secret<T> {
    fn clone(&self) -> Self {
        Secret::new(self.expose_secret().clone())
    }
}

impl<T: Zeroize> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl<T: Zeroize> fmt::Display for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl<'de, T: Zeroize + Deserialize<'de>> Deserialize<'de> for Secret<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Secret::new)
    }
}

/// Serializes the value itself, so a config round-trips; serializing is an explicit act of
/// writing a config out, unlike the accidental paths (`Debug`, errors) this type closes.
impl<T: Zeroize + Serialize> Serialize for Secret<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.expose_secret().serialize(serializer)
    }
}
