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
tui-decide = Decide: { $choice } — not chosen yet (v)
tui-decided = Decided: { $choice } — { $option }
tui-deadline = Deadline: { $deadline }
tui-letter-to = To: { $to }
tui-letter-cc = Copy: { $cc }
tui-letter-subject = Subject: { $subject }
tui-choice-current = This is the current option: nothing changes
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
tui-mode-edition = Run: a newer edition of the procedure
tui-key-edition = the newer edition of the procedure, when there is one: what it changes, take it or not
tui-key-scroll-edition = scroll the list of changes: a line, a page, to the top or to the end
tui-key-take-edition = take the newer edition: the run moves to it, and the journal says so
tui-foot-take-edition = take
tui-key-keep-edition = keep the run's own edition (not asked again; e shows the offer again)
tui-foot-keep-edition = keep
tui-edition-title = A newer edition of the procedure: { $old } → { $new }
tui-edition-intro = The methodologist changed the procedure: its file is now edition { $new }. The run keeps its own edition { $old } until you take the new one. What it changes:
tui-edition-keys = Enter takes the new edition; Esc keeps the run's own (e shows the offer again).
tui-edition-hint = ★ new edition { $version } (e)
tui-home-edition = ★ newer edition { $version }
tui-edition-none = There is no newer edition of the procedure: the run walks the edition of its file.
tui-edition-kept = The run keeps its own edition; the newer one ({ $version }) can be seen and taken with e.
tui-edition-taken = The run now walks the edition { $version }; the change is in the journal.
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
tui-refused-not-done = The step is not done
tui-refused-skipped = The step does not apply to the chosen variant
tui-refused-not-optional = Only an optional step can be passed over
tui-refused-nothing-to-undo = Nothing to undo

tui-help-title = Keys
tui-key-pane = switch between runs and procedures
tui-key-open = open the run, or start a run of the procedure
tui-key-create = start the run with this label
tui-key-back = go back
tui-key-home = back to the list of runs
tui-key-help = this list of keys
tui-key-quit = quit (everything is saved)
tui-key-start = begin the step
tui-key-wait = waiting for an answer from outside
tui-key-reopen = reopen a done step
tui-key-pass-over = an optional step is not needed
tui-key-variant = choose the variant
tui-key-next-choice = the next choice
tui-form = Form «{ $title }»
tui-results = To record when done
tui-yes = yes
tui-no = no
tui-rows = { $count ->
    [one] { $count } row
   *[other] { $count } rows
}
tui-value-ok = looks right
tui-no-fields = This step has no fields to fill in
tui-field-reused = This value comes from another form; it is filled in there

tui-cell = Row { $row }, “{ $column }”
tui-row-of = Row { $row } of { $count }
tui-link = Link: { $url }
tui-copy-title = Copy or open
tui-copied = Sent to the clipboard through the terminal: { $text }
tui-opening = Opening in the browser: { $url }
tui-not-a-link = Not a link: only a link opens in the browser
tui-no-links = This step has no links
tui-nothing-to-copy = This step has no addresses, subjects or links
tui-send-failed = Could not do it: { $error }
tui-key-open-link = open the link in the browser
tui-no-browser-copied = No browser opened; the link went to the clipboard: { $url }
tui-no-browser = No browser opened: { $url }
tui-wait-until = Wait until which day? (DD.MM.YYYY)
tui-wait-no-date = Blank: wait with no due day
tui-wait-due-forecast = Waiting until { $date }: counted on a forecast production calendar; the day may move once the official one is out
tui-prepare = To prepare:
tui-key-export = export the documents: forms, tables, report, letters

