//! A stand-in for a required property a document lacks, so that the strict reading goes on
//! past it: the document has a `required` finding there, and no reason to be read again.
//!
//! [`Phantom`] deserializes the smallest value of a [`Shape`]: `false`, `0` (or the bound of
//! the type nearest to it), `""`, the first variant, an empty list or map, a struct of
//! stand-ins for its own required properties. Nothing it makes is ever shown: the findings
//! `validate` tells about it are dropped. A type that takes none of these (its own
//! `Deserialize`, a value the shape leaves open) fails, and the document takes the slow
//! path, as it did before.

use std::marker::PhantomData;

use serde::de::value::{BorrowedStrDeserializer, MapDeserializer, SeqDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::forward_to_deserialize_any;

use crate::meta::{FieldMeta, Shape, StructMeta};

/// Stand-ins in stand-ins go no deeper than this: a type that requires itself has none.
const MAX_DEPTH: usize = 32;

/// The deserializer of the stand-in of a value of `shape`.
pub(crate) struct Phantom<E> {
    shape: &'static Shape,
    depth: usize,
    error: PhantomData<E>,
}

impl<E> Phantom<E> {
    pub(crate) fn new(shape: &'static Shape) -> Phantom<E> {
        Phantom::at(shape, 0)
    }

    fn at(shape: &'static Shape, depth: usize) -> Phantom<E> {
        Phantom {
            shape,
            depth,
            error: PhantomData,
        }
    }
}

/// The properties a struct of `meta` requires, in their order.
pub(crate) fn required(meta: &'static StructMeta) -> impl Iterator<Item = &'static FieldMeta> {
    meta.fields
        .iter()
        .filter(|field| field.required && !field.flatten)
}

impl<'de, E: de::Error> Deserializer<'de> for Phantom<E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        if self.depth == MAX_DEPTH {
            return Err(E::custom("strict: no stand-in"));
        }
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
            Shape::Sensitive(inner) => {
                Phantom::at(inner(), self.depth + 1).deserialize_any(visitor)
            }
            Shape::Optional(_) => visitor.visit_none(),
            Shape::Array(_) => visitor.visit_seq(SeqDeserializer::new(std::iter::empty::<u8>())),
            Shape::Map(_) => {
                visitor.visit_map(MapDeserializer::new(std::iter::empty::<(u8, u8)>()))
            }
            Shape::Object(meta) => visitor.visit_map(Object {
                fields: required(meta),
                value: None,
                depth: self.depth + 1,
                error: PhantomData::<E>,
            }),
            Shape::Any => Err(E::custom("strict: no stand-in")),
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
            Some(name) => visitor.visit_enum(BorrowedStrDeserializer::new(name)),
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

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// The object of a stand-in struct: its required properties, each a stand-in.
struct Object<I, E> {
    fields: I,
    value: Option<&'static Shape>,
    depth: usize,
    error: PhantomData<E>,
}

impl<'de, I: Iterator<Item = &'static FieldMeta>, E: de::Error> MapAccess<'de> for Object<I, E> {
    type Error = E;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, E> {
        let Some(field) = self.fields.next() else {
            return Ok(None);
        };
        self.value = Some((field.shape)());
        seed.deserialize(BorrowedStrDeserializer::new(field.name))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, E> {
        let shape = self
            .value
            .take()
            .ok_or_else(|| E::custom("strict: no key"))?;
        seed.deserialize(Phantom::at(shape, self.depth))
    }
}
