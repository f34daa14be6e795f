//! JavaScript's spelling of the core's names: struct fields in camelCase at the boundary.
//!
//! The core's serde structs spell their fields in snake_case, which is what Rust, Python and
//! the JSON interchange files use. JavaScript users expect camelCase keys, so every plain
//! object that crosses the boundary goes through one of two adapters:
//!
//! - [`Camel`] wraps a serializer and renames each *struct field* (`type_ii` → `typeII`,
//!   `leakage_by_channel` → `leakageByChannel`); map keys and enum values (sector labels,
//!   channel names such as `"imports_rest_of_world"`) are data and pass unchanged;
//! - [`Snake`] wraps a deserializer and reads a struct's camelCase keys back into its fields,
//!   refusing a key the struct does not have (at every depth) and naming keys in errors as
//!   the JavaScript caller wrote them.
//!
//! The rule is serde's `rename_all = "camelCase"` with one exception, the Roman numeral of a
//! Type II effect: a word `ii` is written `II` (`type_ii_intra_regional` →
//! `typeIIIntraRegional`). One struct keeps its keys as they are: a dataset's raw files
//! ([`localecon::datasets::Sources`]) are keyed by their file names, which are data. The
//! JSON text of reports and tables is not touched: it stays the files' snake_case in every
//! language.

use std::cell::RefCell;
use std::collections::HashMap;

mod de;
mod place;
mod ser;

pub(crate) use de::Snake;
pub(crate) use place::read;
pub(crate) use ser::Camel;

/// The camelCase spelling of a snake_case field name (see the module's rule).
pub(crate) fn camel_string(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (k, word) in name.split('_').enumerate() {
        if k == 0 {
            out.push_str(word);
        } else if word == "ii" {
            out.push_str("II");
        } else {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        }
    }
    out
}

thread_local! {
    /// Field names are `&'static str` in serde and the set of them is fixed by the program,
    /// so each camelCase spelling is made once and kept.
    static NAMES: RefCell<HashMap<&'static str, &'static str>> = RefCell::new(HashMap::new());
}

/// Structs whose field names are data (file names) and pass unchanged.
const VERBATIM: &[&str] = &["Sources"];

/// [`camel_string`] of a serde field name, made once per name.
pub(crate) fn camel(name: &'static str) -> &'static str {
    if !name.contains('_') {
        return name;
    }
    NAMES.with(|names| {
        *names
            .borrow_mut()
            .entry(name)
            .or_insert_with(|| Box::leak(camel_string(name).into_boxed_str()))
    })
}

/// The snake_case field a camelCase key of an untyped object stands for (inverse of
/// [`camel_string`] for keys made by it; other keys pass unchanged). Used only where serde
/// reads an object before knowing its fields: internally tagged and untagged enums.
fn snake_string(key: &str) -> String {
    if !key.starts_with(|c: char| c.is_ascii_lowercase())
        || !key.chars().all(|c| c.is_ascii_alphanumeric())
    {
        return key.to_string();
    }
    let mut out = String::with_capacity(key.len() + 4);
    let chars: Vec<char> = key.chars().collect();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        if c == 'I'
            && chars.get(k + 1) == Some(&'I')
            && chars.get(k + 2).is_none_or(|n| n.is_ascii_uppercase())
        {
            out.push_str("_ii");
            k += 2;
            continue;
        }
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
        k += 1;
    }
    if camel_string(&out) == key {
        out
    } else {
        key.to_string()
    }
}
