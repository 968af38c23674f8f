//! Dependencies may not go round in a circle: the rule that needs a graph of the whole file.

use std::collections::{HashMap, HashSet, VecDeque};

use petgraph::algo::{kosaraju_scc, toposort};
use petgraph::graph::{DiGraph, NodeIndex};

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
        // Nodes: steps by index, then one "section done" node per section; a node's index in
        // the graph is that number. Edges may repeat, which changes nothing below.
        let mut graph: DiGraph<(), ()> =
            DiGraph::with_capacity(steps + file.sections.len(), 3 * steps);
        for _ in 0..steps + file.sections.len() {
            graph.add_node(());
        }
        let edge = |graph: &mut DiGraph<(), ()>, from: usize, to: usize| {
            graph.add_edge(NodeIndex::new(from), NodeIndex::new(to), ());
        };
        let mut explicit = Vec::new();
        for (index, step) in file.steps.iter().enumerate() {
            for (i, required) in step.requires.iter().enumerate() {
                if let Some(&from) = self.steps.get(required.as_str())
                    && from != index
                {
                    edge(&mut graph, from, index);
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
            let list = &members[section_index];
            for pair in list.windows(2) {
                if section.step_order == Order::Sequence {
                    edge(&mut graph, pair[0], pair[1]);
                }
            }
            for &step in list {
                edge(&mut graph, step, done);
            }
            if file.procedure.section_order == Order::Sequence && section_index > 0 {
                for &step in list {
                    edge(&mut graph, done - 1, step);
                }
            }
        }
        // Both searches keep their own stack: a recursive one (petgraph's Tarjan) overflowed
        // the thread's stack on tens of thousands of steps in one sequential section. A file
        // without a circle, the usual case, is told by the ordering alone; only a file with
        // one is cut into its strongly connected components.
        if toposort(&graph, None).is_ok() {
            return;
        }
        for component in kosaraju_scc(&graph) {
            if component.len() < 2 {
                continue;
            }
            let inside: HashSet<usize> = component.iter().map(|node| node.index()).collect();
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
    graph: &DiGraph<(), ()>,
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
        // A graph lists a node's edges newest first; the search takes them in the order they
        // were added, so that of two shortest ways round, the one reported follows the file.
        let mut next_nodes: Vec<usize> = graph
            .neighbors(NodeIndex::new(node))
            .map(|n| n.index())
            .collect();
        next_nodes.reverse();
        for next in next_nodes {
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

#[cfg(test)]
mod tests {
    use crate::procedure::{Diagnostic, load};

    /// Steps one after another in a sequential section make a chain as long as the file: the
    /// search for circles must not need a stack frame per step (it ran out of stack, and the
    /// program aborted, on 50,000 steps).
    #[test]
    fn a_chain_of_a_hundred_thousand_steps_is_checked() {
        let text = "[procedure]\nformat = 1\nid = \"chain\"\ntitle = \"Цепочка\"\nversion = \"1\"\n\
                    source = \"Проверка\"\nsummary = \"Проверка\"\n\n[[section]]\nid = \"s\"\n\
                    title = \"Раздел\"\nstep_order = \"sequence\"\n\n[[step]]\nid = \"a0\"\n\
                    section = \"s\"\ntitle = \"Шаг\"\n";
        let procedure = load(text.as_bytes()).result.expect("a valid procedure");
        let mut file = procedure.file().clone();
        let step = file.steps[0].clone();
        file.steps = (0..100_000)
            .map(|i| {
                let mut step = step.clone();
                step.id = format!("a{i}");
                step
            })
            .collect();
        // The first step also requires the last: a circle round the whole chain.
        let mut circle = file.clone();
        circle.steps[0].requires.push("a99999".into());
        for (file, circles) in [(file, 0), (circle, 1)] {
            let mut found = Vec::new();
            super::super::check::check(&file, &mut found);
            let errors: Vec<&Diagnostic> = found.iter().filter(|d| d.is_error()).collect();
            assert_eq!(errors.len(), circles, "{errors:?}");
            assert!(errors.iter().all(|d| d.code == "dependency-cycle"));
        }
    }
}
