//! What a screen reader hears beyond a widget's name: headings with their
//! level, tree items with their level, place and open state, decoration
//! left out, messages read out as they appear, and the window named after
//! the journal. egui gives each widget a node in the AccessKit tree; these
//! helpers fill in what its own widgets do not say.

use egui::accesskit::{Live, Node, Role};
use egui::{Context, Response};

fn with_node(response: &Response, write: impl FnOnce(&mut Node)) {
    response.ctx.accesskit_node_builder(response.id, write);
}

/// A title read as a heading of `level` (1 for a view's title). A label's
/// text is its value; a heading is read by its name, so the text moves there.
pub fn heading(response: &Response, level: usize) {
    with_node(response, |node| {
        node.set_role(Role::Heading);
        node.set_level(level);
        if node.label().is_none()
            && let Some(text) = node.value().map(str::to_owned)
        {
            node.set_label(text);
            node.clear_value();
        }
    });
}

/// Where an item of a tree sits: its level (1 at the top), its place
/// among its siblings (from 1) and how many they are, whether it is open
/// (None: it has no children), and what to say after its name.
pub struct TreePlace<'a> {
    pub level: usize,
    pub position: usize,
    pub of: usize,
    pub expanded: Option<bool>,
    pub description: Option<&'a str>,
    /// The item whose view is shown: read as selected (not as a pressed
    /// toggle, which is what a selectable button says by itself).
    pub selected: bool,
}

/// An item of a tree (the books and chapters of the side panel).
pub fn tree_item(response: &Response, place: TreePlace) {
    with_node(response, |node| {
        node.set_role(Role::TreeItem);
        node.set_level(place.level);
        // 0 of 0: the place is not known (the days of a month drawn by rows).
        if place.of > 0 {
            node.set_position_in_set(place.position);
            node.set_size_of_set(place.of);
        }
        if let Some(expanded) = place.expanded {
            node.set_expanded(expanded);
        }
        if let Some(description) = place.description {
            node.set_description(description);
        }
        node.clear_toggled();
        node.set_selected(place.selected);
    });
}

/// A link with what to say after its name (a chapter's status).
pub fn described(response: &Response, description: &str) {
    with_node(response, |node| node.set_description(description));
}

/// Decoration (a bullet drawn before an item) that a reader should skip.
pub fn decoration(response: &Response) {
    with_node(response, Node::set_hidden);
}

/// A message read out when it appears: politely, or at once for an error.
pub fn live(response: &Response, urgent: bool) {
    with_node(response, |node| {
        node.set_live(if urgent {
            Live::Assertive
        } else {
            Live::Polite
        });
    });
}

/// The window's node, named like its title bar (`NAME — studylog`).
pub fn name_window(ctx: &Context, title: &str) {
    ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| node.set_label(title));
}
