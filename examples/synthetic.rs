//! Prints a generated procedure of N steps (default 5,000), valid and using every part of the
//! format, for measuring the wizard on a large procedure: `cargo run --release --example
//! synthetic -- 5000 > synthetic-5000.toml`.

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

fn main() {
    let steps = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(5000);
    print!("{}", synthetic::procedure_text(steps));
}
