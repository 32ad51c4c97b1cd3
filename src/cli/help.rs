//! `--help` in the interface's language. In English it is clap's, from the
//! doc comments of the argument structs (one place for the English); in
//! Chinese each command's about and each argument's help come from the
//! catalogue's `clap.*` keys, which hold only the translations:
//! `clap.about.<command>`, `clap.arg.<command>.<argument>` or, for an
//! argument that reads the same under every command, `clap.arg.<argument>`.
//! A key missing there leaves clap's English (a test keeps none missing).
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
    localize(command, lang, "broadsheet")
}

fn localize(command: Command, lang: Lang, name: &str) -> Command {
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
    if let Some(about) = i18n::lookup(lang, &format!("clap.about.{name}")) {
        command = command.about(about).long_about(None);
    }
    command
        .mut_args(|arg| localize_arg(arg, lang, name))
        .mut_subcommands(|sub| {
            let name = sub.get_name().to_owned();
            localize(sub, lang, &name)
        })
}

fn localize_arg(arg: Arg, lang: Lang, command: &str) -> Arg {
    let id = arg.get_id().to_string();
    let help = i18n::lookup(lang, &format!("clap.arg.{command}.{id}"))
        .or_else(|| i18n::lookup(lang, &format!("clap.arg.{id}")));
    match help {
        Some(help) => arg.help(help).long_help(None),
        None => arg,
    }
}
