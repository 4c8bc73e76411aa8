//! The command line: `jxlint check`, `rules`, `explain`, `inspect` and `extract`.
//!
//! Exit codes follow ripgrep: 0 when no error-level finding, 1 when there is one, 2 when a
//! file could not be checked or the command line is wrong. A file that cannot be read does not
//! stop the others from being checked.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::catalog::catalog;
use crate::diagnostic::{Lang, Severity};
use crate::lint::{check_file_guarded, display_path, Checked, Options};
use crate::profile::{Profile, DEFAULT_PROFILE};
use crate::progress::Progress;
use crate::render::stream::{FileOutput, Mode, Printer};
use crate::render::{human::HumanRenderer, json, summary, Tally};

#[derive(Debug, Parser)]
#[command(
    name = "jxlint",
    version,
    about = "Check fiscal performance evaluation reports (绩效评价报告) and self-evaluation forms (绩效自评表) for internal consistency",
    after_help = "Exit status: 0 no errors found, 1 errors found, 2 a file could not be checked or bad usage."
)]
pub struct Cli {
    /// Language of messages: zh (中文, the default) or en; a configuration file's `lang` when
    /// not given.
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check report files or folders (.txt, .md, .docx, .xlsx, .xls, .ods, .pdf, .html).
    Check(CheckArgs),
    /// List every rule.
    Rules(RulesArgs),
    /// Explain a rule, with a wrong and a right example.
    Explain {
        /// A rule code, such as SUM001.
        code: String,
    },
    /// Show how a report was read and what was recognised in it.
    Inspect {
        /// A report file.
        file: PathBuf,
    },
    /// Show what was read from a file: the text view that findings' lines refer to, with
    /// tables as grids and their places in Word, Excel or the page; or the document as JSON.
    Extract {
        /// A report file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: ExtractFormat,
    },
    /// Show the settings in force for a file (or the current folder) and the configuration
    /// file each came from.
    Config {
        /// A report file or folder.
        path: Option<PathBuf>,
        #[command(flatten)]
        config: ConfigArgs,
    },
}

/// Where configuration comes from.
#[derive(Debug, Args, Default)]
pub struct ConfigArgs {
    /// Use this configuration file for every file, instead of the nearest jxlint.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Use no configuration file at all.
    #[arg(long)]
    pub isolated: bool,
}

impl ConfigArgs {
    fn source(&self) -> crate::config::Source {
        match (&self.config, self.isolated) {
            (_, true) => crate::config::Source::Isolated,
            (Some(file), false) => crate::config::Source::File(file.clone()),
            (None, false) => crate::config::Source::Discover,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders to check; folders are searched for .txt, .md, .markdown, .docx, .xlsx,
    /// .xlsm, .xls, .ods, .pdf, .html and .htm files.
    /// Defaults to the current folder.
    pub paths: Vec<PathBuf>,
    /// Output format: human (annotated findings), concise (`path:line:col: CODE message`),
    /// json (one array), jsonl (one object per line), csv (one row per finding, for
    /// spreadsheets), github (GitHub Actions annotations), gitlab (a Code Quality report), junit
    /// (JUnit XML), sarif (SARIF 2.1.0, for code scanning) or html (one page to read, with an
    /// overview; use with --output-file).
    #[arg(long, value_enum, default_value = "human")]
    pub format: OutputFormat,
    /// Write the output to this file instead of the standard output.
    #[arg(long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// Print how many findings each rule gave, instead of the findings (human, json, jsonl or
    /// csv).
    #[arg(long)]
    pub statistics: bool,
    /// Exit with 0 even when errors are found (2 still means a file could not be checked).
    #[arg(long)]
    pub exit_zero: bool,
    /// Record today's findings in FILE (a baseline) instead of printing them.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,
    /// Report only findings that the baseline FILE does not record; its entries whose findings
    /// are gone are listed.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// With --baseline: remove the entries whose findings are gone from the baseline file.
    #[arg(long, requires = "baseline")]
    pub prune_baseline: bool,
    /// Standard profile: a name from rules/profiles (national-2020, the default, shanghai,
    /// shanghai-minhang) or a path to a profile .toml file.
    #[arg(long)]
    pub standard: Option<String>,
    /// Report only these rules: codes or families (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub select: Option<Vec<String>>,
    /// Report these rules besides those selected.
    #[arg(long, value_delimiter = ',')]
    pub extend_select: Vec<String>,
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Also list the parts of each report that were not recognised, and how files were read.
    #[arg(short, long)]
    pub verbose: bool,
    /// Print one row per file (kind, stated total and grade, errors, warnings) instead of each
    /// finding (human, json, jsonl or csv).
    #[arg(long)]
    pub summary: bool,
    /// Do not print the closing count of findings.
    #[arg(short, long)]
    pub quiet: bool,
    /// When to use colour in human output.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// Number of files checked in parallel (default: one per core).
    #[arg(short = 'j', long)]
    pub jobs: Option<usize>,
    /// Rules not to report: codes or families, such as XREF003 or DATE (repeatable,
    /// comma-separated). A single place is silenced by writing `jxlint:ignore CODE` on its line.
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
}

pub use crate::render::stream::Format as OutputFormat;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: RulesFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Text,
    Json,
    /// The reference page, as in docs/rules.md.
    Markdown,
}

/// Parse the command line and run.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    crate::lint::quiet_panics();
    // The language of commands other than `check`: as given, else the configuration's (a
    // configuration file that cannot be read is `check`'s error to report, not theirs).
    let lang = || {
        crate::config::Finder::new(crate::config::Source::Discover)
            .lang(cli.lang)
            .unwrap_or(Lang::Zh)
    };
    match &cli.command {
        Command::Check(args) => check(args, cli.lang),
        Command::Rules(args) => rules(args, lang()),
        Command::Explain { code } => explain(code, lang()),
        Command::Inspect { file } => inspect(file, lang()),
        Command::Extract { file, format } => extract(file, *format, lang()),
        Command::Config { path, config } => show_config(path.as_deref(), config),
    }
}

