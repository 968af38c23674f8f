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
