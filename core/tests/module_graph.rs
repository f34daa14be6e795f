//! The core's modules import each other in one direction only: a module built on another
//! (the model on the table, the report on the satellite) may name it, never the reverse.
//! Reads every source file of `src/`, takes each `crate::<module>` named in code (not in
//! comments, not in test modules) as an edge from the file's top-level module, and fails on
//! the first cycle with its path and the lines that close it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Graph = BTreeMap<String, BTreeMap<String, Vec<String>>>;

fn collect(dir: &Path, src: &Path, graph: &mut Graph) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, src, graph);
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".rs") || name == "tests.rs" {
            continue;
        }
        let relative = path
            .strip_prefix(src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let module = relative
            .split('/')
            .next()
            .unwrap()
            .trim_end_matches(".rs")
            .to_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        // the unit tests at the end of a file may use anything
        let code = text.split("#[cfg(test)]").next().unwrap();
        for (number, line) in code.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            let mut rest = line;
            while let Some(at) = rest.find("crate::") {
                rest = &rest[at + "crate::".len()..];
                let target: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                    .collect();
                if !target.is_empty() && target != module {
                    graph
                        .entry(module.clone())
                        .or_default()
                        .entry(target)
                        .or_default()
                        .push(format!("{relative}:{}: {}", number + 1, line.trim()));
                }
            }
        }
    }
}

/// A cycle through `start`, as the list of modules, if there is one.
fn cycle_from(graph: &Graph, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_owned(), vec![start.to_owned()])];
    let mut seen = BTreeSet::new();
    while let Some((node, path)) = stack.pop() {
        for next in graph.get(&node).into_iter().flat_map(BTreeMap::keys) {
            if next == start {
                let mut path = path.clone();
                path.push(next.clone());
                return Some(path);
            }
            if seen.insert(next.clone()) {
                let mut path = path.clone();
                path.push(next.clone());
                stack.push((next.clone(), path));
            }
        }
    }
    None
}

#[test]
fn the_core_module_graph_has_no_cycles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph = Graph::new();
    collect(&src, &src, &mut graph);
    // the graph was read: the model is built on the table
    assert!(graph["model"].contains_key("table"), "{graph:?}");
    for module in graph.keys() {
        if let Some(cycle) = cycle_from(&graph, module) {
            let lines: Vec<&String> = cycle
                .windows(2)
                .flat_map(|w| graph[&w[0]][&w[1]].iter().take(2))
                .collect();
            panic!(
                "modules import each other in a circle: {}\n{}",
                cycle.join(" -> "),
                lines
                    .iter()
                    .map(|l| format!("  {l}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }
}

#[test]
fn a_cycle_is_found_where_there_is_one() {
    let mut graph = Graph::new();
    for (from, to) in [("table", "model"), ("model", "linalg"), ("model", "table")] {
        graph
            .entry(from.into())
            .or_default()
            .insert(to.into(), vec![format!("{from}.rs:1: use crate::{to};")]);
    }
    assert_eq!(
        cycle_from(&graph, "table"),
        Some(vec!["table".into(), "model".into(), "table".into()])
    );
    assert_eq!(cycle_from(&graph, "linalg"), None);
}
