## The plain mode (src/plain): the wizard line by line, for screen readers and terminals that
## cannot draw. Every line is read on its own, in order: no marks or symbols stand for words.

plain-welcome = poryadok, line by line. Every change is saved at once; q quits.
plain-bye = Goodbye. Everything is saved.
plain-unknown-procedure = There is no procedure { $id }; `poryadok list` lists them.
plain-not-a-choice = '{ $typed }' is not one of the numbers 1 to { $count }.
plain-not-a-command = '{ $typed }' is not a command; ? lists them.
plain-not-accepted = Not kept: { $problem }. Type it again, or an empty line to leave it as it was.

## Home

plain-home-no-runs = No runs yet.
plain-home-runs = Runs in progress: { $count }.
plain-home-run = { $label }, { $procedure }: { $state }
plain-home-procedures = Procedures that can be started: { $count }.
plain-home-procedure = { "  " }{ $number }. { $title }, { $steps }
plain-home-prompt = Type a number to open a run or start a procedure; q quits.
plain-new-run = A new run of the procedure: { $procedure }.
plain-new-run-label = Who is this run for (the organisation, the information system)?
plain-label-needed = Type a label first: it tells this run from other runs of the same procedure.
plain-run-created = Run { $id } started.

## A run

plain-run = Run «{ $label }»: { $procedure }. { $done } of { $all } steps done.
plain-section = Section: { $title }.
plain-blocked = blocked: other steps come first
plain-choose-step = Type a step's number to open it, or an empty line to stay on the current one.
plain-step = Step { $number } of { $all }: { $title }.
plain-state = State: { $state }.
plain-actor = Done by: { $actor }.
plain-decide = To decide: { $choice } — not chosen yet (command v).
plain-decided = Decided: { $choice } — { $option }.
plain-deadline = Deadline: { $deadline }.
plain-prepare = Prepare: { $items }.
plain-link = Link: { $title }, { $url }
plain-letter = Letter: { $title }.
plain-letter-to = To: { $to }.
plain-letter-cc = Copy: { $cc }.
plain-letter-subject = Subject: { $subject }.
plain-letter-added-file = Enclosed: { $what }, file «{ $name }».
plain-letter-added-missing = Enclosed: { $what }, no file yet; to give it: poryadok attach { $run } { $step } { $number } FILE.
plain-commands = Commands: { $fields }s start, c done, w waiting for an answer (a date after the letter for another day: c 03.12.2026), n next step, l list of steps, v variant, u undo, d documents, h home, q quit.
plain-commands-optional = Commands: { $fields }s start, c done, w waiting for an answer, p not needed (a date after the letter for another day: c 03.12.2026), n next step, l list of steps, v variant, u undo, d documents, h home, q quit.
plain-commands-done = Commands: { $fields }r reopen, n next step, l list of steps, v variant, u undo, d documents, h home, q quit.
plain-commands-fields = a field's number to fill it,{ " " }
plain-commands-no-fields = {""}
plain-step-prompt = Command or field number (? lists the commands):
plain-step-help = A field's number fills it. s starts the step, c marks it done, w marks it waiting for an answer from outside, r reopens a done step, p marks an optional step not needed; after s, c, w and p, a space and the day it happened records it on that day (c 03.12.2026 or c 2026-12-03), without one today, and a day after today is not recorded. n goes to the next step, l lists the steps, v chooses a variant, u takes back the last change, d writes the run's documents, h goes home, q quits. Letters work in the Russian layout too.
plain-step-now = { $title }: { $state }. { $done } of { $all } steps done.
plain-last-step = This is the last step.
plain-save-failed = NOT SAVED: { $error }. The change is kept in memory and saved with the next one.
plain-set-aside = The procedure file changed; kept aside, as it no longer has a place for them: { $items }.
plain-edition-offered = The procedure file has a newer edition { $new }; the run keeps its own edition { $old }. What the new one changes:
plain-edition-take = Take the new edition? Type y for yes; n or an empty line for no.
plain-edition-kept = The run keeps the edition { $old }; not asked again. To take the new one later: poryadok edition { $id } --take
plain-edition-taken = The run now walks the edition { $version }; the change is in the journal.
plain-reopen-affected = The step is open again. { $count ->
    [one] A done step depends on it
   *[other] { $count } done steps depend on it
}: { $steps }.
plain-wait-due-forecast = The deadline of this step, { $date }, is counted on a forecast production calendar; the day may move once the official one is out.
plain-wait-until = Until which day is the answer awaited? Type a date (DD.MM.YYYY), or an empty line for no day.
plain-wait-not-accepted = Not recorded: { $problem }. Type the date again, or an empty line to wait with no due day.
plain-bad-day = Not recorded: '{ $typed }' — { $problem }. The day goes after the letter and a space: { $letter } 03.12.2026 or { $letter } 2026-12-03.
plain-recorded-started = Step «{ $title }» started on { $date }. { $done } of { $all } steps done.
plain-recorded-done = Step «{ $title }» done on { $date }. { $done } of { $all } steps done.
plain-recorded-passed = Step «{ $title }» not needed, marked on { $date }. { $done } of { $all } steps done.
plain-recorded-waiting = Step «{ $title }» waiting for an answer since { $date }, { $due }. { $done } of { $all } steps done.
plain-due-until = due by { $date }
plain-no-due = no due day

