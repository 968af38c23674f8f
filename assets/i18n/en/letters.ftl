## Letters: what a procedure may put in a letter

diag-multiline-in-subject = the subject names {"{{"}{ $name }{"}}"}, a multi-line field; a subject is one line
help-multiline-in-subject = put a single-line field in the subject and the multi-line one in the body
