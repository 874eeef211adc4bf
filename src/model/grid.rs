//! Comparison grids: options (rows) weighed against criteria (columns).

use serde::{Deserialize, Serialize};

/// A comparison grid, e.g. four deployment patterns against cost, scalability,
/// reliability and ease of hiring.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Grid {
    /// The topic heading the grid sits under (may be empty).
    pub title: String,
    /// The top-left header cell, naming what the options are ("方式").
    pub corner: String,
    /// How the options' column is aligned in Markdown.
    #[serde(skip_serializing_if = "Align::is_none")]
    pub corner_align: Align,
    /// Row names.
    pub options: Vec<String>,
    /// Column headers.
    pub criteria: Vec<Criterion>,
    /// `cells[option][criterion]`; always `options.len()` rows of
    /// `criteria.len()` cells (checked on load by `validate`).
    pub cells: Vec<Vec<Cell>>,
    /// Whether the Markdown table gets a total column when cells have
    /// points (a table imported without one is written back without one).
    #[serde(skip_serializing_if = "is_true")]
    pub total_column: bool,
}

fn is_true(value: &bool) -> bool {
    *value
}

/// A column of a grid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub name: String,
    /// How much this criterion counts in an option's total.
    #[serde(default = "Criterion::default_weight")]
    pub weight: u32,
    /// How the column is aligned in Markdown.
    #[serde(default, skip_serializing_if = "Align::is_none")]
    pub align: Align,
}

/// A column's alignment in a Markdown table (`:---`, `:---:`, `---:`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Align {
    #[default]
    None,
    Left,
    Center,
    Right,
}

impl Align {
    pub fn is_none(&self) -> bool {
        *self == Align::None
    }
}

/// One cell: free text and an optional score.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Cell {
    pub text: String,
    pub score: Option<Score>,
}

/// A cell's rating.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Score {
    /// 1 (worst) to 5 (best).
    Points(u8),
    Mark(Mark),
}

crate::listed_enum::listed_enum! {
    /// The marks Japanese comparison tables use.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum Mark {
        /// ◎
        Excellent,
        /// ○
        Good,
        /// △
        Fair,
        /// ×
        Poor,
    }
}

impl Criterion {
    pub fn new(name: impl Into<String>) -> Self {
        Criterion {
            name: name.into(),
            weight: Self::default_weight(),
            align: Align::None,
        }
    }

    fn default_weight() -> u32 {
        1
    }
}

impl Default for Grid {
    fn default() -> Self {
        Grid::new(Vec::new(), Vec::new())
    }
}

impl Grid {
    /// A grid of empty cells with the given row and column names.
    pub fn new(options: Vec<String>, criteria: Vec<String>) -> Self {
        let cells = vec![vec![Cell::default(); criteria.len()]; options.len()];
        Grid {
            title: String::new(),
            corner: String::new(),
            corner_align: Align::None,
            options,
            criteria: criteria.into_iter().map(Criterion::new).collect(),
            cells,
            total_column: true,
        }
    }

    /// Whether `cells` has exactly one row per option and one cell per criterion.
    pub fn is_well_formed(&self) -> bool {
        self.cells.len() == self.options.len()
            && self
                .cells
                .iter()
                .all(|row| row.len() == self.criteria.len())
    }
}

impl Score {
    /// Scores outside 1..=5 cannot be shown or totalled.
    pub fn is_valid(self) -> bool {
        match self {
            Score::Points(p) => (1..=5).contains(&p),
            Score::Mark(_) => true,
        }
    }
}

impl Score {
    /// Points for totals: 1–5 as given; ◎ 5, ○ 4, △ 2, × 1.
    pub fn value(self) -> u32 {
        match self {
            Score::Points(p) => u32::from(p),
            Score::Mark(Mark::Excellent) => 5,
            Score::Mark(Mark::Good) => 4,
            Score::Mark(Mark::Fair) => 2,
            Score::Mark(Mark::Poor) => 1,
        }
    }
}

impl Grid {
    /// Whether any cell has a 1–5 score (marks alone do not make a total worth showing).
    pub fn has_points(&self) -> bool {
        self.cells
            .iter()
            .flatten()
            .any(|c| matches!(c.score, Some(Score::Points(_))))
    }

    /// Per option: the sum over criteria of weight × score value (unscored cells count 0).
    pub fn totals(&self) -> Vec<u32> {
        self.cells
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&self.criteria)
                    .map(|(cell, criterion)| criterion.weight * cell.score.map_or(0, Score::value))
                    .sum()
            })
            .collect()
    }
}

impl Mark {
    pub fn symbol(self) -> &'static str {
        match self {
            Mark::Excellent => "◎",
            Mark::Good => "○",
            Mark::Fair => "△",
            Mark::Poor => "×",
        }
    }
}
