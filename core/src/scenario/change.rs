//! Reading a [`Change`] field by field, so that a value refused inside a change is named by
//! its own place (`changes[0].amount`), as everywhere else.
//!
//! serde's derive reads an internally tagged enum (`{"type": "spending", …}`) by buffering
//! the whole object before it knows which fields belong to it, and a reader tracking the
//! place (serde_path_to_error, the JavaScript binding's) sees only the change. Here each key
//! is read straight into its slot (every field of every kind has one type), and the kind,
//! wherever its key stands, decides afterwards which fields it needs and which it refuses,
//! with serde's own words: ``missing field `amount` ``, ``unknown field `buyer`, expected
//! one of …`` (the kind's fields; every kind's for a key that no kind has).

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::Change;
use crate::table::PrimaryInputKind;

/// The kinds of change, as `type` spells them.
#[derive(Clone, Copy, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Demand,
    Spending,
    ImportSubstitution,
    Retention,
}

impl Kind {
    /// The fields of a change of this kind besides `type`.
    fn fields(self) -> &'static [&'static str] {
        match self {
            Kind::Demand => &["sector", "amount"],
            Kind::Spending => &["label", "amount", "local_share", "pattern"],
            Kind::ImportSubstitution => &["buyer", "product", "share", "amount"],
            Kind::Retention => &["input", "share"],
        }
    }
}

/// Every field of every kind: what a reader that checks keys itself (JavaScript's) is told,
/// and the list a key that no kind has is refused with.
const FIELDS: &[&str] = &[
    "type",
    "sector",
    "amount",
    "label",
    "local_share",
    "pattern",
    "buyer",
    "product",
    "share",
    "input",
];

/// The fields read so far: each key goes to its slot, the kind decides at the end.
#[derive(Default)]
struct Given {
    kind: Option<Kind>,
    sector: Option<String>,
    amount: Option<f64>,
    label: Option<String>,
    local_share: Option<f64>,
    pattern: Option<String>,
    buyer: Option<String>,
    product: Option<String>,
    share: Option<f64>,
    input: Option<PrimaryInputKind>,
    /// The keys given, in order (to refuse those the kind does not have).
    keys: Vec<&'static str>,
    /// The first key that is no field of any kind.
    unknown: Option<String>,
}

/// Reads one value into its slot; a key given twice is serde's `duplicate field`.
fn slot<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    keys: &mut Vec<&'static str>,
    key: &'static str,
) -> Result<(), A::Error> {
    if keys.contains(&key) {
        return Err(de::Error::duplicate_field(key));
    }
    keys.push(key);
    // `null` stands for a field not given (as `Option`'s default did for `share`)
    *slot = map.next_value::<Option<T>>()?;
    Ok(())
}

fn required<T, E: de::Error>(value: Option<T>, field: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(field))
}

impl Given {
    fn change<E: de::Error>(self) -> Result<Change, E> {
        // a key no kind has is refused with every field listed, as a reader that checks keys
        // itself (JavaScript's) refuses it before the kind is known
        if let Some(key) = &self.unknown {
            return Err(E::unknown_field(key, FIELDS));
        }
        let kind = required(self.kind, "type")?;
        let fields = kind.fields();
        if let Some(key) = self
            .keys
            .iter()
            .find(|k| **k != "type" && !fields.contains(k))
        {
            return Err(E::unknown_field(key, fields));
        }
        Ok(match kind {
            Kind::Demand => Change::Demand {
                sector: required(self.sector, "sector")?,
                amount: required(self.amount, "amount")?,
            },
            Kind::Spending => Change::Spending {
                label: required(self.label, "label")?,
                amount: required(self.amount, "amount")?,
                local_share: required(self.local_share, "local_share")?,
                pattern: required(self.pattern, "pattern")?,
            },
            Kind::ImportSubstitution => Change::ImportSubstitution {
                buyer: required(self.buyer, "buyer")?,
                product: required(self.product, "product")?,
                share: self.share,
                amount: self.amount,
            },
            Kind::Retention => Change::Retention {
                input: required(self.input, "input")?,
                share: required(self.share, "share")?,
            },
        })
    }
}

struct ChangeVisitor;

