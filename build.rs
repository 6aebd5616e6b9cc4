//! Embeds every bundled paragraph and scenario file, so the binary is
//! self-contained and new data files need no code change.

use std::fmt::Write as _;
use std::path::Path;

fn embed(folder: &str, out_name: &str) {
    println!("cargo:rerun-if-changed={folder}");
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&root).join(folder);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".ron"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = String::from("&[\n");
    for name in &names {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.to_string_lossy()
        );
    }
    code.push(']');
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(out_name);
    std::fs::write(out, code).expect("write embedded file list");
}

fn main() {
    embed("templates/paragraphs", "paragraph_files.rs");
    embed("assets/scenarios", "scenario_files.rs");
}
