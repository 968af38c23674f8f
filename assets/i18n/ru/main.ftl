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

## Прохождения в командной строке

runs-no-data-dir = нет папки данных: укажите --data-dir или переменную PORYADOK_DATA_DIR
runs-none = Прохождений пока нет.
runs-damaged = не читается ({ $reason }); `poryadok recover { $id }` переместит файл в сторону и восстановит копию перед последним сохранением
runs-unknown-procedure = процедура { $procedure } недоступна (ни встроенная, ни в вашей папке, ни переданная через --procedures)
runs-progress = выполнено { $done } из { $all ->
    [one] { $all } шага
    [few] { $all } шагов
   *[many] { $all } шагов
}
runs-next = дальше: { $step }
runs-due = срок шага { $number }: { $date }
runs-overdue = { $date }, ПРОСРОЧЕНО
runs-forecast = {" "}(по прогнозному календарю)
runs-edition = есть новая редакция { $version }: poryadok edition { $id }
status-header = выполнено { $done } из { $all } · начато { $created } · версия процедуры { $version }
status-done = выполнено { $date }
status-done-undated = выполнено
status-passed-over = не потребовалось (отмечено { $date })
status-skipped = пропущено: не относится к выбранному варианту
status-undecided = ждёт выбора варианта
status-blocked = заблокировано до выполнения: { $by }{ $more ->
    [0] {""}
    [one] {" "}и ещё { $more } шага
    [few] {" "}и ещё { $more } шагов
   *[many] {" "}и ещё { $more } шагов
}
status-in-progress = выполняется
status-waiting = ожидание ответа
status-waiting-until = ожидание ответа до { $date }
status-date-late = { $date }, позже срока { $due }
status-skipped-kept = пропущено: не относится к выбранному варианту (было { $was ->
    [done] выполнено
    [reached] достигнуто
   *[begun] начато
} { $date }; запись сохранена и вернётся, если вариант вернуть)
status-in-progress-since = выполняется с { $since }
status-waiting-since = ожидание ответа с { $since }
status-waiting-since-until = ожидание ответа с { $since } до { $date }
status-ready = можно выполнять
status-dates = Сроки:
status-date-wait = ожидание
status-date-deadline = срок по процедуре
status-date-met = , выполнено { $date }
status-date-missed = , выполнено с опозданием { $date }
status-aside = Отложено (файл процедуры изменился, и для этого в нём больше нет места): { $items }
recover-not-needed = прохождение { $id } читается без ошибок; восстанавливать нечего
recover-restored = прохождение { $id } восстановлено из копии перед последним сохранением
journal-title = Журнал ({ $count ->
    [one] { $count } изменение
    [few] { $count } изменения
   *[many] { $count } изменений
}):
journal-secret = (секретное значение)
journal-passed-over = не потребовалось (пропущен { $date })
journal-started = начат { $date }
journal-waiting = ждём ответа с { $date }
journal-waiting-until = ждём ответа с { $date } до { $due }
journal-done = выполнен { $date }
journal-text = «{ $text }»
journal-unknown = { $what } (в процедуре этого больше нет)
journal-undoes = (отменяет изменение { $entry })
journal-recorded-for = (отмечено за { $date })
refused-future-date = { $date } — позже сегодняшнего дня ({ $today }): шаг отмечается днём, когда это случилось, но не вперёд
refused-before-start = { $date } — раньше дня, когда шаг начат ({ $started })
deadline-working = { $count ->
    [one] { $count } рабочий день
    [few] { $count } рабочих дня
   *[many] { $count } рабочих дней
}
deadline-calendar = { $count ->
    [one] { $count } календарный день
    [few] { $count } календарных дня
   *[many] { $count } календарных дней
}
deadline-rule-step = { $days } после шага { $number }
deadline-rule-field = { $days } от даты «{ $label }»
deadline-rule-own = { $days } с начала шага
deadline-by = до { $date } ({ $rule })
deadline-by-forecast = до { $date }, по прогнозу календаря ({ $rule })
deadline-pending = { $rule }; дата пока не известна
journal-label = Название прохождения
change-saved = прохождение { $id }: сохранено
change-affected = выполнен раньше и зависит от снова открытого шага: { $step }
change-affected-reached = контрольное событие достигнуто раньше и зависит от снова открытого шага: { $step }
change-same-label = { $count ->
    [one] у другого прохождения этой процедуры, начатого { $started }, уже есть название «{ $label }»: { $runs }
   *[other] у других прохождений этой процедуры, начатых { $started }, уже есть название «{ $label }»: { $runs }
}
change-unknown-step = в процедуре нет шага «{ $step }» (укажите идентификатор или номер, как в `poryadok status`)
change-unknown-field = в процедуре нет поля «{ $field }» (укажите идентификатор, ФОРМА.ПОЛЕ или ТАБЛИЦА.СТРОКА.СТОЛБЕЦ)
change-unknown-row = строки { $row } нет: в таблице { $rows } (следующий номер добавляет строку)
change-table-by-cell = «{ $field }» — таблица: записывайте ячейки как { $field }.СТРОКА.СТОЛБЕЦ
change-unknown-option = в процедуре нет варианта «{ $option }» для выбора «{ $choice }»; есть варианты: { $options }
change-unknown-choice = в процедуре нет выбора «{ $choice }»; есть выборы: { $choices }
change-not-yes-no = «{ $value }» — не «да» и не «нет»
change-until-only-wait = --until указывается только с wait
change-empty-label = название не может быть пустым
journal-archived = В архиве
change-deleted = прохождение { $id } удалено; `poryadok restore { $id }` вернёт его в течение { $days } дней
change-restored = прохождение { $id } возвращено
runs-archived = { " " }[в архиве]
refused-milestone = Контрольное событие наступает само, когда выполнены шаги перед ним
status-reached = достигнуто { $date }
status-milestone-pending = контрольное событие: наступит, когда выполнено: { $by }{ $more ->
    [0] {""}
    [one] {" "}и ещё { $more } шага
    [few] {" "}и ещё { $more } шагов
   *[many] {" "}и ещё { $more } шагов
}
status-done-incomplete = выполнено { $date }, требует внимания: теперь не заполнено или неверно: { $fields }
journal-edition = Редакция процедуры
change-no-attachments = к письмам шага «{ $step }» сотрудник ничего не прикладывает сам
change-unknown-attachment = у шага «{ $step }» нет приложения { $number }; сотрудник прикладывает: { $list }
journal-attachment = Приложение к письму шага { $number } «{ $title }»: { $what }
# Editions of a procedure: which one a run is walked with, a newer one offered.
edition-not-kept = Редакция { $old }, по которой велось прохождение, не сохранилась; оно приведено к файлу процедуры (редакция { $new }).
edition-left-in-file = Процедура сейчас читается в прежней редакции { $version }, с которой это прохождение уже перешло: оно остаётся на своей редакции { $own }, возврат назад не предлагается. Если файл процедуры в папке данных правили, проверьте его: `poryadok check ФАЙЛ`.
edition-step-added = Новый шаг { $number }. «{ $title }»
edition-step-added-before-done = Новый шаг { $number }. «{ $title }» — встаёт перед уже выполненными шагами
edition-step-removed = Шаг «{ $title }» (в прежней редакции — шаг { $number }) убран
edition-step-removed-recorded = Шаг «{ $title }» (в прежней редакции — шаг { $number }) убран; записанное ({ $recorded }) сохранится в отложенном
edition-renamed = Поле «{ $old }» в новой редакции — «{ $new }»: значение перейдёт туда
edition-renamed-same = Поле «{ $label }»: значение сохраняется (в новой редакции поле описано заново)
edition-value-aside = { $what }: значение { $value } уйдёт в отложенное — в новой редакции для него нет места
edition-notes-aside = { $what }: уйдёт в отложенное
edition-restored = Вернётся из отложенного: { $what }
edition-attention = Шаг { $number }. «{ $title }» выполнен, но потребует внимания: теперь обязательно { $fields }
edition-deadline = Срок шага { $number }. «{ $title }»: был { $old }, станет { $new }
edition-no-deadline = без срока
edition-nothing-moves = Ничего из записанного не переносится и не откладывается; меняются только тексты процедуры.
journal-edition-renamed = перенесено: { $items }
journal-edition-aside = отложено: { $items }
journal-edition-restored = возвращено: { $items }
edition-walks = Прохождение { $id } ведётся по редакции процедуры «{ $title }» { $version } ({ $edition }).
edition-offered = В файле процедуры новая редакция { $version } ({ $edition }). Что она изменит в этом прохождении:
edition-declined = (от этой редакции уже отказались; прохождение идёт по своей.)
edition-take-hint = Принять её: poryadok edition { $id } --take
edition-not-undone = Отмена последнего изменения (u, poryadok undo) не возвращает прежнюю редакцию: она хранится, отложенное остаётся в отложенном.
edition-none = Новой редакции нет: файл процедуры — та же редакция.
edition-file-gone = Файла процедуры нет или он не читается: прохождение открывается сохранённой редакцией.
edition-finished = Прохождение завершено по этой редакции; новая редакция { $version } ({ $edition }) ему не предлагается — запись остаётся как была.
edition-nothing-to-take = Принимать нечего. { $reason }
edition-taken = Прохождение { $id } переведено на редакцию { $version }; изменение записано в журнал.
status-edition = Редакция процедуры: { $version } ({ $edition })
status-edition-offered = Есть новая редакция { $version } ({ $edition }); что она изменит: poryadok edition { $id }; принять: poryadok edition { $id } --take
status-edition-finished = Прохождение завершено по этой редакции; новая редакция { $version } ({ $edition }) ему не предлагается.
undone = Отменено последнее изменение
undone-step = Отменено: шаг «{ $step }» снова: { $state }
undone-field = Отменено: в поле «{ $field }» снова прежнее значение
undone-field-cleared = Отменено: поле «{ $field }» снова пустое
undone-choice = Отменено: «{ $choice }» — снова «{ $option }»
undone-choice-cleared = Отменено: «{ $choice }» снова не выбран
undone-note = Отменено: заметка к шагу «{ $step }» убрана
undone-attached = Отменено: к письму «{ $letter }» снова приложен файл «{ $name }»
undone-detached = Отменено: файл «{ $name }» больше не приложен к письму «{ $letter }»
undone-label = Отменено: прохождение снова называется «{ $label }»