/// `jxlint config`: the settings in force for a path and where each came from.
fn show_config(path: Option<&std::path::Path>, args: &ConfigArgs) -> ExitCode {
    let path = path.unwrap_or(std::path::Path::new("."));
    let mut finder = crate::config::Finder::new(args.source());
    let settings = match finder.for_path(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("jxlint: error: {e}");
            return ExitCode::from(2);
        }
    };
    let Some(settings) = settings else {
        println!("# no configuration file: the defaults are in force");
        println!("standard = \"{DEFAULT_PROFILE}\"");
        return ExitCode::SUCCESS;
    };
    let files: Vec<String> = settings
        .files
        .iter()
        .map(|f| crate::config::shown(f))
        .collect();
    println!("# configuration: {}", files.join(" (extends) "));
    let from = |file: &std::path::Path| format!("  # {}", crate::config::shown(file));
    let list = |v: &[String]| -> String {
        let quoted: Vec<String> = v.iter().map(|c| format!("\"{c}\"")).collect();
        format!("[{}]", quoted.join(", "))
    };
    match &settings.standard {
        Some(s) => println!("standard = \"{}\"{}", s.value, from(&s.file)),
        None => println!("standard = \"{DEFAULT_PROFILE}\"  # default"),
    }
    if let Some(l) = &settings.lang {
        let name = if l.value == Lang::Zh { "zh" } else { "en" };
        println!("lang = \"{name}\"{}", from(&l.file));
    }
    for (key, value) in [
        ("select", &settings.select),
        ("extend-select", &settings.extend_select),
        ("ignore", &settings.ignore),
    ] {
        if let Some(v) = value {
            println!("{key} = {}{}", list(&v.value), from(&v.file));
        }
    }
    for (key, value) in [
        ("include", &settings.include),
        ("exclude", &settings.exclude),
    ] {
        if let Some(v) = value {
            println!("{key} = {}{}", list(&v.value.globs), from(&v.file));
        }
    }
    if let Some(p) = &settings.per_file_ignores {
        println!("[per-file-ignores]{}", from(&p.file));
        for entry in &p.value {
            println!("\"{}\" = {}", entry.glob, list(&entry.codes));
        }
    }
    if let Some(levels) = &settings.severity {
        println!("[severity]{}", from(&levels.file));
        for (code, level) in &levels.value {
            let level = level.map_or("off", |l| l.as_str());
            println!("{code} = \"{level}\"");
        }
    }
    if !path.is_dir() {
        let ignored = settings.ignored_for(path);
        if !ignored.is_empty() {
            println!(
                "# not reported for {}: {}",
                display_path(path),
                ignored.join(", ")
            );
        }
    }
    ExitCode::SUCCESS
}

