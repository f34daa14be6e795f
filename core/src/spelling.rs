//! One spelling per option: a macro that gives an enum `as_str`, `Display`, `FromStr` and
//! serde with the same snake_case spellings, shared by both bindings.

/// Declares an enum whose variants each have one spelling.
macro_rules! spelled_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal {
            $( $(#[$vmeta:meta])* $variant:ident => $spelling:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every kind, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The one spelling of this kind (as in JSON, CSV, Python and JavaScript).
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $spelling),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::error::Error;
            fn from_str(s: &str) -> Result<Self, $crate::error::Error> {
                match s {
                    $($spelling => Ok($name::$variant),)+
                    other => Err($crate::error::Error::UnknownOption {
                        what: $what.to_string(),
                        value: other.to_string(),
                        expected: [$($spelling),+].join(", "),
                    }),
                }
            }
        }
    };
}
