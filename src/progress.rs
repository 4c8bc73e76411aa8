//! A progress line on the standard error while a batch is checked at a terminal: files done of
//! all, findings so far, and the rate. It is drawn at most ten times a second, erased before
//! anything else is printed, and never drawn into a pipe or a file.

use std::io::Write;
use std::time::{Duration, Instant};

use crate::diagnostic::Lang;

/// How often the line is redrawn at most.
const EVERY: Duration = Duration::from_millis(100);
/// The bar's width in cells.
const BAR: usize = 24;

pub struct Progress {
    total: usize,
    lang: Lang,
    start: Instant,
    drawn: Option<Instant>,
    visible: bool,
}

impl Progress {
    /// A progress line for `total` files, or none when it would not be seen or not wanted:
    /// one file, the standard error not a terminal, or `--quiet`.
    pub fn new(total: usize, lang: Lang, wanted: bool) -> Option<Progress> {
        use std::io::IsTerminal;
        (wanted && total > 1 && std::io::stderr().is_terminal()).then(|| Progress {
            total,
            lang,
            start: Instant::now(),
            drawn: None,
            visible: false,
        })
    }

    /// Redraw the line, unless it was drawn a moment ago.
    pub fn update(&mut self, done: usize, findings: usize) {
        let now = Instant::now();
        if self.drawn.is_some_and(|t| now - t < EVERY) {
            return;
        }
        self.drawn = Some(now);
        let text = line(done, self.total, findings, now - self.start, self.lang);
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{text}");
        let _ = err.flush();
        self.visible = true;
    }

    /// Erase the line, so that what is printed next starts on a clean line.
    pub fn clear(&mut self) {
        if self.visible {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
            self.visible = false;
            // Drawn again at the next update, however soon.
            self.drawn = None;
        }
    }
}

/// The progress line: `[████░░░░] 1234/6000 files · 56 findings · 320 files/s`.
pub fn line(done: usize, total: usize, findings: usize, elapsed: Duration, lang: Lang) -> String {
    let filled = (done.min(total) * BAR).checked_div(total).unwrap_or(BAR);
    let bar: String = "█".repeat(filled) + &"░".repeat(BAR - filled);
    let seconds = elapsed.as_secs_f64();
    // A rate only once there is something to measure it by.
    let rate = (seconds >= 0.2).then(|| (done as f64 / seconds).round() as u64);
    match lang {
        Lang::Zh => {
            let rate = rate.map_or(String::new(), |r| format!(" · 每秒 {r} 个"));
            format!("[{bar}] 已检查 {done}/{total} 个文件 · 发现 {findings} 条{rate}")
        }
        Lang::En => {
            let rate = rate.map_or(String::new(), |r| format!(" · {r} files/s"));
            format!("[{bar}] {done}/{total} files · {findings} findings{rate}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_shows_files_findings_and_rate() {
        let l = line(1500, 6000, 42, Duration::from_secs(5), Lang::En);
        assert_eq!(
            l,
            format!(
                "[{}{}] 1500/6000 files · 42 findings · 300 files/s",
                "█".repeat(6),
                "░".repeat(18)
            )
        );
        let l = line(6000, 6000, 0, Duration::from_millis(50), Lang::Zh);
        assert_eq!(
            l,
            format!("[{}] 已检查 6000/6000 个文件 · 发现 0 条", "█".repeat(24))
        );
    }

    #[test]
    fn not_drawn_for_one_file_or_when_not_wanted() {
        assert!(Progress::new(1, Lang::En, true).is_none());
        assert!(Progress::new(100, Lang::En, false).is_none());
    }
}
