## Plurals and counts

count-steps = { $count ->
    [one] { $count } step
   *[other] { $count } steps
}
count-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}

## Command line

cli-error = error: { $detail }
check-ok = ok: { $files ->
    [one] { $files } procedure file
   *[other] { $files } procedure files
} checked, { $steps ->
    [one] { $steps } step
   *[other] { $steps } steps
}, no problems
check-failed = { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
} in { $failed } of { $files ->
    [one] { $files } file
   *[other] { $files } files
}
origin-bundled = bundled
origin-user = user folder
origin-given = --procedures
list-version = version
list-overridden = replaced by a procedure with the same id
list-overrides = replaces the { $origin } one
list-broken = cannot be used: { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
} ({ $origin }: { $path }); run `poryadok check { $path }`
list-user-folder = Your own procedures go in { $path }

## Runs on the command line

runs-no-data-dir = no data folder: give --data-dir or set PORYADOK_DATA_DIR
runs-none = No runs yet.
runs-damaged = cannot be read ({ $reason }); `poryadok recover { $id }` moves it aside and restores the copy before its last save
runs-unknown-procedure = the procedure { $procedure } is not available (bundled, in your folder or given with --procedures)
runs-progress = { $done } of { $all ->
    [one] { $all } step
   *[other] { $all } steps
} done
runs-next = next: { $step }
runs-due = step { $number } due { $date }
runs-overdue = { $date }, OVERDUE
runs-forecast = {" "}(forecast calendar)
runs-edition = newer edition { $version }: poryadok edition { $id }
status-header = { $done } of { $all } steps done · started { $created } · procedure version { $version }
status-done = done { $date }
status-done-undated = done
status-passed-over = not needed (passed over { $date })
status-skipped = skipped: does not apply to the chosen variant
status-undecided = waits for a choice to be made
status-blocked = blocked until done: { $by }{ $more ->
    [0] {""}
    [one] {" "}and { $more } more step
   *[other] {" "}and { $more } more steps
}
status-in-progress = in progress
status-waiting = waiting for an answer
status-waiting-until = waiting for an answer until { $date }
status-date-late = { $date }, later than the deadline { $due }
status-skipped-kept = skipped: does not apply to the chosen variant (was { $was ->
    [done] done
    [reached] reached
   *[begun] begun
} { $date }; the record is kept and comes back if the variant is chosen back)
status-in-progress-since = in progress since { $since }
status-waiting-since = waiting for an answer since { $since }
status-waiting-since-until = waiting for an answer since { $since } until { $date }
status-ready = can be done now
status-dates = Dates to keep:
status-date-wait = wait
status-date-deadline = deadline
status-date-met = , done { $date }
status-date-missed = , done late on { $date }
status-aside = Kept aside (the procedure file changed and no longer has a place for them): { $items }
recover-not-needed = run { $id } reads well; nothing to recover
recover-restored = run { $id } was restored from the copy before its last save
journal-title = Journal ({ $count ->
    [one] { $count } change
   *[other] { $count } changes
}):
journal-secret = (secret value)
journal-passed-over = not needed (passed over { $date })
journal-started = started { $date }
journal-waiting = waiting for an answer since { $date }
journal-waiting-until = waiting for an answer since { $date }, until { $due }
journal-done = done { $date }
journal-text = “{ $text }”
journal-unknown = { $what } (no longer in the procedure)
journal-undoes = (takes back change { $entry })
journal-recorded-for = (recorded for { $date })
refused-future-date = { $date } is after today ({ $today }): a step is recorded on the day it happened, never ahead
refused-before-start = { $date } is before the day the step was begun ({ $started })
deadline-working = { $count ->
    [one] { $count } working day
   *[other] { $count } working days
}
deadline-calendar = { $count ->
    [one] { $count } calendar day
   *[other] { $count } calendar days
}
deadline-rule-step = { $days } after step { $number }
deadline-rule-field = { $days } from “{ $label }”
deadline-rule-own = { $days } from the step's start
deadline-by = by { $date } ({ $rule })
deadline-by-forecast = by { $date }, by the forecast calendar ({ $rule })
deadline-pending = { $rule }; the date is not known yet
journal-label = Run label
change-saved = run { $id }: saved
change-affected = done before and depending on the reopened step: { $step }
change-affected-reached = control event reached before and depending on the reopened step: { $step }
change-same-label = { $count ->
    [one] another run of this procedure, started { $started }, already has the label “{ $label }”: { $runs }
   *[other] other runs of this procedure, started { $started }, already have the label “{ $label }”: { $runs }
}
change-unknown-step = the procedure has no step '{ $step }' (give its id or its number, as `poryadok status` shows it)
change-unknown-field = the procedure has no field '{ $field }' (give its id, FORM.FIELD, or TABLE.ROW.COLUMN)
change-unknown-row = there is no row { $row }: the table has { $rows } (the next number adds a row)
change-table-by-cell = '{ $field }' is a table: set its cells as { $field }.ROW.COLUMN
change-unknown-option = the procedure has no option '{ $option }' of the choice '{ $choice }'; its options: { $options }
change-unknown-choice = the procedure has no choice '{ $choice }'; its choices: { $choices }
change-not-yes-no = '{ $value }' is neither yes nor no
change-until-only-wait = --until goes with wait only
change-empty-label = the label cannot be empty
journal-archived = In the archive
change-deleted = run { $id } deleted; `poryadok restore { $id }` brings it back within { $days } days
change-restored = run { $id } is back
runs-archived = { " " }[in the archive]
refused-milestone = A control event is reached by itself once the steps before it are done
status-reached = reached { $date }
status-milestone-pending = control event: reached once done: { $by }{ $more ->
    [0] {""}
    [one] {" "}and { $more } more step
   *[other] {" "}and { $more } more steps
}
status-done-incomplete = done { $date }, needs attention: now missing or wrong: { $fields }
journal-edition = Edition of the procedure
change-no-attachments = the letters of step «{ $step }» have nothing the officer adds
change-unknown-attachment = step «{ $step }» has no attachment { $number }; the officer adds: { $list }
journal-attachment = Attachment to the letter of step { $number } «{ $title }»: { $what }
# Editions of a procedure: which one a run is walked with, a newer one offered.
edition-not-kept = The edition { $old } the run was walked with is not kept; the run is fitted to the procedure file (edition { $new }).
edition-left-in-file = The procedure is read as its earlier edition { $version }, which this run has already left: it stays on its edition { $own }, and going back is not offered. If the procedure file in the data folder was edited, check it: `poryadok check FILE`.
edition-step-added = New step { $number }. «{ $title }»
edition-step-added-before-done = New step { $number }. «{ $title }» — comes before steps already done
edition-step-removed = Step «{ $title }» (step { $number } in the earlier edition) is removed
edition-step-removed-recorded = Step «{ $title }» (step { $number } in the earlier edition) is removed; what was recorded ({ $recorded }) is kept aside
edition-renamed = The field «{ $old }» is «{ $new }» in the new edition: its value moves there
edition-renamed-same = Field «{ $label }»: its value is kept (the new edition describes the field anew)
edition-value-aside = { $what }: the value { $value } is kept aside — the new edition has no place for it
edition-notes-aside = { $what }: kept aside
edition-restored = Comes back from aside: { $what }
edition-attention = Step { $number }. «{ $title }» is done but will need attention: now required: { $fields }
edition-deadline = Deadline of step { $number }. «{ $title }»: was { $old }, will be { $new }
edition-no-deadline = none
edition-nothing-moves = Nothing recorded moves or is set aside; only the procedure's texts change.
journal-edition-renamed = moved: { $items }
journal-edition-aside = set aside: { $items }
journal-edition-restored = back: { $items }
edition-walks = Run { $id } is walked with the edition { $version } ({ $edition }) of «{ $title }».
edition-offered = The procedure file has a newer edition { $version } ({ $edition }). What it changes in this run:
edition-declined = (This edition was declined before; the run keeps its own.)
edition-take-hint = To take it: poryadok edition { $id } --take
edition-not-undone = Undoing the last change (u, poryadok undo) does not bring the earlier edition back: it stays kept, and what is set aside stays aside.
edition-none = No newer edition: the procedure file is the same edition.
edition-file-gone = The procedure file is gone or does not read: the run opens with its kept edition.
edition-finished = The run was finished under this edition; the newer edition { $version } ({ $edition }) is not offered to it — its record stays as it was.
edition-nothing-to-take = Nothing to take. { $reason }
edition-taken = Run { $id } now walks the edition { $version }; the change is in the journal.
status-edition = Edition of the procedure: { $version } ({ $edition })
status-edition-offered = A newer edition { $version } ({ $edition }) is available; what it changes: poryadok edition { $id }; to take it: poryadok edition { $id } --take
status-edition-finished = The run was finished under this edition; the newer edition { $version } ({ $edition }) is not offered to it.
undone = Undone: the last change
undone-step = Undone: step «{ $step }» is back to: { $state }
undone-field = Undone: «{ $field }» has its earlier value again
undone-field-cleared = Undone: «{ $field }» is empty again
undone-choice = Undone: «{ $choice }» is «{ $option }» again
undone-choice-cleared = Undone: «{ $choice }» is not chosen again
undone-note = Undone: the note on step «{ $step }» is taken back
undone-attached = Undone: the letter «{ $letter }» has the file «{ $name }» again
undone-detached = Undone: the file «{ $name }» no longer goes with the letter «{ $letter }»
undone-label = Undone: the run is called «{ $label }» again
