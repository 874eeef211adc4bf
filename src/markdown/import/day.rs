//! One day of a log: the text before its first section, then its sections
//! in the order written.
//!
//! The sections are the headings at the highest level below the day (`##`
//! under a `#` day, or `###` where the log skips a level); deeper headings
//! belong to the sections' text. A heading at or above the day's level
//! that is no date (`# 2025年11月` in a monthly file) is a section of its
//! own, kept as written. Sections are recognised by meaning; each kind is
//! read by its own module, and 学んだこと first, since its chapter headings
//! name the chapters that 取り組んだこと refers to by number.

use chrono::NaiveDate;

use super::super::escape::{Rules, unescape_lines};
use super::super::lines::{Heading, code_lines, front_matter_len, headings, trim_blank};
use super::super::places;
use super::super::sections::classify_heading;
use super::days::RawDay;
use super::{ImportReport, Style};
use crate::model::{Day, DayHeading, DaySection, Journal, Section, SectionBody, Spacing};

/// What reading one day needs.
pub struct Cx<'a> {
    pub journal: &'a mut Journal,
    pub date: NaiveDate,
    heading: DayHeading,
    body: std::ops::Range<usize>,
    pub day_level: u8,
    /// The level of the day's sections (headings at it or above end a text).
    pub section_level: u8,
    pub style: &'a mut Style,
    pub report: &'a mut ImportReport,
}

/// A section's heading and the lines under it.
pub struct RawSection<'a> {
    pub heading: &'a str,
    pub level: u8,
    pub kind: Option<Section>,
    pub lines: &'a [&'a str],
}

impl<'a> Cx<'a> {
    pub fn new(
        journal: &'a mut Journal,
        raw: &RawDay,
        day_level: u8,
        style: &'a mut Style,
        report: &'a mut ImportReport,
    ) -> Self {
        Cx {
            journal,
            date: raw.date,
            heading: raw.heading.clone(),
            body: raw.body.clone(),
            day_level,
            section_level: day_level + 1,
            style,
            report,
        }
    }

    /// The day, read from its lines of `lines`.
    pub fn parse(&mut self, lines: &[&str]) -> Day {
        let body = &lines[self.body.clone()];
        let mut code = code_lines(body);
        // A daily note's front matter is no Markdown: its `## comments`
        // are no sections.
        let front = self.starts_the_file().then(|| front_matter_len(body));
        code[..front.unwrap_or(0)]
            .iter_mut()
            .for_each(|c| *c = true);
        let (preamble, raw) = self.split(body, &code);
        let rules = Rules {
            front_matter: front.is_some(),
            ..places::plain(self.levels())
        };
        let preamble = unescape_lines(trim_blank(preamble), &rules);
        let sections = self.sections(&raw);
        Day {
            heading: self.day_heading(),
            preamble,
            sections,
            spacing: self.spacing(body, &code),
        }
    }

    /// Whether the day is the whole file, from its first line (a daily note
    /// without a date heading).
    fn starts_the_file(&self) -> bool {
        self.heading.level == 0 && self.body.start == 0
    }

    /// The day's levels as its log wrote it.
    pub fn levels(&self) -> places::Levels {
        places::Levels {
            day: self.day_level,
            section: self.section_level,
        }
    }

    /// Whether the log wrote its headings with no blank line after them
    /// (most of them, where it mixes both).
    fn spacing(&self, body: &[&str], code: &[bool]) -> Spacing {
        let (mut tight, mut loose) = (0, 0);
        for (i, _) in headings(body, code) {
            match body.get(i + 1).map(|next| next.trim().is_empty()) {
                Some(true) => loose += 1,
                Some(false) => tight += 1,
                None => {}
            }
        }
        Spacing {
            tight_date: self.heading.level > 0
                && body.first().is_some_and(|first| !first.trim().is_empty()),
            tight_headings: tight > loose,
            ..Spacing::default()
        }
    }

    /// The heading to keep: None when the template would write the same.
    fn day_heading(&self) -> Option<DayHeading> {
        let template = &self.journal.template.date_format;
        let plain = self.heading.level == 1
            && self.heading.indent == 0
            && super::super::date::format_date(self.date, template) == self.heading.text;
        (!plain).then(|| self.heading.clone())
    }

