## Что не так со значением, введённым сотрудником

invalid-email = это не адрес электронной почты (имя@домен.ru)
invalid-phone-chars = в номере телефона могут быть только цифры, пробелы, +, -, ( и )
invalid-phone = { $digits ->
    [one] в российском номере 10 цифр после +7, а введена { $digits } цифра
    [few] в российском номере 10 цифр после +7, а введено { $digits } цифры
   *[many] в российском номере 10 цифр после +7, а введено { $digits } цифр
}
invalid-mobile = номер мобильного телефона начинается с 9 после +7: +7 9XX XXX-XX-XX
invalid-ip-empty = укажите хотя бы один IP-адрес
invalid-ip = '{ $value }' не является адресом IPv4 или IPv6
invalid-cidr = '{ $value }' не является диапазоном адресов (например, 10.0.0.0/24)
invalid-date-format = введите дату в виде ДД.ММ.ГГГГ
invalid-date = такой даты не бывает
invalid-url = адрес сайта начинается с https:// или http://
invalid-number = это не число
number-too-small = не меньше { $min }
number-too-large = не больше { $max }
invalid-not-digits = { $name } состоит только из цифр
invalid-length = в { $name } { $expected } цифр, а введено { $found }
invalid-check-digit = не сходится контрольная цифра: в { $name } опечатка
invalid-kpp = КПП — 9 знаков: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры
field-cell = строка { $row }, «{ $column }»: { $problem }
field-required = обязательное поле: заполните его
field-pattern = значение не соответствует ожидаемому виду
field-unknown-option = «{ $option }» нет среди вариантов
field-wrong-shape = значение не подходит для поля этого вида
field-pattern-custom = { $message }
