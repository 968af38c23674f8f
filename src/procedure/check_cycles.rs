//! Dependencies may not go round in a circle: the rule that needs a graph of the whole file.

use std::collections::{HashMap, HashSet, VecDeque};

use petgraph::algo::tarjan_scc;
use petgraph::graphmap::DiGraphMap;

use super::check::Checker;
use super::model::Order;
use super::{Diagnostic, Msg};
use crate::path;

impl Checker<'_> {
    /// Dependencies may not go round in a circle, counting both `requires` and the order that
    /// sequential sections and steps imply.
    pub(super) fn cycles(&mut self) {
        let file = self.file;
        let steps = file.steps.len();
        // Nodes: steps by index, then one "section done" node per section.
        let mut graph: DiGraphMap<usize, bool> = DiGraphMap::new();
        let mut explicit = Vec::new();
        for (index, step) in file.steps.iter().enumerate() {
            graph.add_node(index);
            for (i, required) in step.requires.iter().enumerate() {
                if let Some(&from) = self.steps.get(required.as_str())
                    && from != index
                {
                    graph.add_edge(from, index, true);
                    explicit.push((from, index, i));
                }
            }
        }
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); file.sections.len()];
        for (index, step) in file.steps.iter().enumerate() {
            if let Some(&section) = self.sections.get(step.section.as_str()) {
                members[section].push(index);
            }
        }
        for (section_index, section) in file.sections.iter().enumerate() {
            let done = steps + section_index;
            graph.add_node(done);
            let list = &members[section_index];
            for pair in list.windows(2) {
                if section.step_order == Order::Sequence {
                    graph.add_edge(pair[0], pair[1], false);
                }
            }
            for &step in list {
                graph.add_edge(step, done, false);
            }
            if file.procedure.section_order == Order::Sequence && section_index > 0 {
                for &step in list {
                    graph.add_edge(done - 1, step, false);
                }
            }
        }
        for component in tarjan_scc(&graph) {
            if component.len() < 2 {
                continue;
            }
            let inside: HashSet<usize> = component.iter().copied().collect();
            let Some(&(from, to, requires_index)) = explicit
                .iter()
                .find(|(from, to, _)| inside.contains(from) && inside.contains(to))
            else {
                continue;
            };
            let path_back = shortest_path(&graph, to, from, &inside);
            let mut names = vec![file.steps[from].id.as_str()];
            names.extend(
                path_back
                    .iter()
                    .filter(|&&node| node < steps)
                    .map(|&node| file.steps[node].id.as_str()),
            );
            let cycle = names.join(" → ");
            self.push(
                Diagnostic::error("dependency-cycle")
                    .arg("cycle", cycle)
                    .at(path!["step", to, "requires", requires_index])
                    .help(Msg::new("help-dependency-cycle")),
            );
        }
    }
}

/// The nodes on a shortest path from `start` to `goal` (both included) within `inside`.
fn shortest_path(
    graph: &DiGraphMap<usize, bool>,
    start: usize,
    goal: usize,
    inside: &HashSet<usize>,
) -> Vec<usize> {
    let mut previous: HashMap<usize, usize> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    let mut seen = HashSet::from([start]);
    while let Some(node) = queue.pop_front() {
        if node == goal {
            break;
        }
        for next in graph.neighbors(node) {
            if inside.contains(&next) && seen.insert(next) {
                previous.insert(next, node);
                queue.push_back(next);
            }
        }
    }
    let mut path = vec![goal];
    let mut node = goal;
    while let Some(&before) = previous.get(&node) {
        path.push(before);
        node = before;
    }
    path.reverse();
    path
}
