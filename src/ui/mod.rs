//! Drawing `&App` into a ratatui frame.

use ratatui::Frame;

use crate::app::App;

/// Draw the whole screen. Borrows the app; mutates nothing.
pub fn render(app: &App, frame: &mut Frame) {
    let _ = (app, frame);
}