    /// The lines before the first section, and the sections.
    fn split<'b>(
        &mut self,
        body: &'b [&'b str],
        code: &[bool],
    ) -> (&'b [&'b str], Vec<RawSection<'b>>) {
        let found = headings(body, code);
        if let Some(level) = section_level(&found, self.day_level) {
            self.section_level = level;
        }
        let starts: Vec<_> = found
            .into_iter()
            .filter(|(_, h)| h.level <= self.section_level)
            .collect();
        let first = starts.first().map_or(body.len(), |(i, _)| *i);
        let sections = starts
            .iter()
            .enumerate()
            .map(|(n, &(start, heading))| {
                let end = starts.get(n + 1).map_or(body.len(), |(i, _)| *i);
                let kind = (heading.level == self.section_level)
                    .then(|| classify_heading(heading.text))
                    .flatten();
                RawSection {
                    heading: heading.text,
                    level: heading.level,
                    kind,
                    lines: &body[start + 1..end],
                }
            })
            .collect();
        (&body[..first], sections)
    }

    /// Each section read by its kind, kept in the order written.
    fn sections(&mut self, raw: &[RawSection]) -> Vec<DaySection> {
        let book_names = super::items::worked_on_names(raw);
        let mut read: Vec<Option<DaySection>> = raw.iter().map(|_| None).collect();
        let order = (0..raw.len()).filter(|&i| raw[i].kind == Some(Section::Learned));
        let rest = (0..raw.len()).filter(|&i| raw[i].kind != Some(Section::Learned));
        for i in order.chain(rest) {
            let body = self.body_of(&raw[i], &book_names);
            if let Some(kind) = raw[i].kind {
                self.style.met_heading(kind, raw[i].heading);
                *self.report.recognised.entry(kind).or_default() += 1;
            } else {
                self.report.kept_as_written += 1;
            }
            read[i] = Some(DaySection {
                heading: raw[i].heading.to_owned(),
                level: raw[i].level,
                body,
            });
        }
        read.into_iter().flatten().collect()
    }

    fn body_of(&mut self, raw: &RawSection, book_names: &[String]) -> SectionBody {
        let lines = trim_blank(raw.lines);
        match raw.kind {
            Some(Section::WorkedOn) => SectionBody::WorkedOn(super::items::worked_on(self, lines)),
            Some(Section::Learned) => {
                SectionBody::Learned(super::learned::learned(self, lines, raw.level, book_names))
            }
            Some(Section::Questions) => {
                SectionBody::Questions(super::items::questions(self, lines))
            }
            Some(Section::Next) => SectionBody::Next(super::items::next(self, lines)),
            Some(Section::Impressions) => {
                SectionBody::Impressions(super::free::free_text(self, lines, raw.level))
            }
            None => SectionBody::Other(super::free::free_text(self, lines, raw.level)),
        }
    }
}

/// The level of a day's sections: the first level below the day where a
/// heading names a section (`## 今日やったこと` under a `# 日報` title),
/// passing over a level whose only heading is the day's first one (a
/// title) when a deeper level names sections; else the first level with
/// headings.
fn section_level(found: &[(usize, Heading)], day_level: u8) -> Option<u8> {
    let below: Vec<&Heading> = found
        .iter()
        .map(|(_, h)| h)
        .filter(|h| h.level > day_level)
        .collect();
    let first = below.first()?.level;
    // Per level (1–6): how many headings, and whether one names a section.
    let mut count = [0usize; 7];
    let mut names = [false; 7];
    for h in &below {
        let level = usize::from(h.level);
        count[level] += 1;
        // Only the levels not yet known to name a section need a look.
        if !names[level] {
            names[level] = classify_heading(h.text).is_some();
        }
    }
    let named: Vec<u8> = (1..=6u8).filter(|&l| names[usize::from(l)]).collect();
    let is_title = |level: u8| count[usize::from(level)] == 1 && first == level;
    match named.as_slice() {
        [] => below.iter().map(|h| h.level).min(),
        [only] => Some(*only),
        [shallow, deeper, ..] if is_title(*shallow) => Some(*deeper),
        [shallow, ..] => Some(*shallow),
    }
}

/// A date met twice in one log: the second day's heading stays where it was,
/// as a section of the first day, and what it held follows.
pub fn append(into: &mut Day, day: Day, raw: &RawDay) {
    let heading = DaySection {
        heading: raw.heading.text.clone(),
        level: raw.heading.level.max(1),
        body: SectionBody::Other(crate::model::FreeText::new(day.preamble)),
    };
    into.sections.push(heading);
    into.sections.extend(day.sections);
}