tui-refused-done = The step is done already (r on the list of steps reopens it)
tui-refused-undecided = Choose the variant first (v on the list of steps)
tui-help-layout = Letters work in the Russian layout too (й = q, о = j, л = k…). In a form every printable key is text; the step's commands are on the list of steps (Esc), or Alt with their letter.
tui-form-hint = Enter or Tab: fill in
tui-form-hint-focused = Type to fill in · Enter edit · Esc steps
tui-table-empty = No rows yet: type, or Enter or Ins adds one
tui-row-removed = Row { $row } removed; Ctrl-Z brings it back
tui-yesno-keys = A yes/no field: Space turns it over, y or 1 is yes, n or 0 is no
tui-paste-nowhere = Nothing here takes text: open a field (Enter), then paste
tui-mode-home = Home screen
tui-mode-new-run = The label of a new run
tui-mode-steps = A run: the list of steps
tui-mode-text = A run: the step's text
tui-mode-form = A run: the step's form
tui-mode-table = A table field, open
tui-mode-editor = Typing into a field
tui-mode-multiline = Typing into a field of several lines
tui-mode-wait = The day a step waits until
tui-mode-options = A field's options
tui-mode-picker = Choosing a variant
tui-mode-copy = Copy or open
tui-mode-help = The list of keys
tui-mode-too-small = A window too small
tui-keyname-space = Space
tui-keyname-typing = letters, digits
tui-keyname-wheel = wheel
tui-foot-keys = keys
tui-foot-quit = quit
tui-foot-undo = undo
tui-foot-move = move
tui-foot-done = done
tui-foot-wait = wait
tui-foot-variant = variant
tui-foot-pane = runs/procedures
tui-foot-open = open
tui-foot-start-run = start
tui-foot-back = back
tui-foot-runs = runs
tui-foot-scroll = scroll
tui-foot-steps = steps
tui-foot-type = type
tui-foot-field = field
tui-foot-edit = edit
tui-foot-clear = clear
tui-foot-cell = cell
tui-foot-add-row = add row
tui-foot-remove-row = remove row
tui-foot-fields = fields
tui-foot-cursor = cursor
tui-foot-keep = keep
tui-foot-cancel = cancel
tui-foot-newline = new line
tui-foot-find = find
tui-foot-choose = choose
tui-foot-next-choice = next choice
tui-foot-copy = copy
tui-foot-open-link = open link
tui-foot-close = close
tui-key-move = move the selection
tui-key-page = a page up or down, the first or the last
tui-key-open-step = open the step: into its form, or its text when it has no form (the run does not change)
tui-key-scroll = scroll the step's text
tui-key-scroll-page = scroll a page, to the top or to the end
tui-key-to-form = to the step's fields
tui-key-to-steps = back to the list of steps
tui-key-complete = mark the step done
tui-key-undo = undo the last change
tui-key-copy-open = copy an address, subject or link; open a link
tui-key-alt-commands = the step's commands from its form: begin, done, wait, reopen, not needed, variant
tui-key-type-label = the label
tui-key-erase = erase a character
tui-key-clear-line = erase the whole line
tui-key-type-field = fill in the selected field: the editor opens with what is typed (yes/no: Space, y, n)
tui-key-field = the next or previous field
tui-key-field-ends = the first or the last field
tui-key-edit = edit the field as it is (yes/no turns over, options open a list, a table opens)
tui-key-edit-backspace = edit the field, its last character erased
tui-key-clear = clear the field
tui-key-type-cell = fill in the selected cell with what is typed
tui-key-row = the row above or below
tui-key-cell = the cell to the left or right
tui-key-next-cell = the next or previous cell, along the rows
tui-key-edit-cell = edit the cell as it is (in an empty table, add a row)
tui-key-add-row = add a row below the selected one
tui-key-remove-row = remove the row (Ctrl-Z brings it back)
tui-key-move-row = move the row up or down
tui-key-close-table = close the table, back to the fields
tui-key-type = the text
tui-key-cursor = move the cursor
tui-key-keep = keep what was typed
tui-key-keep-next = keep it and go to the next or previous field
tui-key-newline = a new line
tui-key-cancel = cancel: the value stays as it was
tui-key-type-date = the day, DD.MM.YYYY (blank: no due day)
tui-key-wait-keep = wait until that day
tui-key-type-option = letters find the option that begins with them; Space marks it in a list of several
tui-key-choose-option = keep the choice
tui-key-choose = choose this option
tui-key-copy = copy to the clipboard (OSC 52)
tui-key-close-help = close the list of keys
tui-more-above = ▲ more above
tui-more-below = ▼ more below
tui-key-scroll-help = scroll the list
tui-marks = Marks in the list of steps
tui-mark-ready = can be done now
tui-mark-in-progress = in progress
tui-mark-waiting = waiting for an answer
tui-mark-overdue = waiting, and its due day has passed
tui-mark-done = done
tui-mark-passed-over = not needed (passed over)
tui-mark-skipped = does not apply to the variant chosen
tui-mark-undecided = depends on a variant not chosen yet
tui-mark-blocked = waits for earlier steps
tui-due-past = The wait is recorded as due on { $date }, a day that has already passed
tui-wait-past = { $date } has already passed; Enter keeps it all the same
tui-mode-material = Run: reference material
tui-key-material = the step's reference material: its section's introduction, the references it names, the procedure's others
tui-key-close-material = close the material
tui-material-title = Reference material for step { $step }
tui-material-section = Section «{ $section }»
tui-material-others = The procedure's other reference material:
tui-material-none = The procedure file has no reference material.
tui-material-hint = ≡ Reference material: i (F3 in the form)
tui-attach-hint = ✉ Files for letters: a (form: Alt-a)
tui-attach-hint-missing = ✉ A letter needs a file: a (form: Alt-a)
tui-reused-from = ↳ taken from the form «{ $form }»
tui-key-scroll-material = scroll the material: a line, a page, to the top or to the end
tui-key-dated = the same on another day: asks the date (today to begin with; typing replaces it)
tui-key-date-keep = record it on that day
tui-foot-date = record
tui-mode-date = The day it happened
tui-date-complete = Done on which day? (DD.MM.YYYY)
tui-date-wait = Waiting since which day? (DD.MM.YYYY)
tui-date-pass-over = Not needed since which day? (DD.MM.YYYY)
tui-date-start = Begun on which day? (DD.MM.YYYY)
tui-date-future = { $date } is after today: a step is recorded on the day it happened
tui-key-type-day = the day, DD.MM.YYYY
tui-letter-attach = Attached: { $files }
tui-letter-added-file = Enclosed: { $what } — file «{ $name }»
tui-letter-added-missing = Enclosed: { $what } — no file yet (a adds it)
tui-mark-reached = control event reached
tui-mark-milestone = control event not reached yet
tui-impact-done-skipped = ✗ done, would stop applying (kept aside): { $number }. { $title }
tui-impact-incomplete = ! done, would need { $fields }: { $number }. { $title }

