## Plurals and counts

count-steps = { $count ->
    [one] { $count } шаг
    [few] { $count } шага
   *[many] { $count } шагов
}
count-days = { $count ->
    [one] { $count } день
    [few] { $count } дня
   *[many] { $count } дней
}

## Command line

cli-error = ошибка: { $detail }
check-ok = готово: проверено { $files ->
    [one] { $files } файл процедуры
    [few] { $files } файла процедур
   *[many] { $files } файлов процедур
}, { $steps ->
    [one] { $steps } шаг
    [few] { $steps } шага
   *[many] { $steps } шагов
}, ошибок нет
check-failed = { $errors ->
    [one] { $errors } ошибка
    [few] { $errors } ошибки
   *[many] { $errors } ошибок
} в { $failed } из { $files ->
    [one] { $files } файла
   *[many] { $files } файлов
}
origin-bundled = встроенная
origin-user = папка пользователя
origin-given = --procedures
list-version = редакция
list-overridden = заменена процедурой с тем же id
list-overrides = заменяет процедуру из источника «{ $origin }»
list-broken = не может использоваться: { $errors ->
    [one] { $errors } ошибка
    [few] { $errors } ошибки
   *[many] { $errors } ошибок
} ({ $origin }: { $path }); выполните `poryadok check { $path }`
list-user-folder = Собственные процедуры кладите в папку { $path }