## Refusals

plain-refused = This cannot be done.
plain-refused-blocked = Not yet: first { $count ->
    [one] this step
   *[other] these { $count } steps
}: { $steps }.
plain-refused-incomplete = Not yet done: { $count ->
    [one] a field needs
   *[other] { $count } fields need
} fixing:
plain-field-problem = field { $number }, { $label }: { $problem }
plain-refused-done = The step is done already; r reopens it.
plain-refused-not-done = The step is not done yet.
plain-refused-skipped = The step does not apply to the chosen variant.
plain-refused-undecided = Choose a variant first (v).
plain-refused-not-optional = Only an optional step can be passed over.
plain-refused-nothing-to-undo = There is nothing to take back.

## Variants

plain-no-choices = This procedure has no variants to choose.
plain-not-chosen = not chosen
plain-choice = { "  " }{ $number }. { $title }: { $chosen }
plain-which-choice = Which choice? Type its number (1 to { $count }), or an empty line to go back.
plain-choice-options = { $title }. Now: { $chosen }. The options:
plain-option = { "  " }{ $number }. { $title }: { $applies ->
    [0] adds no steps
    [one] adds { $applies } step
   *[other] adds { $applies } steps
}, { $skipped ->
    [0] skips none
    [one] skips { $skipped } step
   *[other] skips { $skipped } steps
}
plain-which-option = Which option? Type its number (1 to { $count }), or an empty line to go back.
plain-chosen = Chosen: { $title }.
plain-already-chosen = This option is chosen already; nothing changed.
plain-impact = Choosing «{ $title }» would change:
plain-impact-nothing = { "  " }no steps.
plain-impact-done-skipped = { "  " }Done steps that would stop applying ({ $count }); their record is kept and comes back if the earlier option is chosen again:
plain-impact-incomplete = { "  " }Done steps that would need attention ({ $count }), as these fields become required:
plain-impact-applies = { "  " }Steps that would start to apply ({ $count }):
plain-impact-skipped = { "  " }Steps that would stop applying ({ $count }):
plain-impact-step = { "    " }{ $number }. { $title }
plain-impact-step-fields = { "    " }{ $number }. { $title }: { $fields }
plain-confirm-choice = Choose «{ $title }»? Type y for yes; n or an empty line for no.
plain-not-yes-no = '{ $typed }' is not an answer: y for yes, n or an empty line for no.
plain-choice-kept = The variant is not changed.

## Fields

plain-fields = Fields: { $count }.
plain-field = { $label }: { $state }
plain-empty = empty
plain-value = { $value }
plain-value-wrong = { $value }, WRONG: { $problem }
plain-secret-set = set (secret)
plain-required = required
plain-reused = from another form, filled there
plain-no-such-field = This step has no field { $typed }; its fields are numbered 1 to { $count }.
plain-field-reused = This value comes from another form and is filled there.
plain-kept = Left as it was.
plain-saved = Saved. { $field }
plain-asking = { $label }, { $required }. Now: { $current }.
plain-required-note = required
plain-optional-note = may be left empty
plain-type-text = Type the value; an empty line leaves it as it was, a minus sign clears it.
plain-type-secret = Type the value (it will be seen on the screen as it is typed); an empty line leaves it as it was, a minus sign clears it.
plain-type-lines = Type the text line by line, and a line of a single dot to end it; a dot alone leaves it as it was, a minus sign clears it.
plain-type-more-lines = Next line, or a single dot to end:
plain-pick-one = Type an option's number (1 to { $count }); an empty line leaves it as it was, a minus sign clears it.
plain-pick-many = Type the numbers of the options to choose (1 to { $count }), separated by commas; an empty line leaves it as it was, a minus sign clears it.
plain-table = Table { $label }: { $count ->
    [0] no rows yet
    [one] { $count } row
   *[other] { $count } rows
}.
plain-row = { "  " }Row { $row }: { $cells }.
plain-table-prompt = a adds a row, a row's number changes it, x and a number removes it (x 2); an empty line goes back to the step.
plain-row-removed = Row { $row } removed; u brings it back.
plain-cell = Row { $row }, { $column }
plain-edition-available = A newer edition { $version } of the procedure is available; the run keeps its own. What it changes: poryadok edition { $id }; to take it: poryadok edition { $id } --take
