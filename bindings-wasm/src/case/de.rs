//! Deserialisation: camelCase keys read into snake_case fields, unknown keys refused.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, Visitor};

use super::place::{InputError, Step, failed_at, relay, unknown};
use super::{VERBATIM, camel, snake_string};

/// How the keys of an object are read: as a struct's fields, as data, or unknown yet.
#[derive(Clone, Copy)]
enum Keys {
    /// a struct: each key must be the camelCase spelling of one of these fields (their own
    /// spelling when the flag is false: [`VERBATIM`])
    Fields(&'static [&'static str], bool),
    /// a map: keys are labels and pass unchanged
    Data,
    /// read before serde knows the type (tagged and untagged enums): camelCase keys are
    /// turned back into snake_case
    Untyped,
}

/// A deserializer that reads what `D` reads, with struct fields spelt in camelCase.
pub(crate) struct Snake<D>(pub(crate) D);

/// The visitor `V`, handed nested values through [`Snake`].
struct Relay<V> {
    visitor: V,
    keys: Keys,
}

fn relay_visitor<V>(visitor: V, keys: Keys) -> Relay<V> {
    Relay { visitor, keys }
}

macro_rules! deserialize_as {
    ($($method:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, InputError> {
            self.0.$method(relay_visitor(visitor, Keys::Untyped)).map_err(de::Error::custom)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Snake<D> {
    type Error = InputError;

    deserialize_as! {
        deserialize_any, deserialize_bool, deserialize_i8, deserialize_i16, deserialize_i32,
        deserialize_i64, deserialize_i128, deserialize_u8, deserialize_u16, deserialize_u32,
        deserialize_u64, deserialize_u128, deserialize_f32, deserialize_f64, deserialize_char,
        deserialize_str, deserialize_string, deserialize_bytes, deserialize_byte_buf,
        deserialize_option, deserialize_unit, deserialize_seq, deserialize_identifier,
        deserialize_ignored_any
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, InputError> {
        self.0
            .deserialize_map(relay_visitor(visitor, Keys::Data))
            .map_err(de::Error::custom)
    }
    /// Read as a map of all the object's keys (not only the fields), so that an unknown key
    /// is refused rather than ignored.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, InputError> {
        let rename = !VERBATIM.contains(&name);
        self.0
            .deserialize_map(relay_visitor(visitor, Keys::Fields(fields, rename)))
            .map_err(|e| {
                let e: InputError = de::Error::custom(e);
                // serde names a missing field through `missing_field`, which spells it for
                // JavaScript; a verbatim struct's fields keep their own spelling
                match fields
                    .iter()
                    .find(|f| e.0 == format!("missing field `{}`", camel(f)))
                {
                    Some(f) if !rename => InputError(format!("missing field `{f}`")),
                    _ => e,
                }
            })
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, InputError> {
        self.0
            .deserialize_unit_struct(name, relay_visitor(visitor, Keys::Untyped))
            .map_err(de::Error::custom)
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, InputError> {
        self.0
            .deserialize_newtype_struct(name, relay_visitor(visitor, Keys::Untyped))
            .map_err(de::Error::custom)
    }
    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, InputError> {
        self.0
            .deserialize_tuple(len, relay_visitor(visitor, Keys::Untyped))
            .map_err(de::Error::custom)
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, InputError> {
        self.0
            .deserialize_tuple_struct(name, len, relay_visitor(visitor, Keys::Untyped))
            .map_err(de::Error::custom)
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, InputError> {
        self.0
            .deserialize_enum(name, variants, relay_visitor(visitor, Keys::Untyped))
            .map_err(de::Error::custom)
    }
    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// A seed whose value is read through [`Snake`].
struct Nest<T>(T);

impl<'de, T: DeserializeSeed<'de>> DeserializeSeed<'de> for Nest<T> {
    type Value = T::Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T::Value, D::Error> {
        self.0.deserialize(Snake(d)).map_err(relay)
    }
}

macro_rules! visit_plain {
    ($($method:ident($ty:ty)),*) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
            self.visitor.$method(v).map_err(|e: InputError| relay(e))
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Relay<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }
    visit_plain! {
        visit_bool(bool), visit_i8(i8), visit_i16(i16), visit_i32(i32), visit_i64(i64),
        visit_i128(i128), visit_u8(u8), visit_u16(u16), visit_u32(u32), visit_u64(u64),
        visit_u128(u128), visit_f32(f32), visit_f64(f64), visit_char(char), visit_str(&str),
        visit_string(String), visit_bytes(&[u8]), visit_byte_buf(Vec<u8>)
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        self.visitor
            .visit_borrowed_str(v)
            .map_err(|e: InputError| relay(e))
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visitor.visit_none().map_err(|e: InputError| relay(e))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visitor.visit_unit().map_err(|e: InputError| relay(e))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.visitor.visit_some(Snake(d)).map_err(relay)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.visitor.visit_newtype_struct(Snake(d)).map_err(relay)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.visitor
            .visit_seq(Elements { seq, index: 0 })
            .map_err(relay)
    }
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let entries = Entries {
            map,
            keys: self.keys,
            key: None,
        };
        self.visitor.visit_map(entries).map_err(relay)
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.visitor.visit_enum(Variant(data)).map_err(relay)
    }
}

struct Elements<A> {
    seq: A,
    /// the position of the element read next
    index: usize,
}

impl<'de, A: de::SeqAccess<'de>> de::SeqAccess<'de> for Elements<A> {
    type Error = InputError;
    /// An error in an element adds its position to the place: `[3]`.
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, InputError> {
        let element = self.seq.next_element_seed(Nest(seed)).map_err(|e| {
            failed_at(Step::Index(self.index));
            de::Error::custom(e)
        });
        self.index += 1;
        element
    }
    fn size_hint(&self) -> Option<usize> {
        self.seq.size_hint()
    }
}

struct Entries<A> {
    map: A,
    keys: Keys,
    /// the key whose value is read next, as the caller spelt it (for error messages)
    key: Option<String>,
}

/// A key read as text and handed to the struct's field visitor in its Rust spelling.
struct Key<'a, T> {
    seed: T,
    keys: Keys,
    spelt: &'a mut Option<String>,
}

impl<'de, T: DeserializeSeed<'de>> DeserializeSeed<'de> for Key<'_, T> {
    type Value = T::Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T::Value, D::Error> {
        let key = match self.keys {
            Keys::Data => {
                // a label, kept for the place of an error in its value (`totals.energy`); an
                // object's keys are strings, read as the map's key type from the text
                let key = String::deserialize(d)?;
                *self.spelt = Some(key.clone());
                let key: de::value::StringDeserializer<InputError> = key.into_deserializer();
                return self.seed.deserialize(key).map_err(relay);
            }
            Keys::Untyped => {
                let key = String::deserialize(d)?;
                let field = snake_string(&key);
                *self.spelt = Some(key);
                field
            }
            Keys::Fields(fields, rename) => {
                let key = String::deserialize(d)?;
                *self.spelt = Some(key.clone());
                let spelt = |f: &&'static str| if rename { camel(f) } else { f };
                match fields.iter().find(|f| spelt(f) == key) {
                    Some(field) => (*field).to_string(),
                    None => return Err(relay(unknown(&key, fields.iter().map(spelt)))),
                }
            }
        };
        let field: de::value::StringDeserializer<InputError> = key.into_deserializer();
        self.seed.deserialize(field).map_err(relay)
    }
}

use serde::Deserialize as _;

impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for Entries<A> {
    type Error = InputError;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, InputError> {
        let keys = self.keys;
        let spelt = &mut self.key;
        self.map
            .next_key_seed(Key { seed, keys, spelt })
            .map_err(de::Error::custom)
    }
    /// An error in a value adds its key to the place: `tolerance`.
    fn next_value_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<T::Value, InputError> {
        self.map.next_value_seed(Nest(seed)).map_err(|e| {
            if let Some(key) = self.key.take() {
                failed_at(Step::Key(key));
            }
            de::Error::custom(e)
        })
    }
    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

struct Variant<A>(A);

impl<'de, A: de::EnumAccess<'de>> de::EnumAccess<'de> for Variant<A> {
    type Error = InputError;
    type Variant = Variant<A::Variant>;
    /// Variant names are values (`"spending"`, `"imports_rest_of_world"`): unchanged.
    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), InputError> {
        self.0
            .variant_seed(seed)
            .map(|(v, rest)| (v, Variant(rest)))
            .map_err(de::Error::custom)
    }
}

/// The payload of a struct variant, read as a map of all its keys.
struct StructPayload<V> {
    visitor: V,
    fields: &'static [&'static str],
}

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for StructPayload<V> {
    type Value = V::Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        d.deserialize_map(relay_visitor(self.visitor, Keys::Fields(self.fields, true)))
    }
}

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for Variant<A> {
    type Error = InputError;
    fn unit_variant(self) -> Result<(), InputError> {
        self.0.unit_variant().map_err(de::Error::custom)
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, InputError> {
        self.0
            .newtype_variant_seed(Nest(seed))
            .map_err(de::Error::custom)
    }
    fn tuple_variant<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, InputError> {
        self.0
            .tuple_variant(len, relay_visitor(visitor, Keys::Untyped))
            .map_err(de::Error::custom)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, InputError> {
        self.0
            .newtype_variant_seed(StructPayload { visitor, fields })
            .map_err(de::Error::custom)
    }
}
