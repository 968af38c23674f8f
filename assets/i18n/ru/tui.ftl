## Мастер

tui-home-title = poryadok — процедуры шаг за шагом
tui-home-runs = Начатые прохождения
tui-home-no-runs = Прохождений пока нет: выберите процедуру ниже и нажмите Enter.
tui-home-procedures = Процедуры
tui-progress = выполнено { $done } из { $all }
tui-steps = Шаги
tui-saved = сохранено { $time }
tui-save-failed = НЕ СОХРАНЕНО
tui-quit-unsaved = Выход сейчас потеряет изменение, которое не удалось сохранить (причина выше). Освободите место на диске или исправьте папку данных и выйдите снова — изменение сохранится; выйти без него — ещё раз «выход».
tui-left-unsaved = poryadok закрыт без сохранения последнего изменения: { $error }
tui-actor = Кто выполняет: { $actor }
tui-deadline-working = Срок: { $count ->
    [one] { $count } рабочий день
    [few] { $count } рабочих дня
   *[many] { $count } рабочих дней
}
tui-deadline-calendar = Срок: { $count ->
    [one] { $count } календарный день
    [few] { $count } календарных дня
   *[many] { $count } календарных дней
}
tui-letter-to = Кому: { $to }
tui-letter-cc = Копия: { $cc }
tui-letter-subject = Тема: { $subject }
tui-choice-impact = Если выбрать: { $applies ->
    [one] добавится { $applies } шаг
    [few] добавятся { $applies } шага
   *[many] добавится { $applies } шагов
}, { $skipped ->
    [one] пропускается { $skipped } шаг
    [few] пропускаются { $skipped } шага
   *[many] пропускается { $skipped } шагов
}
tui-new-run-title = Новое прохождение
tui-new-run-label = Для кого это прохождение (организация, информационная система)?
tui-new-run-hint = Enter — начать; Esc — назад.
tui-label-needed = Сначала введите название: оно отличает это прохождение от других по той же процедуре
tui-and-more = (и ещё { $count })
tui-too-small = Размер терминала { $width }×{ $height }; нужно не меньше { $min_width }×{ $min_height }. Увеличьте окно.
tui-unknown-procedure = процедуры { $id } нет; список даёт `poryadok list`
tui-set-aside = Файл процедуры изменился: { $count ->
    [one] { $count } запись больше не на своём месте и отложена
    [few] { $count } записи больше не на своём месте и отложены
   *[many] { $count } записей больше не на своём месте и отложены
}
tui-no-choices = Здесь нет вариантов для выбора
tui-reopen-affected = Шаг снова открыт. { $count ->
    [one] От него зависит { $count } выполненный шаг:
    [few] От него зависят { $count } выполненных шага:
   *[many] От него зависят { $count } выполненных шагов:
}
tui-refused = Невозможно
tui-refused-blocked = Пока нельзя: { $count ->
    [one] шаг ждёт выполнения другого шага
    [few] шаг ждёт выполнения { $count } других шагов
   *[many] шаг ждёт выполнения { $count } других шагов
}
tui-refused-incomplete = Пока нельзя выполнить: { $count ->
    [one] исправьте { $count } поле
    [few] исправьте { $count } поля
   *[many] исправьте { $count } полей
}
tui-refused-done = Шаг уже выполнен (r — открыть снова)
tui-refused-not-done = Шаг ещё не выполнен
tui-refused-skipped = Шаг не относится к выбранному варианту
tui-refused-undecided = Сначала выберите вариант (v)
tui-refused-not-optional = Пропустить можно только необязательный шаг
tui-refused-nothing-to-undo = Отменять нечего

