export-yes = yes
export-report-run = Run
export-report-progress = Steps done
export-report-exported = Exported
export-report-not-chosen = not chosen
export-report-done-at = done
export-report-due = due
export-report-due-missed = missed
export-report-due-kept = in time
export-report-note = Note
export-report-journal = Journal of changes
export-report-when = When
export-report-what = What
export-report-was = Was
export-report-became = Became
export-report-undo = undo
export-report-step = Step
export-report-status = Status
export-report-dates = Dates
export-number = No.
export-no = no
export-rows = { $count ->
    [one] { $count } row
   *[other] { $count } rows
}
export-secret-left-out = (not exported: a secret value)
export-state-in-progress = started
export-state-waiting = waiting for an answer
export-state-done = done
export-state-passed-over = not needed
export-date = Date
