//! Prints the comparison of localecon's Australian LGA tables with eiat's (the table of the
//! book's Australia section): `cargo run -p localecon-conformance --example compare_eiat`.

fn main() -> localecon::Result<()> {
    print!("{}", localecon_conformance::eiat::markdown_table()?);
    Ok(())
}
