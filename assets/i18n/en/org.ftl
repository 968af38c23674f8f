org-key-full-name = Full name
org-key-short-name = Short name
org-key-legal-address = Legal address
org-key-inn = INN
org-key-kpp = KPP
org-key-ogrn = OGRN
org-key-head-position = Head's position
org-key-head-name = Head's name
org-key-officer-name = Officer's name
org-key-officer-position = Officer's position
org-key-phone = Phone
org-key-email = E-mail
org-io = Could not read or write the register of organisations { $path }: { $error }
org-damaged = The register of organisations { $path } is damaged: { $error }. Correct the file, or remove it and fill it again.
org-none = No organisations yet. Add one: poryadok org NAME --full-name "…" --inn …
org-bad-id = “{ $id }” cannot name an organisation: one word without spaces
org-unknown = There is no organisation “{ $id }” in the register (poryadok org lists them)
org-removed = Organisation “{ $id }” removed from the register
org-invalid = { $key } ({ $option }): { $reason }. Nothing was changed.
org-no-procedure = The procedure “{ $procedure }” of this run was not found
org-run-given = Run { $run } now belongs to { $id }; { $count ->
    [0] no empty field takes its values
    [one] { $count } field filled
   *[other] { $count } fields filled
}