tui-footer-home = ↑↓ выбор  Tab прохождения/процедуры  Enter открыть  ? клавиши  q выход
tui-footer-new-run = Enter начать  Esc назад
tui-footer-run = s начать  c готово  w ждём  v вариант  u отмена  Esc список  ? клавиши  q выход
tui-footer-picker = ↑↓ вариант  Tab следующий выбор  Enter выбрать  Esc отмена
tui-footer-help = Esc или ? закрывает список клавиш
tui-help-title = Клавиши
tui-help-layout = Буквы работают и в русской раскладке (й = q, о = j, л = k…).
tui-key-move = перемещение по списку
tui-key-page = на страницу вверх или вниз, в начало или в конец
tui-key-pane = переход между прохождениями и процедурами
tui-key-open = открыть прохождение или начать новое по процедуре
tui-key-create = начать прохождение с этим названием
tui-key-back = назад
tui-key-home = к списку прохождений
tui-key-help = этот список клавиш
tui-key-quit = выход (всё сохранено)
tui-key-start = начать шаг
tui-key-complete = отметить шаг выполненным
tui-key-wait = ждём ответа извне
tui-key-reopen = снова открыть выполненный шаг
tui-key-pass-over = необязательный шаг не нужен
tui-key-variant = выбрать вариант
tui-key-undo = отменить последнее изменение
tui-key-next-choice = следующий выбор
tui-key-choose = выбрать этот вариант
tui-form = Форма «{ $title }»
tui-results = Записать по выполнении
tui-form-hint = Tab — заполнить
tui-form-hint-focused = Enter изменить · Del очистить · Esc шаги
tui-yes = да
tui-no = нет
tui-rows = { $count ->
    [one] { $count } строка
    [few] { $count } строки
   *[many] { $count } строк
}
tui-editor-keys = Enter сохранить · Esc отмена
tui-editor-keys-multiline = Ctrl-S сохранить · Enter новая строка · Esc отмена
tui-options-keys = Enter выбрать · Esc отмена
tui-options-keys-multi = Пробел отметить · Enter сохранить · Esc отмена
tui-value-ok = выглядит верно
tui-no-fields = У этого шага нет полей для заполнения
tui-field-reused = Это значение из другой формы; оно заполняется там
tui-footer-editor = ←→ курсор  Enter сохранить  Esc отмена  Ctrl-C выход
tui-footer-form = ↑↓ Tab поле  Enter изменить  Del очистить  c готово  Esc шаги  ? клавиши
tui-key-cursor = курсор влево и вправо, в начало и в конец
tui-key-keep = сохранить введённое
tui-key-newline = новая строка (в многострочных полях)
tui-key-cancel = отменить изменение
tui-key-field = предыдущее или следующее поле
tui-key-edit = изменить поле (да/нет переключается, варианты открываются списком)
tui-key-clear = очистить поле
tui-key-to-steps = обратно к шагам
tui-key-to-form = к полям шага

tui-cell = Строка { $row }, «{ $column }»
tui-row-of = Строка { $row } из { $count }
tui-table-empty = Строк пока нет: a или Enter добавляет строку
tui-table-keys = Enter изменить · a добавить · x удалить · K J переставить · Esc готово
tui-row-removed = Строка { $row } удалена; u возвращает её
tui-footer-table = ↑↓←→ ячейка  Enter изменить  a строка  x удалить  Esc к полям  ? клавиши
tui-key-cell = к соседней ячейке
tui-key-next-cell = следующая или предыдущая ячейка
tui-key-edit-cell = изменить ячейку (в пустой таблице — добавить строку)
tui-key-add-row = добавить строку под выбранной
tui-key-remove-row = удалить строку (u возвращает её)
tui-key-move-row = переставить строку выше или ниже
tui-key-close-table = закрыть таблицу, к полям шага
tui-link = Ссылка: { $url }
tui-copy-title = Скопировать или открыть
tui-copy-keys = Enter скопировать · o открыть
tui-footer-copy = ↑↓ выбор  Enter скопировать  o открыть ссылку  Esc отмена
tui-copied = Отправлено в буфер обмена через терминал: { $text }
tui-opening = Открывается в браузере: { $url }
tui-not-a-link = Это не ссылка: открыть в браузере можно только ссылку
tui-no-links = На этом шаге нет ссылок
tui-nothing-to-copy = На этом шаге нет адресов, тем писем и ссылок
tui-send-failed = Не получилось: { $error }
tui-key-copy = скопировать в буфер обмена (OSC 52)
tui-key-open-link = открыть ссылку в браузере
tui-key-copy-open = скопировать адрес, тему или ссылку; открыть ссылку
tui-no-browser-copied = Браузер не открылся; ссылка отправлена в буфер обмена: { $url }
tui-no-browser = Браузер не открылся: { $url }
tui-wait-until = До какого дня ждём? (ДД.ММ.ГГГГ)
tui-wait-keys = Enter ждать · Esc отмена
tui-wait-no-date = Пусто — ждём без срока
tui-prepare = Подготовить:
tui-key-export = выгрузить документы: формы, таблицы, отчёт, письма
