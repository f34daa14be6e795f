//! Prints the regionalisation validation table of the book:
//! `cargo run -p localecon-conformance --example validate_regionalisation`.

fn main() {
    print!("{}", localecon_conformance::validation::markdown_table());
}
