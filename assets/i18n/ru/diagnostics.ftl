## Ошибки в файлах процедур, как их показывает `poryadok check`

diag-level-error = ошибка
diag-level-warning = предупреждение
diag-level-help = подсказка
diag-level-note = примечание
diag-at = место в файле: { $path }

diag-file-unreadable = не удалось прочитать файл: { $detail }
diag-file-empty = файл пуст
diag-file-too-large = файл слишком большой: { $size } байт, читается не более { $limit }
diag-invalid-utf8 = файл не является текстом в кодировке UTF-8
diag-toml-syntax = синтаксическая ошибка TOML: { $detail }
diag-missing-key = нет обязательного ключа `{ $key }`
diag-wrong-type = неверный тип: { $found }{ $value }, а ожидается { $expected }
diag-unknown-value = неизвестное значение '{ $value }'
diag-invalid-value = недопустимое значение: { $detail }
diag-unknown-key = неизвестный ключ `{ $key }`
diag-format-unsupported = версия формата { $found } не поддерживается; эта сборка читает версию { $supported }
diag-not-an-array = `{ $key }` должен быть массивом таблиц: `[[{ $key }]]`
diag-empty-procedure = в процедуре нет ни одного шага
diag-bad-id = '{ $id }' не подходит как идентификатор
diag-duplicate-id = идентификатор '{ $id }' определён дважды
diag-unknown-reference = { $kind ->
    [step] нет шага
    [section] нет раздела
    [actor] нет участника
    [form] нет формы
    [field] нет поля
    [choice] нет выбора
    [page] нет страницы
    [column] нет столбца
    [reference] нет справочного материала
   *[other] нет объекта
} '{ $name }'
diag-unsafe-text = в тексте { $kind ->
    [control] управляющий символ ({ $char }), с которого может начинаться escape-последовательность терминала
    [bidi] символ смены направления письма ({ $char }), из-за которого текст показывается не в том порядке
   *[line-break] перевод строки ({ $char }) там, где текст должен быть в одну строку
}
diag-blank-text = текст пуст
diag-dependency-cycle = зависимости замыкаются в круг: { $cycle }
diag-self-dependency = шаг '{ $id }' зависит сам от себя
diag-reason-without-requires = `requires_reason` без `requires`: ждать нечего
diag-reason-not-required = причина для '{ $id }', которого нет в `requires`
diag-decided-twice = выбор '{ $id }' уже делается на шаге '{ $step }'; выбор делается на одном шаге
diag-inline-table-lines = во встроенной таблице { $problem }: TOML 1.1 это допускает, а TOML 1.0 (которому следуют редакторы) — нет
inline-problem-line-break = перенос строки
inline-problem-trailing-comma = запятая перед `{"}"}`
diag-empty-section = в разделе '{ $id }' нет шагов
diag-condition-shape = { $problem ->
    [subject] в условии нужен ровно один из ключей `choice`, `field`, `all`, `any`, `not`
    [test] условию по `choice` или `field` нужен ровно один из ключей `is`, `in` (или `filled` для поля)
    [stray] в условии есть ключ, который не сочетается с остальными
   *[empty] `all`, `any` и `in` не могут быть пустыми
}
diag-condition-value = условие сравнивает со значением '{ $value }', которого не может быть
diag-too-few-options = { $count ->
    [one] всего { $count } вариант, а нужно не меньше 2
    [few] всего { $count } варианта, а нужно не меньше 2
   *[many] всего { $count } вариантов, а нужно не меньше 2
}
diag-duplicate-option = вариант '{ $value }' указан дважды
diag-default-not-option = значение по умолчанию '{ $value }' не входит в список вариантов
diag-default-wrong-type = значение по умолчанию не подходит полю типа `{ $type }`
diag-key-not-for-type = `{ $key }` не применяется { $type ->
    [result] к результату шага
   *[other] к полю типа `{ $type }`
}
diag-missing-type = у поля нет `type`
diag-field-definition = поле с `reuse` берёт определение у исходного: `{ $key }` здесь недопустим
diag-nested-table = столбец таблицы не может сам быть таблицей
diag-empty-table = табличному полю нужен хотя бы один `[[…column]]`
diag-bad-pattern = шаблон не является правильным регулярным выражением: { $detail }
diag-pattern-message-alone = `pattern_message` без `pattern`
diag-bad-bounds = границы не сходятся: min { $min }, max { $max }
diag-bad-url = '{ $value }' не является адресом сайта или почты
diag-bad-email = '{ $value }' не является адресом электронной почты
diag-letter-without-recipient = у письма нет получателя (`to`)
diag-bad-deadline = у срока должен быть ровно один из ключей `working_days`, `calendar_days`, больше нуля
diag-bad-deadline-start = срок отсчитывается от шага (`from`) или от поля с датой (`from_field`), только от одного из них, и `from_field` должен называть поле типа `date`
diag-bad-placeholder = подстановка {"{{"}{ $name }{"}}"} не называет ни одного поля
diag-form-without-fields = в форме '{ $id }' нет полей
diag-reuse-columns = `reuse_columns` применяется, только если '{ $id }' — таблица

