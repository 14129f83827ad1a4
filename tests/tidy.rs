//! Keeps the architecture honest: only the binding modules may name wasm types or crates.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

const WASM_NAMES: [&str; 6] = [
    "wasm_bindgen",
    "js_sys",
    "web_sys",
    "serde_wasm_bindgen",
    "JsValue",
    "JsError",
];
/// The binding layer: the JavaScript API and, under it, the DOM highlighting.
const BINDINGS: &str = "src/wasm/";

#[test]
fn core_never_names_wasm_types() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut offenders = Vec::new();
    let mut stack = vec![root.join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if rel.starts_with(BINDINGS) || path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            for name in WASM_NAMES {
                if source.contains(name) {
                    offenders.push(format!("{rel} names {name}"));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "wasm types outside {BINDINGS}: {offenders:?}"
    );
}

#[test]
fn binding_modules_are_only_compiled_for_wasm() {
    let lib =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let declaration = "#[cfg(target_arch = \"wasm32\")]\npub mod wasm;";
    assert!(lib.contains(declaration), "src/lib.rs lacks {declaration}");
    // Every binding module sits under `src/wasm/`, so the declaration above covers them all.
    assert!(
        !lib.contains("mod annotate"),
        "annotate is declared under src/wasm/, not in lib.rs"
    );
}
