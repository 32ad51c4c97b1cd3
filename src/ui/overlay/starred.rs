//! The starred list overlay (`S`).

use super::Row;
use crate::app::App;
use crate::i18n::t;
use crate::typeset::display_text;
use crate::ui::text::Pen;

/// The title and rows of the starred list, from the reading state alone:
/// paper and date come from the library's header scan, the headline from
/// the state. With one paper, its name goes in the title and each row
/// keeps its room for the headline.
pub(super) fn rows(app: &App, pen: &Pen) -> (String, Vec<Row>) {
    let infos: Vec<_> = app
        .overlay
        .starred
        .iter()
        .map(|s| {
            let mut info = app.issue_info(s.issue);
            info.paper = display_text(&info.paper, app.options()).into_owned();
            info
        })
        .collect();
    let one_paper = infos.windows(2).all(|w| w[0].paper == w[1].paper);
    let title = match infos.first() {
        Some(info) if one_paper => t!("overlay.starred_in", paper = info.paper),
        _ => t!("overlay.starred"),
    };
    let mut rows: Vec<Row> = (app.overlay.starred.iter().zip(&infos))
        .map(|(item, info)| Row {
            key: info.date.map(crate::i18n::date).unwrap_or_default(),
            text: {
                let headline = display_text(&item.headline, app.options());
                match one_paper {
                    true => headline.into_owned(),
                    false => format!("{} · {headline}", info.paper),
                }
            },
            style: pen.theme.overlay,
        })
        .collect();
    if rows.is_empty() {
        let text = match app.overlay.starred_elsewhere {
            0 => t!("overlay.no_starred"),
            _ => t!("overlay.no_starred_open"),
        };
        rows.push(Row::text(text, pen.theme.second_line));
    }
    if app.overlay.starred_elsewhere > 0 {
        let n = app.overlay.starred_elsewhere;
        let text = match n {
            1 => t!("overlay.starred_elsewhere_one"),
            _ => t!("overlay.starred_elsewhere", n = n),
        };
        rows.push(Row::text(text, pen.theme.second_line));
    }
    (title, rows)
}