help-invalid-utf8 = сохраните файл в кодировке UTF-8 (в большинстве редакторов: «Сохранить в кодировке», UTF-8)
help-file-empty = файл процедуры начинается с таблицы `[procedure]`; см. docs/procedure-format.md
help-missing-procedure = добавьте таблицу `[procedure]` с ключами format, id, title, version, source и summary
help-not-an-array = запишите каждую запись отдельной таблицей `[[{ $key }]]`
help-reason-not-required = добавьте шаг в `requires` или уберите его причину
help-did-you-mean = может быть, имелось в виду '{ $value }'?
help-gate-is-requires = `gate` — не вид шага: шаг, который можно начать только после другого, указывает это сам: `requires = ["…"]` (и `requires_reason`)
help-inline-table-lines = запишите встроенную таблицу в одну строку, без запятой перед `{"}"}`: TOML 1.0 допускает только так
help-expected-one-of = ожидается одно из: { $values }
help-bad-id = используйте строчные латинские буквы, цифры, '-' и '_', первым — букву или цифру
help-first-defined = первое определение: { $path }
help-define-it = определите его или исправьте имя
help-format-unsupported = обновите poryadok или запишите файл в формате 1
help-empty-procedure = добавьте хотя бы один `[[step]]`
help-officer-builtin = участник 'officer' есть всегда, объявлять его в `[[actor]]` не нужно
help-bad-deadline = например, `deadline = { "{" } working_days = 20, from = "step-id" { "}" }`
help-bad-deadline-start = например, `deadline = { "{" } working_days = 3, from_field = "appointment_date" { "}" }`
help-bad-url = ссылки могут быть только адресами https://, http:// или mailto:
help-dependency-cycle = уберите одну из зависимостей `requires` или переставьте шаг после того, что ему нужно
help-form-without-fields = добавьте записи `[[form.field]]` или отметьте форму `external = true`, если она заполняется вне poryadok
help-field-needs-id = задайте полю `id` или используйте `reuse` поля из другой формы
help-missing-type = добавьте, например, `type = "text"`; типы описаны в docs/procedure-format.md
help-field-definition = уберите его: его задаёт исходное поле
help-default-wrong-type = задайте значение, которое может принять поле типа `{ $type }`
help-condition-shape = например, `when = { "{" } choice = "variant", is = "v1" { "}" }`
help-condition-compare = `is` и `in` сравнивают поля select, multiselect и yesno; для остальных используйте `filled`
help-unsafe-text = удалите символ: в тексте для сотрудника не может быть управляющих символов и символов смены направления
help-unsafe-line-break = этот ключ — одна строка; для нескольких строк используйте body или help

## Виды значений TOML, как их называют сообщения
type-string = строка
type-integer = целое число
type-count = целое число не меньше 0
invalid-value-detail = { $found }{ $value }, а ожидается { $expected }
type-number = число
type-boolean = true или false
type-array = массив
type-table = таблица
type-datetime = дата и время
type-other = { $name }