fn check(args: &CheckArgs, lang: Option<Lang>) -> ExitCode {
    if let Err(e) = check_arguments(args) {
        eprintln!("jxlint: error: {e}");
        return ExitCode::from(2);
    }
    let mut finder = crate::config::Finder::new(args.config.source());
    let lang = match finder.lang(lang) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("jxlint: error: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(jobs) = args.jobs {
        // Fails only if the pool was already built, in which case it is used as is.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global();
    }
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let crate::walk::Walk {
        mut files,
        errors: walk_errors,
        unsupported,
    } = crate::walk::walk(&paths);
    // An HTML or text report written into the folder being checked is jxlint's own output,
    // not a report to check (and is about to be replaced).
    if let Some(output) = args
        .output_file
        .as_deref()
        .and_then(|f| std::fs::canonicalize(f).ok())
    {
        files.retain(|f| std::fs::canonicalize(f).ok().as_ref() != Some(&output));
    }
    let mut trouble = false;
    for e in &walk_errors {
        let level = if e.fatal { "error" } else { "warning" };
        eprintln!("jxlint: {level}: {}: {}", display_path(&e.path), e.message);
        trouble |= e.fatal;
    }
    if !unsupported.is_empty() {
        let kinds: Vec<String> = unsupported
            .iter()
            .map(|(ext, n)| format!("{n} .{ext}"))
            .collect();
        eprintln!(
            "jxlint: note: skipped {} that jxlint cannot read ({})",
            kinds.join(", "),
            unsupported
                .iter()
                .filter_map(|(ext, _)| crate::read::UNREADABLE.iter().find(|(e, _)| e == ext))
                .map(|(_, what)| *what)
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    if files.is_empty() && walk_errors.iter().all(|e| !e.fatal) {
        let searched: Vec<String> = paths.iter().map(|p| display_path(p)).collect();
        eprintln!(
            "jxlint: warning: no reports to check in {} (jxlint reads .txt, .md, .docx, .xlsx, .xls, .ods, .pdf and .html)",
            searched.join(", ")
        );
    }

    let options = match file_options(args, &mut finder, &mut files, &paths) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("jxlint: error: {e}");
            return ExitCode::from(2);
        }
    };
    let baseline = match &args.baseline {
        Some(file) => match crate::baseline::Baseline::load(file) {
            Ok(b) => Some(b),
            Err(e) => {
                eprintln!("jxlint: error: {e}");
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let mode = if args.statistics {
        Mode::Statistics
    } else if args.summary {
        Mode::Summary
    } else {
        Mode::Findings
    };
    // Colour only for a person at a terminal, never into a file.
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output_file.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let out: Box<dyn Write> = match &args.output_file {
        Some(file) => match std::fs::File::create(file) {
            Ok(f) => Box::new(std::io::BufWriter::new(f)),
            Err(e) => {
                eprintln!(
                    "jxlint: error: cannot write the output to {}: {e}",
                    display_path(file)
                );
                return ExitCode::from(2);
            }
        },
        None => Box::new(Stdout::default()),
    };
    let mut printer = match Printer::new(out, args.format, mode, lang) {
        Ok(p) => p,
        Err(e) => return output_error(args, e),
    };
    let job = Job {
        args,
        mode,
        lang,
        renderer: HumanRenderer::new(color, lang, 100),
        baseline: baseline.map(std::sync::Mutex::new),
    };
    let jobs = rayon::current_num_threads();
    let mut progress = Progress::new(files.len(), lang, !args.quiet);
    let mut tally = Tally::default();
    let mut files_with_findings = 0;
    let mut recorded: Vec<crate::baseline::Key> = Vec::new();
    let mut checked_paths = std::collections::HashSet::new();
    let mut write_failed = None;
    crate::batch::ordered(
        files.len(),
        jobs,
        |i| job.check(files.get(i), options.of(i)),
        |done, outcome| {
            if let Some(p) = progress.as_mut() {
                p.clear();
            }
            for note in &outcome.notes {
                eprintln!("{note}");
            }
            if let Some(why) = &outcome.row.failed {
                eprintln!("jxlint: error: {}: {why}", outcome.row.path);
                trouble = true;
            }
            tally.add(outcome.row.tally);
            if outcome.row.tally.total() > 0 {
                files_with_findings += 1;
            }
            recorded.extend(outcome.recorded);
            if job.baseline.is_some() {
                checked_paths.insert(outcome.row.path.clone());
            }
            if write_failed.is_none() {
                let file = FileOutput {
                    row: outcome.row,
                    rendered: &outcome.rendered,
                    findings: &outcome.findings,
                };
                if let Err(e) = printer.file(file) {
                    write_failed = Some(e);
                }
            }
            if let Some(p) = progress.as_mut() {
                p.update(done + 1, tally.total());
            }
        },
    );
    if let Some(p) = progress.as_mut() {
        p.clear();
    }
    if let Err(e) = finish_baseline(args, job.baseline, &recorded, &checked_paths) {
        eprintln!("jxlint: error: {e}");
        return ExitCode::from(2);
    }
    let mut trailer = String::new();
    if args.format == OutputFormat::Human
        && mode != Mode::Statistics
        && !args.quiet
        && tally.total() > 0
    {
        trailer = tally_line(tally, files_with_findings, files.len(), lang);
        trailer.push('\n');
    }
    if let Some(e) = write_failed {
        return output_error(args, e);
    }
    if let Err(e) = printer.finish(&trailer) {
        return output_error(args, e);
    }

    if trouble {
        ExitCode::from(2)
    } else if tally.errors > 0 && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The output could not be written (only a file's can fail: a closed standard output ends the
/// output quietly).
fn output_error(args: &CheckArgs, e: std::io::Error) -> ExitCode {
    let to = args
        .output_file
        .as_deref()
        .map_or_else(|| "the standard output".to_string(), display_path);
    eprintln!("jxlint: error: cannot write the output to {to}: {e}");
    ExitCode::from(2)
}

/// The standard output, buffered, where a closed pipe (`| head`) ends the output and not the
/// check: what is written after it is dropped. At a terminal each file's output shows as soon
/// as it is written.
struct Stdout {
    buffer: Vec<u8>,
    closed: bool,
    terminal: bool,
}

impl Default for Stdout {
    fn default() -> Stdout {
        Stdout {
            buffer: Vec::new(),
            closed: false,
            terminal: std::io::stdout().is_terminal(),
        }
    }
}

impl Write for Stdout {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if !self.closed {
            self.buffer.extend_from_slice(bytes);
            if self.terminal || self.buffer.len() >= 64 * 1024 {
                self.flush()?;
            }
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.closed && !self.buffer.is_empty() {
            let mut out = std::io::stdout().lock();
            if out
                .write_all(&self.buffer)
                .and_then(|_| out.flush())
                .is_err()
            {
                self.closed = true;
            }
        }
        self.buffer.clear();
        Ok(())
    }
}

/// What every file of a batch is checked and rendered with.
struct Job<'a> {
    args: &'a CheckArgs,
    mode: Mode,
    lang: Lang,
    renderer: HumanRenderer,
    /// The baseline whose findings are not reported (`--baseline`). Its entries name their
    /// file, so files may take theirs out in any order.
    baseline: Option<std::sync::Mutex<crate::baseline::Baseline>>,
}

/// What is kept of a checked file until it is printed: its output, never its document.
struct Outcome {
    row: summary::SummaryRow,
    /// Warnings about the file and `--verbose` lines, for the standard error.
    notes: Vec<String>,
    rendered: String,
    findings: Vec<json::JsonFinding>,
    /// Its findings' baseline entries, with `--write-baseline`.
    recorded: Vec<crate::baseline::Key>,
}

impl Job<'_> {
    /// Check one file and render what its format needs (in a worker thread).
    fn check(&self, raw_path: &std::path::Path, options: &Options) -> Outcome {
        let path = display_path(raw_path);
        let failed = |path: String, why: String| Outcome {
            row: summary::SummaryRow {
                path,
                kind: None,
                total: String::new(),
                grade: String::new(),
                tally: Tally::default(),
                failed: Some(why),
            },
            notes: Vec::new(),
            rendered: String::new(),
            findings: Vec::new(),
            recorded: Vec::new(),
        };
        let mut checked = match check_file_guarded(raw_path, options) {
            Ok(c) => c,
            Err(e) => return failed(path, e.to_string()),
        };
        let mut notes = Vec::new();
        if checked.source.text().trim().is_empty() {
            notes.push(format!(
                "jxlint: warning: {path}: empty file, nothing to check"
            ));
        }
        for (line, code) in &checked.unknown_markers {
            notes.push(format!(
                "jxlint: warning: {path}:{line}: `jxlint:ignore {code}` names no rule or family (see `jxlint rules`), so it silences nothing"
            ));
        }
        let mut recorded = Vec::new();
        if self.args.write_baseline.is_some() {
            recorded = checked
                .findings
                .iter()
                .map(|f| crate::baseline::key(&path, &checked.source, f))
                .collect();
            checked.findings.clear();
        } else if let Some(baseline) = &self.baseline {
            let mut b = baseline.lock().unwrap_or_else(|e| e.into_inner());
            let source = &checked.source;
            checked
                .findings
                .retain(|f| !b.covers(&crate::baseline::key(&path, source, f)));
        }
        if self.args.verbose {
            notes.extend(verbose_lines(&path, &checked, self.lang));
        }
        let (total, grade) = summary::headline(&checked.report);
        let row = summary::SummaryRow {
            path,
            kind: Some(checked.report.facts.kind),
            total,
            grade,
            tally: Tally::of(&checked.findings),
            failed: None,
        };
        let rendered = crate::lint::guarded(|| {
            let path = &row.path;
            let mut rendered = String::new();
            let mut findings = Vec::new();
            let format = self.args.format;
            if format == OutputFormat::Human
                && self.mode == Mode::Findings
                && !checked.findings.is_empty()
            {
                rendered = self
                    .renderer
                    .render(&checked.source, path, &checked.findings);
            }
            if format == OutputFormat::Html {
                rendered =
                    crate::render::html::section(&checked.source, &checked.findings, self.lang);
            }
            // Every other format, the HTML report's counts and `--statistics` are made from
            // the findings as JSON describes them.
            let from_json = match self.mode {
                Mode::Findings => format != OutputFormat::Human,
                Mode::Statistics => true,
                Mode::Summary => false,
            };
            if from_json {
                findings = json::findings(path, &checked.source, &checked.findings, self.lang);
                if let Some(raw) = json::raw_path(raw_path) {
                    for f in &mut findings {
                        f.path_base64 = Some(raw.clone());
                    }
                }
            }
            Ok((rendered, findings))
        });
        match rendered {
            Ok((rendered, findings)) => Outcome {
                row,
                notes,
                rendered,
                findings,
                recorded,
            },
            Err(e) => Outcome {
                notes,
                ..failed(row.path, e.to_string())
            },
        }
    }
}

/// The command line's own profile and rule selectors must name something: a mistyped code
/// would otherwise silence nothing, quietly.
fn check_arguments(args: &CheckArgs) -> Result<(), String> {
    if args.summary && args.statistics {
        return Err(
            "--summary and --statistics each print instead of the findings: give one".into(),
        );
    }
    if args.summary {
        args.format.supports(Mode::Summary)?;
    }
    if args.statistics {
        args.format.supports(Mode::Statistics)?;
    }
    if let Some(standard) = &args.standard {
        Profile::load(standard).map_err(|e| e.to_string())?;
    }
    let rules = &crate::catalog::catalog().rules;
    for (option, selectors) in [
        ("--ignore", &args.ignore),
        ("--select", args.select.as_ref().unwrap_or(&Vec::new())),
        ("--extend-select", &args.extend_select),
    ] {
        for selector in selectors {
            if !rules
                .iter()
                .any(|r| crate::suppress::selects(selector, &r.code))
            {
                return Err(format!(
                    "{option} {selector}: no rule or family of that name (see `jxlint rules`)"
                ));
            }
        }
    }
    Ok(())
}

/// The options each file is checked with: runs of files that share them, so that what is kept
/// per file is nothing (a batch holds this from the walk to the end).
struct FileOptions {
    /// (the run's first file, its options in `distinct`), in file order.
    runs: Vec<(u32, u32)>,
    distinct: Vec<Options>,
}

impl FileOptions {
    fn of(&self, file: usize) -> &Options {
        let run = self
            .runs
            .partition_point(|&(first, _)| first as usize <= file)
            - 1;
        &self.distinct[self.runs[run].1 as usize]
    }
}

/// Each file's options: its configuration's, with the command line's over them. Files that a
/// configuration's include/exclude leaves out of a folder are taken out of `files`; a file
/// named on the command line is always checked.
fn file_options(
    args: &CheckArgs,
    finder: &mut crate::config::Finder,
    files: &mut crate::walk::PathList,
    named: &[PathBuf],
) -> Result<FileOptions, String> {
    let mut profiles: std::collections::HashMap<String, std::sync::Arc<Profile>> =
        Default::default();
    let mut out = FileOptions {
        runs: Vec::new(),
        distinct: Vec::new(),
    };
    let mut kept = 0u32;
    let mut error = None;
    files.retain(|path| {
        if error.is_some() {
            return false;
        }
        match options_for(args, finder, &mut profiles, path, named) {
            Err(e) => {
                error = Some(e);
                false
            }
            Ok(None) => false,
            Ok(Some(options)) => {
                if out.distinct.last() != Some(&options) {
                    out.distinct.push(options);
                    out.runs.push((kept, (out.distinct.len() - 1) as u32));
                }
                kept += 1;
                true
            }
        }
    });
    match error {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// The options `path` is checked with, or `None` when its configuration excludes it.
fn options_for(
    args: &CheckArgs,
    finder: &mut crate::config::Finder,
    profiles: &mut std::collections::HashMap<String, std::sync::Arc<Profile>>,
    path: &std::path::Path,
    named: &[PathBuf],
) -> Result<Option<Options>, String> {
    let settings = finder.for_path(path).map_err(|e| e.to_string())?;
    if let Some(s) = settings
        .as_deref()
        .filter(|_| !named.iter().any(|n| n == path))
    {
        if s.exclude.as_ref().is_some_and(|e| e.value.matches(path))
            || s.include.as_ref().is_some_and(|i| !i.value.matches(path))
        {
            return Ok(None);
        }
    }
    let standard = args
        .standard
        .clone()
        .or_else(|| {
            settings
                .as_ref()
                .and_then(|s| s.standard.as_ref())
                .map(|s| s.value.clone())
        })
        .unwrap_or_else(|| DEFAULT_PROFILE.to_string());
    let profile = match profiles.get(&standard) {
        Some(p) => p.clone(),
        None => {
            let p = std::sync::Arc::new(Profile::load(&standard).map_err(|e| e.to_string())?);
            profiles.insert(standard, p.clone());
            p
        }
    };
    let mut options = Options::new(profile);
    if let Some(s) = &settings {
        options.ignore = s.ignored_for(path);
        options.select = s.select.as_ref().map(|v| v.value.clone());
        options.extend_select = s
            .extend_select
            .as_ref()
            .map(|v| v.value.clone())
            .unwrap_or_default();
        options.severity = s
            .severity
            .as_ref()
            .map(|v| v.value.clone())
            .unwrap_or_default();
    }
    options.ignore.extend(args.ignore.iter().cloned());
    if let Some(select) = &args.select {
        options.select = Some(select.clone());
    }
    options
        .extend_select
        .extend(args.extend_select.iter().cloned());
    Ok(Some(options))
}

/// Baselines, once every file is checked: today's findings recorded (`--write-baseline`), or
/// the recorded findings that are gone listed and, with `--prune-baseline`, removed from the
/// file (`--baseline`; the files took their recorded findings out as they were checked).
fn finish_baseline(
    args: &CheckArgs,
    baseline: Option<std::sync::Mutex<crate::baseline::Baseline>>,
    recorded: &[crate::baseline::Key],
    checked_paths: &std::collections::HashSet<String>,
) -> Result<(), String> {
    if let Some(file) = &args.write_baseline {
        let n = crate::baseline::write(file, recorded)?;
        eprintln!(
            "jxlint: wrote {n} finding(s) to the baseline {}",
            display_path(file)
        );
    }
    let baseline = baseline.map(|b| b.into_inner().unwrap_or_else(|e| e.into_inner()));
    if let (Some(b), Some(file)) = (baseline, &args.baseline) {
        let stale = b.stale(checked_paths);
        if !stale.is_empty() {
            let n: usize = stale.iter().map(|e| e.count).sum();
            eprintln!(
                "jxlint: note: {n} finding(s) recorded in the baseline {} are gone (fixed){}:",
                display_path(file),
                if args.prune_baseline {
                    ""
                } else {
                    "; --prune-baseline removes them"
                }
            );
            for e in &stale {
                eprintln!(
                    "  {}: {} at «{}» ×{}",
                    e.key.path, e.key.rule, e.key.anchor, e.count
                );
            }
            if args.prune_baseline {
                let left = crate::baseline::prune(file, &stale)?;
                eprintln!("jxlint: removed them; the baseline records {left} finding(s)");
            }
        }
    }
    Ok(())
}

fn tally_line(t: Tally, with_findings: usize, checked: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "共 {} 个错误、{} 个警告、{} 条提示（检查 {checked} 个文件，{with_findings} 个有问题）",
            t.errors, t.warnings, t.infos
        ),
        Lang::En => format!(
            "{} error{}, {} warning{}, {} note{} in {with_findings} of {checked} file{}",
            t.errors,
            plural(t.errors),
            t.warnings,
            plural(t.warnings),
            t.infos,
            plural(t.infos),
            plural(checked)
        ),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// What `--verbose` says of a file: how it was read, what was found in it, and what was
/// skipped.
fn verbose_lines(path: &str, checked: &Checked, lang: Lang) -> Vec<String> {
    let r = &checked.report;
    let mut lines = vec![format!(
        "jxlint: {path}: read as {}; {} scorecard(s), {} amount table(s), {} finding(s)",
        checked.source.encoding(),
        r.scorecards.len(),
        r.amount_tables.len(),
        checked.findings.len()
    )];
    for s in &r.skipped {
        let p = checked.source.position(s.span.start);
        lines.push(format!(
            "jxlint:   {path}:{}:{}: skipped {}",
            p.line,
            p.column,
            s.what.get(lang)
        ));
    }
    lines
}

fn rules(args: &RulesArgs, lang: Lang) -> ExitCode {
    let c = catalog();
    match args.format {
        RulesFormat::Markdown => print!("{}", c.markdown()),
        RulesFormat::Json => {
            let list: Vec<serde_json::Value> = c
                .rules
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "code": r.code,
                        "name": r.name,
                        "family": r.family,
                        "severity": r.severity.as_str(),
                        "summary": r.summary.get(lang),
                    })
                })
                .collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&list).expect("serialisable")
            );
        }
        RulesFormat::Text => {
            for r in &c.rules {
                let sev = match r.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "info",
                };
                println!(
                    "{:<10} {:<28} {:<7} {:<8} {}",
                    r.code,
                    r.name,
                    r.family,
                    sev,
                    r.summary.get(lang)
                );
            }
        }
    }
    ExitCode::SUCCESS
}

