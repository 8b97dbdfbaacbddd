//! A stand-in for a required property a document lacks, so that the strict reading goes on
//! past it: the document has a `required` finding there, and no reason to be read again.
//!
//! [`Phantom`] deserializes the smallest value of a [`Shape`]: `false`, `0` (or the bound of
//! the type nearest to it), `""`, the first variant, an empty list or map. Nothing it makes
//! is ever shown: the findings `validate` tells about it are dropped. A type that takes none
//! of these (its own `Deserialize`, a value the shape leaves open) fails, and the document
//! takes the slow path, as it did before; so does a missing struct. (A stand-in struct would
//! have serde's derive compile every struct's reading a second time, for the stand-in's
//! deserializer, in every crate that parses. The empty list and map are read by accessors
//! that read no element, for the same reason.)

use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::forward_to_deserialize_any;

use crate::meta::{FieldMeta, Shape};

use super::strict;

/// The deserializer of the stand-in of a value of `shape`.
pub(crate) struct Phantom<E> {
    shape: &'static Shape,
    error: PhantomData<E>,
}

impl<E> Phantom<E> {
    pub(crate) fn new(shape: &'static Shape) -> Phantom<E> {
        Phantom {
            shape,
            error: PhantomData,
        }
    }
}

/// An empty list or map.
struct Empty<E>(PhantomData<E>);

/// Whether a missing `field` has a stand-in read for it: it is required (a flattened
/// field's properties are the object's own, and serde reads such a struct as a map, which
/// always takes the slow path).
pub(crate) fn stands_in_for(field: &FieldMeta) -> bool {
    field.required && !field.flatten
}

impl<'de, E: de::Error> Deserializer<'de> for Phantom<E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.shape {
            Shape::Boolean => visitor.visit_bool(false),
            Shape::Integer { min, max } => {
                let nearest = 0i128.clamp(*min, *max);
                match u64::try_from(nearest) {
                    Ok(n) => visitor.visit_u64(n),
                    Err(_) => match i64::try_from(nearest) {
                        Ok(n) => visitor.visit_i64(n),
                        Err(_) => visitor.visit_i128(nearest),
                    },
                }
            }
            Shape::Number => visitor.visit_f64(0.0),
            Shape::Str => visitor.visit_borrowed_str(""),
            Shape::Enum(meta) => match meta.names.first() {
                Some(name) => visitor.visit_borrowed_str(name),
                None => Err(E::custom("strict: no stand-in")),
            },
            Shape::Sensitive(inner) => Phantom::new(inner()).deserialize_any(visitor),
            Shape::Optional(_) => visitor.visit_none(),
            Shape::Array(_) => visitor.visit_seq(Empty::<E>(PhantomData)),
            Shape::Map(_) => visitor.visit_map(Empty::<E>(PhantomData)),
            Shape::Object(_) | Shape::Any => Err(E::custom("strict: no stand-in")),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.shape {
            Shape::Optional(_) => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, E> {
        match variants.first() {
            Some(name) => strict::unit_variant(visitor, name),
            None => Err(E::custom("strict: no stand-in")),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, E> {
        visitor.visit_newtype_struct(self)
    }

    /// A struct has no stand-in (see above), and its visitor is not even called: through
    /// `deserialize_any`, serde's derive would compile every struct's `visit_map` and
    /// `visit_seq` once more, for [`Empty`], in every crate that parses.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, E> {
        Err(E::custom("strict: no stand-in"))
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

impl<'de, E: de::Error> SeqAccess<'de> for Empty<E> {
    type Error = E;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, _: T) -> Result<Option<T::Value>, E> {
        Ok(None)
    }
}

impl<'de, E: de::Error> MapAccess<'de> for Empty<E> {
    type Error = E;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, _: K) -> Result<Option<K::Value>, E> {
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, _: V) -> Result<V::Value, E> {
        Err(E::custom("strict: no value"))
    }
}