# toml's own words for a syntax error, in Russian.
toml-duplicate-key = повторяющийся ключ
toml-string-values-must-be-quoted = строковое значение пишется в кавычках
toml-invalid-basic-string = неверная строка в двойных кавычках
toml-invalid-literal-string = неверная строка в одинарных кавычках
toml-invalid-string = неверная строка
toml-invalid-boolean = неверное логическое значение
toml-invalid-fraction = неверная дробная часть
toml-invalid-exponent = неверный показатель степени
toml-invalid-date-time = неверная дата или время
toml-invalid-float = неверное дробное число
toml-invalid-integer-number = неверное целое число
toml-invalid-hexadecimal-number = неверное шестнадцатеричное число
toml-invalid-octal-number = неверное восьмеричное число
toml-invalid-binary-number = неверное двоичное число
toml-invalid-key = неверный ключ
toml-invalid-table = неверный заголовок таблицы
toml-invalid-unquoted-key = неверный ключ без кавычек
toml-invalid-value = неверное значение
toml-invalid-key-value-pair = неверная пара «ключ = значение»
toml-invalid-inline-table-element = неверный элемент встроенной таблицы
toml-invalid-comment-character = недопустимый символ в комментарии
toml-unclosed-table = заголовок таблицы не закрыт
toml-unclosed-array-table = заголовок массива таблиц не закрыт
toml-unclosed-array = массив не закрыт
toml-unclosed-inline-table = встроенная таблица не закрыта
toml-key-with-no-value = ключ без значения
toml-missing-value-for-key = у ключа нет значения
toml-missing-value = нет значения
toml-extra-eq = лишний знак `=`
toml-missing-inline-table-opening = встроенная таблица не открыта
toml-missing-array-opening = массив не открыт
toml-extra-comma-in-array = лишняя запятая в массиве
toml-unexpected-eq-in-array = знак `=` внутри массива
toml-missing-comma-between-array-elements = нет запятой между элементами массива
toml-extra-comma-in-inline-table = лишняя запятая во встроенной таблице
toml-extra-assignment-between-key-value-pairs = лишний знак `=` между парами «ключ = значение»
toml-missing-key-for-inline-table-element = у элемента встроенной таблицы нет ключа
toml-missing-assignment-between-key-value-pairs = нет знака `=` между ключом и значением
toml-missing-comma-between-key-value-pairs = нет запятой между парами «ключ = значение»
toml-unexpected-key-or-value = ключ или значение не на своём месте
toml-unexpected-content-between-comment-and-newline = лишний текст между комментарием и концом строки
toml-unexpected-content = лишний текст
toml-missing-table-open = заголовок таблицы не открыт
toml-unexpected-leading-zero = лишний ноль в начале числа
toml-unexpected-sign = знак числа не на своём месте
toml-redundant-numeric-sign = лишний знак числа
toml-redundant-integer-number-prefix = лишняя приставка числа
toml-integers-with-a-radix-cannot-be-signed = у числа с основанием не бывает знака
toml-radix-must-be-lowercase = основание числа пишется строчной буквой
toml-underscore-may-only-go-between-digits = знак `_` ставится только между цифрами
toml-keys-cannot-be-multi-line-basic-strings = ключ не может быть многострочной строкой
toml-keys-cannot-be-multi-line-literal-strings = ключ не может быть многострочной строкой
toml-unquoted-keys-cannot-be-empty = ключ без кавычек не может быть пустым
toml-missing-opening-quote = нет открывающей кавычки
toml-missing-escaped-value = нет символа после `\`
toml-missing-comment-start = нет знака `#` в начале комментария
toml-carriage-return-must-be-followed-by-newline = за возвратом каретки должен идти перевод строки
toml-too-few-unicode-value-digits = мало цифр в коде символа Юникода
toml-cannot-recurse-further-max-recursion-depth-met = слишком глубокая вложенность
toml-expect-nothing = ничего
toml-expect-digits = цифры
toml-expect-numbers = цифры
toml-expect-letters = буквы
toml-expect-key = ключ
toml-expect-value = значение
toml-expect-literal-string = строка в одинарных кавычках
toml-expect-basic-string = строка в двойных кавычках
toml-expect-multi-line-basic-string = многострочная строка
toml-expect-multi-line-literal-string = многострочная строка
toml-expect-unicode-hexadecimal-value = шестнадцатеричный код Юникода
toml-expect-printable-characters = печатные символы
toml-expect-characters = символы
toml-expect-non-single-quote-visible-characters = видимые символы, кроме `'`
toml-expect-non-single-quote-characters = символы, кроме `'`
toml-expect-non-double-quote-visible-characters = видимые символы, кроме `"`
toml-expect-newline = конец строки
toml-expect-whitespace = пробел
toml-expect-comment = комментарий
toml-expect-string = строка
toml-expect-integer = целое число
toml-expect-float = дробное число
toml-expect-boolean = true или false
toml-expect-date-time = дата и время
toml-expected = { $what }; нужно: { $expected }
toml-list = { $item }
toml-list-more = { $list }, { $next }