fn explain(code: &str, lang: Lang) -> ExitCode {
    let c = catalog();
    match c.get(code) {
        Some(rule) => {
            print!("{}", c.explain(rule, lang));
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("jxlint: error: unknown rule `{code}`; `jxlint rules` lists them");
            ExitCode::from(2)
        }
    }
}

fn extract(path: &std::path::Path, format: ExtractFormat, lang: Lang) -> ExitCode {
    let (source, document) = match crate::lint::guarded(|| crate::lint::read_file(path)) {
        Ok(read) => read,
        Err(e) => {
            eprintln!("jxlint: error: {}: {e}", display_path(path));
            return ExitCode::from(2);
        }
    };
    match format {
        ExtractFormat::Text => print!("{}", crate::render::extract::text(&source, &document, lang)),
        ExtractFormat::Json => {
            let value = crate::render::extract::json(&source, &document);
            println!(
                "{}",
                serde_json::to_string_pretty(&value).unwrap_or_default()
            );
        }
    }
    ExitCode::SUCCESS
}

fn inspect(path: &std::path::Path, lang: Lang) -> ExitCode {
    let (source, document) = match crate::lint::guarded(|| crate::lint::read_file(path)) {
        Ok(read) => read,
        Err(e) => {
            eprintln!("jxlint: error: {}: {e}", display_path(path));
            return ExitCode::from(2);
        }
    };
    let (fitted, report) = crate::lint::understand_with_fitted(&source, &document);
    let document = fitted.unwrap_or(document);
    print!(
        "{}",
        crate::render::inspect::render(&source, &document, &report, lang)
    );
    ExitCode::SUCCESS
}