impl<'de> Visitor<'de> for ChangeVisitor {
    type Value = Change;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a change: an object with its `type` and fields")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Change, A::Error> {
        let mut g = Given::default();
        while let Some(key) = map.next_key::<String>()? {
            let k = &mut g.keys;
            match key.as_str() {
                "type" => slot(&mut map, &mut g.kind, k, "type")?,
                "sector" => slot(&mut map, &mut g.sector, k, "sector")?,
                "amount" => slot(&mut map, &mut g.amount, k, "amount")?,
                "label" => slot(&mut map, &mut g.label, k, "label")?,
                "local_share" => slot(&mut map, &mut g.local_share, k, "local_share")?,
                "pattern" => slot(&mut map, &mut g.pattern, k, "pattern")?,
                "buyer" => slot(&mut map, &mut g.buyer, k, "buyer")?,
                "product" => slot(&mut map, &mut g.product, k, "product")?,
                "share" => slot(&mut map, &mut g.share, k, "share")?,
                "input" => slot(&mut map, &mut g.input, k, "input")?,
                _ => {
                    g.unknown.get_or_insert(key);
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        g.change()
    }
}

impl<'de> Deserialize<'de> for Change {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Change, D::Error> {
        deserializer.deserialize_struct("Change", FIELDS, ChangeVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Change, Scenario};
    use crate::table::PrimaryInputKind;

    fn read(changes: &str) -> crate::Result<Scenario> {
        crate::input_from_json(
            &format!(r#"{{"name": "s", "changes": [{changes}]}}"#),
            "scenario",
        )
    }

    /// The message of a refused scenario, without the line and column every message read
    /// from JSON text ends with.
    fn refused(changes: &str) -> String {
        let e = read(changes).expect_err("refused").to_string();
        let Some((message, position)) = e.rsplit_once(" at line 1 column ") else {
            panic!("no position: {e}")
        };
        assert!(position.parse::<usize>().is_ok(), "{e}");
        message.to_string()
    }

    #[test]
    fn every_kind_reads_back_what_it_writes_whatever_the_order_of_its_keys() {
        let changes = vec![
            Change::Demand {
                sector: "s1".into(),
                amount: -5.0,
            },
            Change::Spending {
                label: "council".into(),
                amount: 10.0,
                local_share: 0.5,
                pattern: "G".into(),
            },
            Change::ImportSubstitution {
                buyer: "s1".into(),
                product: "s2".into(),
                share: Some(0.1),
                amount: None,
            },
            Change::Retention {
                input: PrimaryInputKind::OperatingSurplus,
                share: 0.4,
            },
        ];
        let s = Scenario {
            name: "all".into(),
            changes,
        };
        let text = serde_json::to_string(&s).unwrap();
        assert_eq!(
            crate::input_from_json::<Scenario>(&text, "scenario").unwrap(),
            s
        );
        // `type` last, a `null` for a field not given
        let late = r#"{"buyer": "s1", "product": "s2", "amount": 3.0, "share": null, "type": "import_substitution"}"#;
        let want = Change::ImportSubstitution {
            buyer: "s1".into(),
            product: "s2".into(),
            share: None,
            amount: Some(3.0),
        };
        assert_eq!(read(late).unwrap().changes, [want]);
    }

    #[test]
    fn a_value_refused_inside_a_change_is_named_by_its_own_place() {
        let spending = r#"{"type": "spending", "label": "x", "local_share": 0.5, "pattern": "G""#;
        assert_eq!(
            refused(&format!(
                r#"{{"type": "demand", "sector": "s1", "amount": 1}}, {spending}, "amount": "forty"}}"#
            )),
            r#"invalid scenario: changes[1].amount: invalid type: string "forty", expected f64"#
        );
        assert_eq!(
            refused(&format!("{spending}}}")),
            "invalid scenario: changes[0]: missing field `amount`"
        );
        assert_eq!(
            refused(&format!(r#"{spending}, "amount": 1, "buyer": "s1"}}"#)),
            "invalid scenario: changes[0]: unknown field `buyer`, expected one of `label`, `amount`, `local_share`, `pattern`"
        );
        assert_eq!(
            refused(
                r#"{"type": "retention", "input": "operating_surplus", "share": 0.5, "sector": "s1"}"#
            ),
            "invalid scenario: changes[0]: unknown field `sector`, expected `input` or `share`"
        );
        assert_eq!(
            refused(r#"{"type": "demand", "sector": "s1", "amount": 1, "foo": 2}"#),
            "invalid scenario: changes[0]: unknown field `foo`, expected one of `type`, `sector`, `amount`, `label`, `local_share`, `pattern`, `buyer`, `product`, `share`, `input`"
        );
        assert_eq!(
            refused(r#"{"sector": "s1", "amount": 1}"#),
            "invalid scenario: changes[0]: missing field `type`"
        );
        let e = refused(r#"{"type": "spendin", "label": "x"}"#);
        assert!(e.starts_with("invalid scenario: changes[0].type: unknown variant `spendin`, expected one of `demand`, `spending`"), "{e}");
        assert_eq!(
            refused(r#"{"type": "demand", "sector": "s1", "amount": 1, "amount": 2}"#),
            "invalid scenario: changes[0]: duplicate field `amount`"
        );
        // a wrong spelling of an option is the typed error, as anywhere else
        let e = read(r#"{"type": "retention", "input": "wages", "share": 0.5}"#).unwrap_err();
        assert_eq!(e.code(), "unknown_option", "{e}");
    }
}
