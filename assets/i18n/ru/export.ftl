export-yes = да
export-attach-by-hand = Приложить: «{ $form }» (заполняется по шаблону издателя)
export-attach-by-hand-link = Приложить: «{ $form }» (заполняется по шаблону издателя, бланк: { $link })
export-failed = Выгрузка не получилась: { $detail }
export-no-folder = Не удалось найти папку документов; укажите папку: --out ПАПКА
export-write-failed = Не удалось записать в { $folder }: { $detail }. Папка осталась как была.
export-written = { $count ->
    [one] Записан { $count } файл в { $folder }:
    [few] Записано { $count } файла в { $folder }:
   *[many] Записано { $count } файлов в { $folder }:
}
export-report-run = Прохождение
export-report-progress = Выполнено шагов
export-report-exported = Выгружено
export-report-not-chosen = не выбрано
export-report-due = срок
export-report-due-missed = срок пропущен
export-report-due-kept = в срок
export-report-note = Заметка
export-report-journal = Журнал изменений
export-report-when = Когда
export-report-what = Что
export-report-was = Было
export-report-became = Стало
export-report-undo = отмена
export-report-step = Шаг
export-report-status = Состояние
export-report-due-column = Срок
export-number = №
export-no = нет
export-rows = { $count ->
    [one] { $count } строка
    [few] { $count } строки
   *[many] { $count } строк
}
export-secret-left-out = (не выгружается: секретное значение)
export-eml-body-to = Кому: { $recipients }
export-eml-body-cc = Копия: { $recipients }
export-eml-unsafe-header = Письмо «{ $letter }» (шаг { $step }) не выгружено: { $header ->
    [subject] в его теме
    [to] в получателе
    [cc] в получателе копии
   *[file] в имени вложения
} есть { $kind ->
    [line-break] перенос строки
   *[control] управляющий символ
} ({ $char }), который мог бы добавить в письмо чужие заголовки. Уберите его из значения и выгрузите снова.
export-eml-file-name = Письмо «{ $letter }» (шаг { $step }) не выгружено: «{ $name }» — не имя файла для вложения.
export-eml-mime-type = Письмо «{ $letter }» (шаг { $step }) не выгружено: «{ $mime }» — не тип MIME.
export-date = Дата
export-journal-field = Поле «{ $label }»
export-journal-step = Шаг { $number } «{ $title }»
export-journal-note = Заметка к шагу { $number } «{ $title }»
export-journal-choice = Выбор «{ $title }»
export-not-ours = В папке { $folder } есть файлы, и её создал не poryadok: её содержимое не заменяется. Укажите пустую или новую папку: --out ПАПКА
export-document-failed = { $format }: «{ $document }» не выгружен: { $detail }
export-report-file = Отчёт о прохождении
export-nothing = Нечего записать в форматах { $formats }, файлы не записаны:{ $docx ->
    [1] { " " }в применимых шагах нет формы с заполненным значением;
   *[0] {""}
}{ $tables ->
    [1] { " " }нет заполненного табличного поля;
   *[0] {""}
}{ $eml ->
    [1] { " " }в применимых шагах нет писем;
   *[0] {""}
}{ $ics ->
    [1] { " " }нет сроков, которые ещё предстоит соблюсти;
   *[0] {""}
}{ $pdf ->
    [1] { " " }PDF делаются из форм (DOCX) и таблиц (XLSX), а их нет;
   *[0] {""}
} отчёт — форматы md, html, json.
export-signature = (подпись)
export-signature-name = (расшифровка подписи)
export-ics-file = Сроки
export-ics-name = Сроки: { $run }
export-ics-deadline = Срок: шаг { $number }. { $title }
export-ics-wait = Ждём ответа: шаг { $number }. { $title }
export-ics-step = Шаг { $number }. { $title }
export-ics-rule = Правило: { $rule }
export-ics-forecast = Дата по прогнозу: производственный календарь на этот год ещё не опубликован.
export-pdf-not-installed = PDF не сделаны: не установлен LibreOffice (программа soffice). Установите его и выгрузите снова: sudo apt-get install libreoffice-writer libreoffice-calc
export-pdf-failed = PDF сделаны не все: { $detail }
export-letter-file = { $file } (файл «{ $name }»)
export-added-missing = Приложенного файла «{ $name }» больше нет в данных прохождения ({ $folder }); приложите его снова: poryadok attach
export-added-unreadable = Приложенный файл «{ $name }» не прочитан из данных прохождения ({ $detail }); приложите его снова: poryadok attach
export-letter-added = { $file } (прилагается отдельно)
export-letter-contact = Исполнитель: { $contact }
export-letter-attachment = Приложение: { $what }.
export-letter-attachments = Приложение:
export-letter-head = Руководитель
