## The command line: `poryadok --help`, its usage errors, shell completions and the man page.
##
## Every command and argument the program accepts takes its description from here (see the
## comment at the top of src/cli/mod.rs):
##   cli-about                    the program
##   cli-option-ARG               an option of the program, accepted after any command
##   cli-COMMAND                  what a command does (one line)
##   cli-COMMAND-ARG              an argument or option of that command
##   cli-value-NAME               how a value is named in usage lines: <PROCEDURE>, <DIR>

cli-about = poryadok walks officers through procedures (e-signatures, interagency exchange, licenses…) step by step, with the forms each step needs
cli-option-lang = Language of messages: ru or en (default: from LC_ALL, LC_MESSAGES, LANG)
cli-option-procedures = Also read procedures from this folder (may be repeated); they override bundled ones
cli-option-data-dir = Where runs and the officer's own procedures live (default: PORYADOK_DATA_DIR, then the platform's data folder)
cli-option-plain = Work line by line, without drawing the screen: for screen readers and simple terminals (also ACCESSIBLE=1, and by itself under TERM=dumb or without a terminal)
cli-option-help = Print this help
cli-option-version = Print the version

cli-check = Check procedure files (or folders of them); without paths, every available procedure
cli-check-paths = Files or folders
cli-list = List the available procedures and where each comes from
cli-schema = Print the JSON Schema of the procedure format
cli-start = Open the wizard on a new run of a procedure (it asks for the run's label)
cli-start-procedure = The procedure's id, as `poryadok list` shows it
cli-open = Open the wizard on a run
cli-open-run = The run's id, as `poryadok runs` shows it
cli-runs = List the runs with their progress, next step and next due date
cli-status = Print a run's checklist: every step with its status, and the dates to keep
cli-status-run = The run's id, as `poryadok runs` shows it
cli-status-journal = Also print the journal: every change with its time, old and new value
cli-status-json = Print the run as JSON for programs: each step with its status, dates and deadline
cli-new = Start a new run of a procedure; its id is printed on the last line
cli-new-procedure = The procedure's id, as `poryadok list` shows it
cli-new-label = What tells this run from others: the organisation, the system
cli-new-org = The organisation of the register (poryadok org) the run belongs to: its short name labels the run unless a label is given, its values fill the fields
cli-step = Start, complete, wait on, reopen or pass over a step, as the wizard does
cli-step-run = The run's id, as `poryadok runs` shows it
cli-step-step = The step: its id, or its number as the wizard and `poryadok status` show it
cli-step-action = What to do: start, done, wait, reopen or pass (an optional step not needed)
cli-step-on = The day it happened, ДД.ММ.ГГГГ or ГГГГ-ММ-ДД (default: today; never after today)
cli-step-until = With wait: the day the answer is due (default: from the procedure's deadline)
cli-set = Set a field's value; an invalid value is refused with the reason, and not stored
cli-set-run = The run's id, as `poryadok runs` shows it
cli-set-field = The field: its id, FORM.FIELD when two forms share it, or TABLE.ROW.COLUMN for a table cell (rows from 1; the next number adds a row)
cli-set-value = The value: text; yes or no; for a list, items separated by ';'; an empty value clears the field
cli-attach = Give the file for an attachment the officer adds to a step's letter (a signed scan): the file is copied into the run's data; `poryadok undo` takes it away
cli-attach-run = The run's id, as `poryadok runs` shows it
cli-attach-step = The step: its id, or its number as the wizard and `poryadok status` show it
cli-attach-number = The attachment's number among those the officer adds to the step's letters (from 1, in the procedure's order)
cli-attach-path = The file: PDF, JPEG, PNG, DOCX or another, at most 25 MB; a symbolic link is refused; an empty path ("") takes the file away
cli-choose = Choose the option of a choice (the variant)
cli-choose-run = The run's id, as `poryadok runs` shows it
cli-choose-choice = The choice's id
cli-choose-option = The option's id
cli-undo = Take back the last change of a run
cli-undo-run = The run's id, as `poryadok runs` shows it
cli-edition = Show which edition of the procedure a run is walked with and what a newer one changes; with --take, take the newer one
cli-edition-run = The run's id, as `poryadok runs` shows it
cli-edition-take = Take the newer edition: fit the run to it and journal it
cli-rename = Give a run a new label
cli-rename-run = The run's id, as `poryadok runs` shows it
cli-rename-label = The new label
cli-archive = Put a run in the archive: off the wizard's home screen, still read by status and export
cli-archive-run = The run's id, as `poryadok runs` shows it
cli-delete = Delete a run; its files are kept for 30 days, and `poryadok restore` brings it back
cli-delete-run = The run's id, as `poryadok runs` shows it
cli-restore = Bring back a deleted run, or take a run out of the archive
cli-restore-run = The run's id
cli-recover = Move a run that cannot be read aside and restore the copy before its last save
cli-recover-run = The run's id
cli-export = Write a run's documents: filled forms (DOCX), tables (XLSX, CSV), the checklist report (Markdown, HTML, JSON) and letters (.eml drafts)
cli-export-run = The run's id, as `poryadok runs` shows it
cli-export-format = Only these formats, comma-separated: docx, xlsx, csv, md, html, json, eml, ics, pdf
cli-export-out = The folder to write into (default: poryadok/RUN in the documents folder)
cli-export-include-secrets = Also export the values of secret fields (passwords), in plain text
cli-org = The register of organisations: without a name, the list; with one, show, fill or remove it; --run gives a run to it
cli-org-id = The organisation's name in the register (one word, such as kirovsk)
cli-org-full-name = The full name
cli-org-short-name = The short name (runs are labelled with it)
cli-org-legal-address = The legal address
cli-org-inn = INN (its check digit is checked)
cli-org-kpp = KPP
cli-org-ogrn = OGRN (its check digit is checked)
cli-org-head-position = The head's position
cli-org-head-name = The head's name
cli-org-officer-name = The officer's name (the contact in letters)
cli-org-officer-position = The officer's position
cli-org-phone = The officer's phone
cli-org-email = The officer's e-mail
cli-org-run = Give this run to the organisation and fill its empty fields with its values
cli-org-remove = Remove the organisation from the register
cli-completions = Print a completion script for a shell: bash, zsh, fish, powershell or elvish
cli-completions-shell = The shell
cli-man = Print the manual page (roff, for `man -l -`)
cli-help = Print the help of a command
cli-help-command = The command

cli-value-dir = DIR
cli-value-paths = PATH
cli-value-procedure = PROCEDURE
cli-value-run = RUN
cli-value-format = FORMATS
cli-value-lang = LANGUAGE
cli-value-shell = SHELL
cli-value-id = NAME
cli-value-text = TEXT
cli-value-number = NUMBER
cli-value-command = COMMAND
cli-value-date = DATE
cli-value-label = LABEL
cli-value-step = STEP
cli-value-action = ACTION
cli-value-field = FIELD
cli-value-value = VALUE
cli-value-choice = CHOICE
cli-value-option = OPTION
cli-value-path = FILE

## Parts of every help page and usage line

cli-heading-usage = Usage
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-usage-options = OPTIONS
cli-usage-command = COMMAND
cli-more-help = For more, run `{ $command } --help`.

## Usage errors (exit code 2)

cli-unknown-command = there is no command '{ $value }'
cli-unknown-argument = unexpected argument '{ $value }'
cli-did-you-mean = did you mean '{ $value }'?
cli-dash-dash = to pass '{ $value }' as a value, write `-- { $value }`
cli-remove-dash-dash = '{ $value }' is a command: remove the '--' before it
cli-invalid-value = '{ $value }' is not a valid value for { $arg }
cli-bad-day = { $arg } { $value }: { $reason }; write the day as DD.MM.YYYY or YYYY-MM-DD
cli-possible-values = possible values: { $values }
cli-missing-value = { $arg } needs a value
cli-missing-arguments = missing: { $args }
cli-argument-conflict = { $arg } cannot be used together with { $other }
cli-argument-repeated = { $arg } may be given only once
cli-too-many-values = unexpected value '{ $value }' for { $arg }
cli-wrong-number-of-values = { $arg } takes { $expected } values, { $actual } given
cli-not-utf8 = an argument is not valid UTF-8 text
cli-no-equals = { $arg } needs its value after '=', as in { $arg }=VALUE
cli-unknown-format = unknown format '{ $value }'; possible formats: { $formats }
cli-usage-problem = the command line cannot be read

## Errors of the program itself

cli-procedures-missing = '{ $path }', given with --procedures, cannot be used: { $reason }
cli-wizard-failed = the wizard could not draw in this terminal: { $reason }; `poryadok --plain` works line by line
catalog-folder-unreadable = cannot read the folder '{ $path }': { $reason }

## Why a file or folder cannot be used (i18n::io_reason)

io-not-found = there is nothing at this path
io-permission-denied = permission denied
io-not-a-directory = it is not a folder
io-is-a-directory = it is a folder
io-other = { $detail }

## The manual page (`poryadok man`)

cli-man-summary = a terminal wizard that walks officers through procedures step by step
cli-man-name = NAME
cli-man-synopsis = SYNOPSIS
cli-man-description = DESCRIPTION
cli-man-options = OPTIONS
cli-man-commands = COMMANDS
cli-man-environment = ENVIRONMENT
cli-man-exit-status = EXIT STATUS
cli-man-version = VERSION
cli-man-description-wizard = Without a command, poryadok opens the wizard in the terminal: the runs in progress and the procedures that can be started. A run is one officer's walk through one procedure, over weeks: what is done, what is next, what is blocked and why, what to send to whom and by when. Every change is saved at once.
cli-man-description-sources = Procedures are TOML files. They come from three places: those bundled into the program, the officer's own folder (procedures in the data folder) and the folders given with --procedures; a later one replaces an earlier one with the same id.
cli-man-description-plain = Where the terminal cannot draw (TERM=dumb, or the input or the output is not a terminal), or when asked (--plain, ACCESSIBLE=1), the wizard works line by line instead: numbered steps with their state in words, numbered prompts for fields and choices, the same commands and checks, no box-drawing, colour or cursor movement; a screen reader reads every line in order. A step is recorded on a past day with the day after its letter (c 03.12.2026 or c 2026-12-03), and a variant change says what it would do to the done work and asks before it is made.
cli-man-env-accessible = Set to anything but 0: the wizard works line by line, as with --plain.
cli-man-env-term = dumb: the terminal cannot draw, and the wizard works line by line.
cli-man-env-lang = The language of messages (ru or en), when --lang is not given: the first one set decides.
cli-man-env-data-dir = The data folder, when --data-dir is not given.
cli-man-exit-0 = Done.
cli-man-exit-1 = poryadok check found problems in a procedure file.
cli-man-exit-2 = The command line is wrong, or the command could not be carried out; the message says why.
