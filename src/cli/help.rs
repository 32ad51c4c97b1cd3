//! `--help` in the interface's language. In English it is clap's, from the
//! doc comments of the argument structs (one place for the English); in
//! Chinese each command's about and each argument's help come from the
//! catalogue's `clap.*` keys, which hold only the translations:
//! `clap.about.<command>`, `clap.arg.<command>.<argument>` or, for an
//! argument that reads the same under every command, `clap.arg.<argument>`.
//! `<command>` is the command's path below `broadsheet` (`list`,
//! `feeds.list`; `broadsheet` itself), so that two subcommands of the same
//! name under different commands each have their own text ([`about_key`],
//! [`arg_keys`]). A key missing there leaves clap's English (a test keeps
//! none missing, and none shared by two texts).
//! Clap's own messages (usage errors, `[possible values: …]`) stay English.

use clap::{Arg, Command};

use crate::i18n::{self, Lang, t};

/// `command` with its help in the current language.
pub fn localized(mut command: Command) -> Command {
    let lang = i18n::current();
    if lang == Lang::En {
        return command;
    }
    // Built, the command has its `--help`, `--version` and `help` too.
    command.build();
    localize(command, lang, ROOT)
}

/// The path of the command itself.
pub const ROOT: &str = "broadsheet";

/// The path of the subcommand `name` of the command at `path`:
/// `list`, `feeds.list`.
pub fn sub_path(path: &str, name: &str) -> String {
    match path {
        ROOT => name.to_owned(),
        _ => format!("{path}.{name}"),
    }
}

/// The catalogue key of the about of the command at `path`. Clap's `help`
/// subcommand reads the same under every command (`clap.about.help`), and
/// the copies of the commands it keeps under it (`help feeds add`) are the
/// commands they copy (`clap.about.feeds.add`).
pub fn about_key(path: &str) -> String {
    if path.rsplit('.').next() == Some("help") {
        return "clap.about.help".to_owned();
    }
    let path: Vec<&str> = path.split('.').filter(|part| *part != "help").collect();
    format!("clap.about.{}", path.join("."))
}

/// The catalogue keys of the help of the argument `id` of the command at
/// `path`, the first found used: its own (`clap.arg.feeds.add.url`), then
/// the one every command shares (`clap.arg.help`).
pub fn arg_keys(path: &str, id: &str) -> [String; 2] {
    [format!("clap.arg.{path}.{id}"), format!("clap.arg.{id}")]
}

fn localize(command: Command, lang: Lang, path: &str) -> Command {
    // clap names its sections in English in `{all-args}`: the template
    // names them here, each only when the command has it.
    let mut template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n",
        t!("clap.usage")
    );
    let sections = [
        (command.has_subcommands(), "clap.commands", "{subcommands}"),
        (
            command.get_positionals().next().is_some(),
            "clap.arguments",
            "{positionals}",
        ),
        (
            command.get_opts().next().is_some()
                || command.get_arguments().any(|a| !a.is_positional()),
            "clap.options",
            "{options}",
        ),
    ];
    for (_, key, tag) in sections.iter().filter(|(shown, _, _)| *shown) {
        template.push_str(&format!("\n{}:\n{tag}\n", t!(key)));
    }
    template.push_str("{after-help}");
    let mut command = command
        .help_template(template)
        .subcommand_value_name(t!("clap.command"));
    if let Some(about) = i18n::lookup(lang, &about_key(path)) {
        command = command.about(about).long_about(None);
    }
    command
        .mut_args(|arg| localize_arg(arg, lang, path))
        .mut_subcommands(|sub| {
            let path = sub_path(path, sub.get_name());
            localize(sub, lang, &path)
        })
}

fn localize_arg(arg: Arg, lang: Lang, path: &str) -> Arg {
    let help =
        (arg_keys(path, arg.get_id().as_str()).iter()).find_map(|key| i18n::lookup(lang, key));
    match help {
        Some(help) => arg.help(help).long_help(None),
        None => arg,
    }
}
