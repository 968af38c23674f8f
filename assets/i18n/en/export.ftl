export-yes = yes
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
