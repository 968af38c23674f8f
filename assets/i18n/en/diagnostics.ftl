## Problems in procedure files, as `poryadok check` reports them

diag-level-error = error
diag-level-warning = warning
diag-level-help = help
diag-level-note = note
diag-at = in { $path }

diag-file-unreadable = cannot read the file: { $detail }
diag-file-empty = the file is empty
diag-file-too-large = the file is too large: { $size } bytes, at most { $limit } are read
diag-invalid-utf8 = the file is not valid UTF-8 text
diag-toml-syntax = TOML syntax error: { $detail }
diag-missing-key = the required key `{ $key }` is missing
diag-wrong-type = wrong type: found { $found }{ $value }, expected { $expected }
diag-unknown-value = unknown value '{ $value }'
diag-invalid-value = invalid value: { $detail }
diag-unknown-key = unknown key `{ $key }`
diag-format-unsupported = format version { $found } is not supported; this build reads version { $supported }
diag-not-an-array = `{ $key }` must be an array of tables, written `[[{ $key }]]`
diag-empty-procedure = the procedure has no steps
diag-bad-id = '{ $id }' is not a valid identifier
diag-duplicate-id = the identifier '{ $id }' is defined twice
diag-unknown-reference = there is no { $kind } '{ $name }'
diag-unsafe-text = the text holds { $kind ->
    [control] a control character ({ $char }), which can start a terminal escape sequence
    [bidi] a bidirectional override ({ $char }), which makes text display in a different order
   *[line-break] a line break ({ $char }) where the text must stay on one line
}
diag-blank-text = the text is empty
diag-dependency-cycle = the dependencies go round in a circle: { $cycle }
diag-self-dependency = the step '{ $id }' requires itself
diag-reason-without-requires = `requires_reason` without `requires`: there is nothing to wait for
diag-reason-not-required = a reason for '{ $id }', which is not in `requires`
diag-decided-twice = the choice '{ $id }' is already decided at the step '{ $step }'; a choice is made at one step
diag-inline-table-lines = this inline table has { $problem }: TOML 1.1 allows it, TOML 1.0 (which editors follow) does not
inline-problem-line-break = a line break
inline-problem-trailing-comma = a comma before `{"}"}`
diag-empty-section = the section '{ $id }' has no steps
diag-condition-shape = { $problem ->
    [subject] a condition needs exactly one of `choice`, `field`, `all`, `any`, `not`
    [test] a condition on `choice` or `field` needs exactly one of `is`, `in` (or `filled` for a field)
    [stray] a condition holds a key that does not belong with the others
   *[empty] `all`, `any` and `in` need at least one entry
}
diag-condition-value = the condition compares with '{ $value }', which can never be the value
diag-too-few-options = { $count ->
    [one] only { $count } option: a choice needs at least 2
   *[other] only { $count } options: a choice needs at least 2
}
diag-duplicate-option = the option '{ $value }' is listed twice
diag-default-not-option = the default '{ $value }' is not one of the options
diag-default-wrong-type = the default does not fit a field of type `{ $type }`
diag-key-not-for-type = `{ $key }` does not apply to { $type ->
    [result] a step result
   *[other] a field of type `{ $type }`
}
diag-missing-type = the field has no `type`
diag-field-definition = a field with `reuse` takes its definition from the original: `{ $key }` is not allowed here
diag-nested-table = a table column cannot itself be a table
diag-empty-table = a table field needs at least one `[[…column]]`
diag-bad-pattern = the pattern is not a valid regular expression: { $detail }
diag-pattern-message-alone = `pattern_message` without `pattern`
diag-bad-bounds = the bounds do not fit: min { $min }, max { $max }
diag-bad-url = '{ $value }' is not a web or mail address
diag-bad-email = '{ $value }' is not an e-mail address
diag-letter-without-recipient = the letter has no recipient (`to`)
diag-bad-deadline = a deadline needs exactly one of `working_days`, `calendar_days`, greater than zero
diag-bad-deadline-start = a deadline counts from a step (`from`) or from a date field (`from_field`), one of them, and `from_field` must name a field of type `date`
diag-bad-placeholder = the placeholder {"{{"}{ $name }{"}}"} names no field
diag-form-without-fields = the form '{ $id }' has no fields
diag-reuse-columns = `reuse_columns` only applies when '{ $id }' is a table

help-invalid-utf8 = save the file as UTF-8 (in most editors: "Save with encoding", UTF-8)
help-file-empty = a procedure file starts with a `[procedure]` table; see docs/procedure-format.md
help-missing-procedure = add a `[procedure]` table with format, id, title, version, source and summary
help-not-an-array = write each entry as its own `[[{ $key }]]` table
help-reason-not-required = add the step to `requires`, or remove its reason
help-did-you-mean = did you mean '{ $value }'?
help-gate-is-requires = `gate` is not a kind of step: a step that may start only after another says so itself, with `requires = ["…"]` (and `requires_reason`)
help-inline-table-lines = keep an inline table on one line, without a comma before `{"}"}`: TOML 1.0 allows nothing else
help-expected-one-of = expected one of: { $values }
help-bad-id = use Latin lowercase letters, digits, '-' and '_', starting with a letter or digit
help-first-defined = first defined at { $path }
help-define-it = define it, or correct the name
help-format-unsupported = update poryadok, or write the file in format 1
help-empty-procedure = add at least one `[[step]]`
help-officer-builtin = 'officer' is always there and needs no `[[actor]]`
help-bad-deadline = e.g. `deadline = { "{" } working_days = 20, from = "step-id" { "}" }`
help-bad-deadline-start = e.g. `deadline = { "{" } working_days = 3, from_field = "appointment_date" { "}" }`
help-bad-url = links may only be https://, http:// or mailto: addresses
help-dependency-cycle = remove one of the `requires`, or move a step so that it comes after what it needs
help-form-without-fields = add `[[form.field]]` entries, or mark the form `external = true` if it is filled outside poryadok
help-field-needs-id = give the field an `id`, or `reuse` a field defined in another form
help-missing-type = add e.g. `type = "text"`; see docs/procedure-format.md for the types
help-field-definition = remove it: the original field defines it
help-default-wrong-type = give a default that a `{ $type }` field can hold
help-condition-shape = e.g. `when = { "{" } choice = "variant", is = "v1" { "}" }`
help-condition-compare = `is` and `in` compare select, multiselect and yes/no fields; use `filled` for others
help-unsafe-text = remove the character; text shown to the officer may not hold control characters or bidirectional overrides
help-unsafe-line-break = this key holds one line; use a body or help text for several lines

