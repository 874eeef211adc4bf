//! `listed_enum!`: declares an enum together with `ALL`, the list of its
//! variants in declaration order. A list kept by hand compiles when a new
//! variant is left out of it (and the variant is then silently never drawn,
//! exported or bound to a key); a derived list cannot miss one.

/// Declares a field-less enum and `impl Enum { pub const ALL: &[Enum] }`.
macro_rules! listed_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident, )*
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$variant_meta])* $variant, )*
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )* ];
        }
    };
}

pub(crate) use listed_enum;
