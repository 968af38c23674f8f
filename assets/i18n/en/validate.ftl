## What is wrong with a value the officer typed

invalid-email = not an e-mail address (name@domain.ru)
invalid-phone-chars = a phone number holds only digits, spaces, +, -, ( and )
invalid-phone = { $digits ->
    [one] a Russian phone number has 10 digits after +7; found { $digits } digit
   *[other] a Russian phone number has 10 digits after +7; found { $digits } digits
}
invalid-mobile = a mobile number has 9 after +7: +7 9XX XXX-XX-XX
invalid-ip-empty = enter at least one IP address
invalid-ip = '{ $value }' is not an IPv4 or IPv6 address
invalid-cidr = '{ $value }' is not an address range (e.g. 10.0.0.0/24)
invalid-date-format = enter the date as DD.MM.YYYY
invalid-date = there is no such date
invalid-url = a web address starts with https:// or http://
invalid-number = not a number
number-too-small = at least { $min }
number-too-large = at most { $max }
invalid-not-digits = { $name } holds only digits
invalid-length = { $name } has { $expected } digits; found { $found }
invalid-check-digit = the check digit does not match: the { $name } has a typo
invalid-kpp = KPP has 9 characters: 4 digits, 2 digits or Latin capitals, 3 digits
field-cell = row { $row }, “{ $column }”: { $problem }
field-required = required: fill it in
field-pattern = the value does not have the expected form
field-unknown-option = «{ $option }» is not one of the options
field-wrong-shape = the value does not fit this kind of field
field-pattern-custom = { $message }