## Types of TOML values, as the messages name them
type-string = a string
type-integer = an integer
type-count = a whole number, 0 or more
invalid-value-detail = { $found }{ $value }, expected { $expected }
type-number = a number
type-boolean = true or false
type-array = an array
type-table = a table
type-datetime = a date and time
type-other = { $name }

# toml's own words for a syntax error (kept as toml says them; Russian in the Russian file).
toml-duplicate-key = duplicate key
toml-string-values-must-be-quoted = string values must be quoted
toml-invalid-basic-string = invalid basic string
toml-invalid-literal-string = invalid literal string
toml-invalid-string = invalid string
toml-invalid-boolean = invalid boolean
toml-invalid-fraction = invalid fraction
toml-invalid-exponent = invalid exponent
toml-invalid-date-time = invalid date-time
toml-invalid-float = invalid float
toml-invalid-integer-number = invalid integer number
toml-invalid-hexadecimal-number = invalid hexadecimal number
toml-invalid-octal-number = invalid octal number
toml-invalid-binary-number = invalid binary number
toml-invalid-key = invalid key
toml-invalid-table = invalid table
toml-invalid-unquoted-key = invalid unquoted key
toml-invalid-value = invalid value
toml-invalid-key-value-pair = invalid key-value pair
toml-invalid-inline-table-element = invalid inline table element
toml-invalid-comment-character = invalid comment character
toml-unclosed-table = unclosed table
toml-unclosed-array-table = unclosed array table
toml-unclosed-array = unclosed array
toml-unclosed-inline-table = unclosed inline table
toml-key-with-no-value = key with no value
toml-missing-value-for-key = missing value for key
toml-missing-value = missing value
toml-extra-eq = extra `=`
toml-missing-inline-table-opening = missing inline table opening
toml-missing-array-opening = missing array opening
toml-extra-comma-in-array = extra comma in array
toml-unexpected-eq-in-array = unexpected `=` in array
toml-missing-comma-between-array-elements = missing comma between array elements
toml-extra-comma-in-inline-table = extra comma in inline table
toml-extra-assignment-between-key-value-pairs = extra assignment between key-value pairs
toml-missing-key-for-inline-table-element = missing key for inline table element
toml-missing-assignment-between-key-value-pairs = missing assignment between key-value pairs
toml-missing-comma-between-key-value-pairs = missing comma between key-value pairs
toml-unexpected-key-or-value = unexpected key or value
toml-unexpected-content-between-comment-and-newline = unexpected content between comment and newline
toml-unexpected-content = unexpected content
toml-missing-table-open = missing table open
toml-unexpected-leading-zero = unexpected leading zero
toml-unexpected-sign = unexpected sign
toml-redundant-numeric-sign = redundant numeric sign
toml-redundant-integer-number-prefix = redundant integer number prefix
toml-integers-with-a-radix-cannot-be-signed = integers with a radix cannot be signed
toml-radix-must-be-lowercase = radix must be lowercase
toml-underscore-may-only-go-between-digits = `_` may only go between digits
toml-keys-cannot-be-multi-line-basic-strings = keys cannot be multi-line basic strings
toml-keys-cannot-be-multi-line-literal-strings = keys cannot be multi-line literal strings
toml-unquoted-keys-cannot-be-empty = unquoted keys cannot be empty
toml-missing-opening-quote = missing opening quote
toml-missing-escaped-value = missing escaped value
toml-missing-comment-start = missing comment start
toml-carriage-return-must-be-followed-by-newline = carriage return must be followed by newline
toml-too-few-unicode-value-digits = too few unicode value digits
toml-cannot-recurse-further-max-recursion-depth-met = cannot recurse further; max recursion depth met
toml-expect-nothing = nothing
toml-expect-digits = digits
toml-expect-numbers = numbers
toml-expect-letters = letters
toml-expect-key = key
toml-expect-value = value
toml-expect-literal-string = literal string
toml-expect-basic-string = basic string
toml-expect-multi-line-basic-string = multi-line basic string
toml-expect-multi-line-literal-string = multi-line literal string
toml-expect-unicode-hexadecimal-value = unicode hexadecimal value
toml-expect-printable-characters = printable characters
toml-expect-characters = characters
toml-expect-non-single-quote-visible-characters = non-single-quote visible characters
toml-expect-non-single-quote-characters = non-single-quote characters
toml-expect-non-double-quote-visible-characters = non-double-quote visible characters
toml-expect-newline = newline
toml-expect-whitespace = whitespace
toml-expect-comment = comment
toml-expect-string = string
toml-expect-integer = integer
toml-expect-float = float
toml-expect-boolean = boolean
toml-expect-date-time = date-time
toml-expected = { $what }, expected { $expected }
toml-list = { $item }
toml-list-more = { $list }, { $next }
