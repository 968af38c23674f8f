export-yes = yes
export-attach-by-hand = Attach: “{ $form }” (filled in the issuer's own template, outside poryadok)
export-attach-by-hand-link = Attach: “{ $form }” (filled in the issuer's own template; blank: { $link })
export-failed = The export failed: { $detail }
export-no-folder = No documents folder found; name one with --out FOLDER
export-write-failed = Could not write into { $folder }: { $detail }. The folder is as it was.
export-written = { $count ->
    [one] Wrote { $count } file into { $folder }:
   *[other] Wrote { $count } files into { $folder }:
}
export-report-run = Run
export-report-progress = Steps done
export-report-exported = Exported
export-report-not-chosen = not chosen
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
export-report-due-column = Due
export-number = No.
export-no = no
export-rows = { $count ->
    [one] { $count } row
   *[other] { $count } rows
}
export-secret-left-out = (not exported: a secret value)
export-date = Date
export-eml-body-to = To: { $recipients }
export-eml-body-cc = Copy: { $recipients }
export-eml-unsafe-header = The letter «{ $letter }» (step { $step }) was not exported: { $header ->
    [subject] its subject
    [to] a recipient
    [cc] a recipient in copy
   *[file] the name of an attachment
} holds { $kind ->
    [line-break] a line break
   *[control] a control character
} ({ $char }), which could add headers to the message. Remove it from the value and export again.
export-eml-file-name = The letter «{ $letter }» (step { $step }) was not exported: the attachment name «{ $name }» is not a plain file name.
export-eml-mime-type = The letter «{ $letter }» (step { $step }) was not exported: «{ $mime }» is not a MIME type.
export-journal-field = Field “{ $label }”
export-journal-step = Step { $number } “{ $title }”
export-journal-note = Note on step { $number } “{ $title }”
export-journal-choice = Choice “{ $title }”
export-not-ours = { $folder } holds files and was not made by poryadok: its content is not replaced. Name an empty or new folder: --out FOLDER
export-document-failed = { $format }: “{ $document }” was not exported: { $detail }
export-report-file = Run report
export-nothing = Nothing to write in the formats { $formats }; no file was written:{ $docx ->
    [1] { " " }no form of the steps that apply has a value filled;
   *[0] {""}
}{ $tables ->
    [1] { " " }no table field is filled;
   *[0] {""}
}{ $eml ->
    [1] { " " }the steps that apply have no letters;
   *[0] {""}
}{ $ics ->
    [1] { " " }no date is still to keep;
   *[0] {""}
}{ $pdf ->
    [1] { " " }PDFs are made of the forms (DOCX) and tables (XLSX), and there are none;
   *[0] {""}
} the report is in the formats md, html, json.
export-signature = (signature)
export-signature-name = (name)
export-ics-file = Dates
export-ics-name = Dates: { $run }
export-ics-deadline = Due: step { $number }. { $title }
export-ics-wait = Waiting for an answer: step { $number }. { $title }
export-ics-step = Step { $number }. { $title }
export-ics-rule = Rule: { $rule }
export-ics-forecast = A forecast: the production calendar of that year is not published yet.
export-pdf-not-installed = No PDF was made: LibreOffice (the soffice program) is not installed. Install it and export again: sudo apt-get install libreoffice-writer libreoffice-calc
export-pdf-failed = Not every PDF was made: { $detail }
export-letter-file = { $file } (file «{ $name }»)
export-added-missing = The added file «{ $name }» is no longer in the run's data ({ $folder }); attach it again: poryadok attach
export-added-unreadable = The added file «{ $name }» could not be read from the run's data ({ $detail }); attach it again: poryadok attach
export-letter-added = { $file } (attached separately)
export-letter-contact = Contact: { $contact }
export-letter-attachment = Enclosure: { $what }.
export-letter-attachments = Enclosures:
export-letter-head = Head
