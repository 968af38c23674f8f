org-key-full-name = Полное наименование
org-key-short-name = Сокращённое наименование
org-key-legal-address = Юридический адрес
org-key-inn = ИНН
org-key-kpp = КПП
org-key-ogrn = ОГРН
org-key-head-position = Должность руководителя
org-key-head-name = ФИО руководителя
org-key-officer-name = ФИО исполнителя
org-key-officer-position = Должность исполнителя
org-key-phone = Телефон
org-key-email = Электронная почта
org-io = Не удалось прочитать или записать реестр организаций { $path }: { $error }
org-damaged = Реестр организаций { $path } повреждён: { $error }. Исправьте файл или удалите его и заполните заново.
org-none = Организаций пока нет. Добавьте: poryadok org ИМЯ --full-name «…» --inn …
org-bad-id = «{ $id }» не годится как имя организации: нужно одно слово без пробелов
org-unknown = Организации «{ $id }» нет в реестре (poryadok org — список)
org-removed = Организация «{ $id }» удалена из реестра
org-invalid = { $key } ({ $option }): { $reason }. Ничего не изменено.
org-no-procedure = Процедура «{ $procedure }» этого прохождения не найдена
org-run-given = Прохождение { $run } отнесено к организации { $id }; { $count ->
    [0] пустых полей с её данными нет
    [one] заполнено { $count } поле
    [few] заполнено { $count } поля
   *[other] заполнено { $count } полей
}