## Organisations in the wizard

tui-mode-organisations = Organisations
tui-mode-organisation = An organisation's values
tui-key-organisations = the organisations you work for: add or edit one
tui-foot-organisations = organisations
tui-key-run-org = choose the organisation the run belongs to (or none)
tui-foot-run-org = organisation
tui-key-open-org = open the organisation, or add a new one
tui-key-orgs-back = back to the home screen
tui-key-type-org = fill in the selected value: the editor opens with what is typed
tui-key-to-orgs = back to the list of organisations
tui-foot-orgs = list
tui-orgs-title = Organisations
tui-orgs-new = + new organisation
tui-orgs-none = No organisations yet: add the first; its requisites go into forms and letters.
tui-orgs-hint = Enter opens; values are saved at once. A run is given to an organisation when it is started.
tui-org-title = Organisation { $id }
tui-org-hint = Enter edits a value; each is checked and saved at once.
tui-org-runs = { $count ->
    [one] { $count } run
   *[other] { $count } runs
}
tui-org-invalid = { $key }: { $reason }. Not saved: correct it or press Esc.
tui-org-saved = { $key }: saved
tui-new-run-org = Organisation (↑/↓): { $org }
tui-new-run-no-org = none
tui-key-orgs-ends = the first or the last line of the list
tui-key-org-value = the next or previous value
tui-key-org-value-ends = the first or the last value
tui-key-org-edit = edit the value (it is checked and saved at once)
tui-key-org-edit-backspace = edit the value, its last character erased
tui-key-org-clear = remove the value (saved at once)
tui-foot-value = value
tui-new-run-no-orgs = No organisations yet: o on the home screen adds them.
tui-mode-journal = Run: journal of changes
tui-key-journal = the journal: every change to the run, newest first — when, what and how it changed
tui-key-scroll-journal = scroll the journal: a line, a page, to the top or to the end
tui-key-close-journal = close the journal
tui-journal-empty = No changes yet.
tui-mode-attachments = Run: files for the step's letters
tui-mode-attach-path = Run: the path of a file for a letter
tui-key-attach = files for the step's letters (a signed scan, say): add or take away
tui-key-attach-file = give the file for the selected attachment (its path)
tui-key-detach-file = take the file away from the letter (u on the step brings it back)
tui-key-close-attachments = close the list
tui-key-type-path = the file's path: ~ is the home folder; it can be pasted
tui-key-attach-keep = add the file to the letter (copied into the data folder, at most 25 MB)
tui-key-attach-cancel = back to the list: nothing is added
tui-foot-attach-file = give file
tui-foot-detach-file = take away
tui-foot-attach-keep = add
tui-attach-title = Files for the letters: { $step }
tui-attach-has-file = for the letter «{ $letter }»: file «{ $name }», { $size }
tui-attach-no-file-yet = for the letter «{ $letter }»: no file yet
tui-attach-path-title = File: { $what }
tui-attach-into = It goes with the letter «{ $letter }».
tui-attach-path-hint = The file's path (PDF, JPEG and the like, at most 25 MB); ~ is the home folder.
tui-attach-path-needed = Type the file's path, for instance ~/Documents/scan.pdf
tui-attach-none = The letters of step «{ $step }» take no file from the officer.
tui-attach-no-file = This attachment has no file: there is nothing to take away.
tui-attached = The file «{ $name }» ({ $size }) is added to the letter «{ $letter }»
tui-detached = The file «{ $name }» is taken away from the letter «{ $letter }»
tui-mode-rename = Home screen: a run's new label
tui-mode-confirm-delete = Home screen: delete the run?
tui-mode-shelf = Archived and deleted runs
tui-key-rename = rename the selected run
tui-key-archive = put the selected run in the archive (A brings it back)
tui-key-delete-run = delete the selected run (asks first; kept 30 days, A brings it back)
tui-key-shelf = archived and deleted runs: see them and bring one back
tui-foot-shelf = archive
tui-key-keep-label = keep the new label
tui-key-cancel-rename = cancel: the label stays as it was
tui-key-confirm-delete = delete the run
tui-key-keep-run = keep the run
tui-foot-delete = delete
tui-key-restore = bring the selected run back to the home screen
tui-foot-restore = bring back
tui-rename-title = The run's new label
tui-rename-hint = Enter keeps it; Esc leaves the label as it was.
tui-same-label = ⚠ { $count ->
    [one] Another run of this procedure, started { $started }, already has this label.
   *[other] Other runs of this procedure, started { $started }, already have this label.
} You may keep it, but the runs will be harder to tell apart.
tui-renamed-same-label = { $count ->
    [one] Another run of this procedure, started { $started }, already has the label “{ $label }”.
   *[other] Other runs of this procedure, started { $started }, already have the label “{ $label }”.
}
tui-renamed = Run renamed: “{ $label }”
tui-archived = “{ $label }” is in the archive. To see it and bring it back: A (archived and deleted) or poryadok restore { $id }
tui-deleted = “{ $label }” is deleted; it is kept { $days } days. To bring it back: A (archived and deleted) or poryadok restore { $id }
tui-restored = “{ $label }” is back on the home screen
tui-no-run-selected = Select a run in the list of runs in progress first (Tab switches lists).
tui-delete-title = Delete the run?
tui-delete-question = Delete the run “{ $label }” ({ $procedure })?
tui-delete-kept = Its files are kept { $days } days in the folder runs/deleted. Until then it can be brought back: A on the home screen (archived and deleted) or the command poryadok restore { $id }. After that it is gone for good.
tui-delete-keys = Enter deletes it; Esc keeps it.
tui-shelf-title = Archived and deleted runs
tui-shelf-archived = In the archive
tui-shelf-deleted = Deleted (kept { $days } days)
tui-shelf-none = none
tui-shelf-archived-since = in the archive since { $date }
tui-shelf-deleted-on = deleted { $date }, can be brought back until { $until }
tui-shelf-hint = Enter opens a run in the archive (it stays there); r brings the selected run back to the home screen; Esc goes back.
tui-shelf-unreadable = the file cannot be read: { $problem }
tui-key-open-archived = open the selected run in the archive to read it (it stays in the archive)
tui-shelf-deleted-open = A deleted run does not open: bring it back first (r).
