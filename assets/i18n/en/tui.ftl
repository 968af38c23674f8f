## The wizard

tui-home-title = poryadok — procedures step by step
tui-home-runs = Runs in progress
tui-home-no-runs = No runs yet: choose a procedure below and press Enter to start one.
tui-home-procedures = Procedures
tui-progress = { $done } of { $all } done
tui-steps = Steps
tui-saved = saved { $time }
tui-save-failed = NOT SAVED
tui-quit-unsaved = Quitting now would lose the change that could not be saved (the reason is above). Free space on the disk or mend the data folder and quit again to save it; quit again now to leave without it.
tui-left-unsaved = poryadok closed without saving the last change: { $error }
tui-actor = Who acts: { $actor }
tui-deadline-working = Deadline: { $count ->
    [one] { $count } working day
   *[other] { $count } working days
}
tui-deadline-calendar = Deadline: { $count ->
    [one] { $count } calendar day
   *[other] { $count } calendar days
}
tui-letter-to = To: { $to }
tui-letter-cc = Copy: { $cc }
tui-letter-subject = Subject: { $subject }
tui-choice-impact = If chosen: { $applies ->
    [one] { $applies } step starts to apply
   *[other] { $applies } steps start to apply
}, { $skipped ->
    [one] { $skipped } step is skipped
   *[other] { $skipped } steps are skipped
}
tui-new-run-title = New run
tui-new-run-label = What is this run for (the organisation, the information system)?
tui-new-run-hint = Enter starts the run; Esc goes back.
tui-label-needed = Type a label first: it tells this run from others of the same procedure
tui-and-more = (and { $count } more)
tui-too-small = The terminal is { $width }×{ $height }; poryadok needs at least { $min_width }×{ $min_height }. Make the window larger.
tui-unknown-procedure = there is no procedure { $id }; `poryadok list` shows them
tui-set-aside = The procedure file changed: { $count ->
    [one] { $count } item no longer has a place and was kept aside
   *[other] { $count } items no longer have a place and were kept aside
}
tui-no-choices = This procedure has no variant to choose here
tui-reopen-affected = Reopened. { $count ->
    [one] { $count } done step depends on it:
   *[other] { $count } done steps depend on it:
}
tui-refused = Not possible
tui-refused-blocked = Not yet: { $count ->
    [one] this step waits for another one
   *[other] this step waits for { $count } others
}
tui-refused-incomplete = Cannot be done yet: { $count ->
    [one] { $count } field to fix
   *[other] { $count } fields to fix
}
tui-refused-done = The step is done already (r reopens it)
tui-refused-not-done = The step is not done
tui-refused-skipped = The step does not apply to the chosen variant
tui-refused-undecided = Choose the variant first (v)
tui-refused-not-optional = Only an optional step can be passed over
tui-refused-nothing-to-undo = Nothing to undo

tui-footer-home = ↑↓ move  Tab runs/procedures  Enter open  ? keys  q quit
tui-footer-new-run = Enter start  Esc back
tui-footer-run = s start  c done  w wait  v variant  u undo  Esc runs  ? keys  q quit
tui-footer-picker = ↑↓ option  Tab next choice  Enter choose  Esc cancel
tui-footer-help = Esc or ? closes the list of keys
tui-help-title = Keys
tui-help-layout = Letters work in the Russian layout too (й = q, о = j, л = k…).
tui-key-move = move the selection
tui-key-page = a page up or down, the first or the last
tui-key-pane = switch between runs and procedures
tui-key-open = open the run, or start a run of the procedure
tui-key-create = start the run with this label
tui-key-back = go back
tui-key-home = back to the list of runs
tui-key-help = this list of keys
tui-key-quit = quit (everything is saved)
tui-key-start = begin the step
tui-key-complete = mark the step done
tui-key-wait = waiting for an answer from outside
tui-key-reopen = reopen a done step
tui-key-pass-over = an optional step is not needed
tui-key-variant = choose the variant
tui-key-undo = undo the last change
tui-key-next-choice = the next choice
tui-key-choose = choose this option
tui-form = Form «{ $title }»
tui-results = To record when done
tui-form-hint = Tab: fill in
tui-form-hint-focused = Enter edit · Del clear · Esc back to steps
tui-yes = yes
tui-no = no
tui-rows = { $count ->
    [one] { $count } row
   *[other] { $count } rows
}
tui-editor-keys = Enter keep · Esc cancel
tui-editor-keys-multiline = Ctrl-S keep · Enter new line · Esc cancel
tui-options-keys = Enter choose · Esc cancel
tui-options-keys-multi = Space mark · Enter keep · Esc cancel
tui-value-ok = looks right
tui-no-fields = This step has no fields to fill in
tui-field-reused = This value comes from another form; it is filled in there
tui-footer-editor = ←→ cursor  Enter keep  Esc cancel  Ctrl-C quit
tui-footer-form = ↑↓ Tab field  Enter edit  Del clear  c done  Esc steps  ? keys
tui-key-cursor = move the cursor
tui-key-keep = keep what was typed
tui-key-newline = a new line (fields of several lines)
tui-key-cancel = cancel the change
tui-key-field = the previous or next field
tui-key-edit = edit the field (yes/no toggles, options open a list)
tui-key-clear = clear the field
tui-key-to-steps = back to the steps
tui-key-to-form = to the step's fields

tui-cell = Row { $row }, “{ $column }”
tui-row-of = Row { $row } of { $count }
tui-table-empty = No rows yet: a or Enter adds one
tui-table-keys = Enter edit · a add · x remove · K J move · Esc done
tui-row-removed = Row { $row } removed; u brings it back
tui-footer-table = ↑↓←→ cell  Enter edit  a row  x remove  Esc fields  ? keys
tui-key-cell = to the next cell
tui-key-next-cell = the next or previous cell
tui-key-edit-cell = edit the cell (in an empty table, add a row)
tui-key-add-row = add a row below the selected one
tui-key-remove-row = remove the row (u brings it back)
tui-key-move-row = move the row up or down
tui-key-close-table = close the table, back to the fields
tui-link = Link: { $url }
tui-copy-title = Copy or open
tui-copy-keys = Enter copy · o open
tui-footer-copy = ↑↓ choose  Enter copy  o open link  Esc cancel
tui-copied = Sent to the clipboard through the terminal: { $text }
tui-opening = Opening in the browser: { $url }
tui-not-a-link = Not a link: only a link opens in the browser
tui-no-links = This step has no links
tui-nothing-to-copy = This step has no addresses, subjects or links
tui-send-failed = Could not do it: { $error }
tui-key-copy = copy to the clipboard (OSC 52)
tui-key-open-link = open the link in the browser
tui-key-copy-open = copy an address, subject or link; open a link
tui-no-browser-copied = No browser opened; the link went to the clipboard: { $url }
tui-no-browser = No browser opened: { $url }
tui-wait-until = Wait until which day? (DD.MM.YYYY)
tui-wait-keys = Enter wait · Esc cancel
tui-wait-no-date = Blank: wait with no due day
tui-prepare = To prepare:
tui-key-export = export the documents: forms, tables, report, letters
