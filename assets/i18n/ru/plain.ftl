## Пошаговый режим (src/plain): мастер строка за строкой, для экранных чтецов и терминалов, которые
## не умеют рисовать. Каждая строка читается сама по себе, по порядку: никаких значков вместо слов.

plain-welcome = poryadok, пошаговый режим. Каждое изменение сохраняется сразу; q — выход.
plain-bye = До свидания. Всё сохранено.
plain-unknown-procedure = Процедуры { $id } нет; список даёт `poryadok list`.
plain-not-a-choice = «{ $typed }» — не номер от 1 до { $count }.
plain-not-a-command = «{ $typed }» — не команда; ? — список команд.
plain-not-accepted = Не сохранено: { $problem }. Введите снова или пустую строку, чтобы оставить как было.

## Главная

plain-home-no-runs = Прохождений пока нет.
plain-home-runs = Начатые прохождения: { $count }.
plain-home-run = { $label }, { $procedure }: { $state }
plain-home-procedures = Процедуры, которые можно начать: { $count }.
plain-home-procedure = { "  " }{ $number }. { $title }, { $steps }
plain-home-prompt = Введите номер, чтобы открыть прохождение или начать процедуру; q — выход.
plain-new-run = Новое прохождение процедуры: { $procedure }.
plain-new-run-label = Для кого это прохождение (организация, информационная система)?
plain-label-needed = Сначала введите название: оно отличает это прохождение от других по той же процедуре.
plain-run-created = Прохождение { $id } начато.

## Прохождение

plain-run = Прохождение «{ $label }»: { $procedure }. Выполнено { $done } из { $all }.
plain-section = Раздел: { $title }.
plain-blocked = заблокировано: сначала нужны другие шаги
plain-choose-step = Введите номер шага, чтобы открыть его, или пустую строку, чтобы остаться на текущем.
plain-step = Шаг { $number } из { $all }: { $title }.
plain-state = Состояние: { $state }.
plain-actor = Кто выполняет: { $actor }.
plain-decide = Нужно решить: { $choice } — ещё не выбрано (команда v).
plain-decided = Решение: { $choice } — { $option }.
plain-deadline = Срок: { $deadline }.
plain-prepare = Подготовить: { $items }.
plain-link = Ссылка: { $title }, { $url }
plain-letter = Письмо: { $title }.
plain-letter-to = Кому: { $to }.
plain-letter-cc = Копия: { $cc }.
plain-letter-subject = Тема: { $subject }.
plain-letter-added-file = Прилагается: { $what }, файл «{ $name }».
plain-letter-added-missing = Прилагается: { $what }, файла ещё нет; дать его: poryadok attach { $run } { $step } { $number } ФАЙЛ.
plain-commands = Команды: { $fields }s — начать, c — выполнено, w — ждём ответа (после буквы можно дату: c 03.12.2026), n — следующий шаг, l — список шагов, v — вариант, u — отменить, d — документы, h — на главную, q — выход.
plain-commands-optional = Команды: { $fields }s — начать, c — выполнено, w — ждём ответа, p — не нужен (после буквы можно дату: c 03.12.2026), n — следующий шаг, l — список шагов, v — вариант, u — отменить, d — документы, h — на главную, q — выход.
plain-commands-done = Команды: { $fields }r — открыть снова, n — следующий шаг, l — список шагов, v — вариант, u — отменить, d — документы, h — на главную, q — выход.
plain-commands-fields = номер поля — заполнить,{ " " }
plain-commands-no-fields = {""}
plain-step-prompt = Команда или номер поля (? — список команд):
plain-step-help = Номер поля — заполнить его. s — начать шаг, c — отметить выполненным, w — ждём ответа извне, r — снова открыть выполненный шаг, p — необязательный шаг не нужен; после s, c, w и p можно через пробел написать день, когда это было (c 03.12.2026 или c 2026-12-03), без даты — сегодня, день позже сегодняшнего не записывается. n — следующий шаг, l — список шагов, v — выбрать вариант, u — отменить последнее изменение, d — выгрузить документы прохождения, h — на главную, q — выход. Буквы работают и в русской раскладке.
plain-step-now = { $title }: { $state }. Выполнено { $done } из { $all }.
plain-last-step = Это последний шаг.
plain-save-failed = НЕ СОХРАНЕНО: { $error }. Изменение осталось в памяти и сохранится вместе со следующим.
plain-set-aside = Файл процедуры изменился; отложено, потому что в нём больше нет для этого места: { $items }.
plain-edition-offered = В файле процедуры новая редакция { $new }; прохождение идёт по своей редакции { $old }. Что изменит новая:
plain-edition-take = Принять новую редакцию? Введите д — да; н или пустая строка — нет.
plain-edition-kept = Прохождение остаётся на редакции { $old }; больше не спрашиваем. Принять новую позже: poryadok edition { $id } --take
plain-edition-taken = Прохождение переведено на редакцию { $version }; изменение записано в журнал.
plain-reopen-affected = Шаг снова открыт. { $count ->
    [one] От него зависит { $count } выполненный шаг
    [few] От него зависят { $count } выполненных шага
   *[many] От него зависят { $count } выполненных шагов
}: { $steps }.
plain-wait-due-forecast = Срок по этому шагу, { $date }, посчитан по прогнозному производственному календарю и может сдвинуться, когда выйдет официальный.
plain-wait-until = До какого дня ждём ответа? Введите дату (ДД.ММ.ГГГГ) или пустую строку — без срока.
plain-wait-not-accepted = Не записано: { $problem }. Введите дату снова или пустую строку — ждать без срока.
plain-bad-day = Не записано: «{ $typed }» — { $problem }. День пишут после буквы через пробел: { $letter } 03.12.2026 или { $letter } 2026-12-03.
plain-recorded-started = Шаг «{ $title }» начат { $date }. Выполнено { $done } из { $all }.
plain-recorded-done = Шаг «{ $title }» выполнен { $date }. Выполнено { $done } из { $all }.
plain-recorded-passed = Шаг «{ $title }» не понадобился, отмечено { $date }. Выполнено { $done } из { $all }.
plain-recorded-waiting = Шаг «{ $title }» ждёт ответа с { $date }, { $due }. Выполнено { $done } из { $all }.
plain-due-until = срок — до { $date }
plain-no-due = без срока

## Отказы

plain-refused = Это невозможно.
plain-refused-blocked = Пока нельзя: сначала { $count ->
    [one] этот шаг
   *[other] эти шаги ({ $count })
}: { $steps }.
plain-refused-incomplete = Пока нельзя выполнить: { $count ->
    [one] нужно исправить { $count } поле
    [few] нужно исправить { $count } поля
   *[many] нужно исправить { $count } полей
}:
plain-field-problem = поле { $number }, { $label }: { $problem }
plain-refused-done = Шаг уже выполнен; r — открыть снова.
plain-refused-not-done = Шаг ещё не выполнен.
plain-refused-skipped = Шаг не относится к выбранному варианту.
plain-refused-undecided = Сначала выберите вариант (v).
plain-refused-not-optional = Пропустить можно только необязательный шаг.
plain-refused-nothing-to-undo = Отменять нечего.

## Варианты

plain-no-choices = В этой процедуре нет вариантов для выбора.
plain-not-chosen = не выбран
plain-choice = { "  " }{ $number }. { $title }: { $chosen }
plain-which-choice = Какой выбор? Введите номер (от 1 до { $count }) или пустую строку, чтобы вернуться.
plain-choice-options = { $title }. Сейчас: { $chosen }. Варианты:
plain-option = { "  " }{ $number }. { $title }: { $applies ->
    [0] шагов не добавит
    [one] добавит { $applies } шаг
    [few] добавит { $applies } шага
   *[many] добавит { $applies } шагов
}, { $skipped ->
    [0] не пропустит ни одного
    [one] пропустит { $skipped } шаг
    [few] пропустит { $skipped } шага
   *[many] пропустит { $skipped } шагов
}
plain-which-option = Какой вариант? Введите номер (от 1 до { $count }) или пустую строку, чтобы вернуться.
plain-chosen = Выбрано: { $title }.
plain-already-chosen = Этот вариант уже выбран; ничего не изменилось.
plain-impact = Если выбрать «{ $title }»:
plain-impact-nothing = { "  " }шаги не изменятся.
plain-impact-done-skipped = { "  " }Выполненные шаги, которые перестанут применяться ({ $count }); записи о них сохранятся и вернутся, если снова выбрать прежний вариант:
plain-impact-incomplete = { "  " }Выполненные шаги, которым понадобится внимание ({ $count }): станут обязательными поля:
plain-impact-applies = { "  " }Начнут применяться ({ $count }):
plain-impact-skipped = { "  " }Перестанут применяться ({ $count }):
plain-impact-step = { "    " }{ $number }. { $title }
plain-impact-step-fields = { "    " }{ $number }. { $title }: { $fields }
plain-confirm-choice = Выбрать «{ $title }»? Введите д — да; н или пустая строка — нет.
plain-not-yes-no = «{ $typed }» — не ответ: д — да, н или пустая строка — нет.
plain-choice-kept = Вариант не изменён.

## Поля

plain-fields = Поля: { $count }.
plain-field = { $label }: { $state }
plain-empty = не заполнено
plain-value = { $value }
plain-value-wrong = { $value }, НЕВЕРНО: { $problem }
plain-secret-set = задано (секрет)
plain-required = обязательное
plain-reused = из другой формы, заполняется там
plain-no-such-field = У этого шага нет поля { $typed }; поля пронумерованы от 1 до { $count }.
plain-field-reused = Это значение из другой формы; оно заполняется там.
plain-kept = Оставлено как было.
plain-saved = Сохранено. { $field }
plain-asking = { $label }, { $required }. Сейчас: { $current }.
plain-required-note = обязательное
plain-optional-note = можно оставить пустым
plain-type-text = Введите значение; пустая строка — оставить как было, минус — очистить.
plain-type-secret = Введите значение (при вводе оно будет видно на экране); пустая строка — оставить как было, минус — очистить.
plain-type-lines = Введите текст строка за строкой и в конце строку из одной точки; одна точка сразу — оставить как было, минус — очистить.
plain-type-more-lines = Следующая строка или одна точка, чтобы закончить:
plain-pick-one = Введите номер варианта (от 1 до { $count }); пустая строка — оставить как было, минус — очистить.
plain-pick-many = Введите номера нужных вариантов (от 1 до { $count }) через запятую; пустая строка — оставить как было, минус — очистить.
plain-table = Таблица «{ $label }»: { $count ->
    [0] строк пока нет
    [one] { $count } строка
    [few] { $count } строки
   *[many] { $count } строк
}.
plain-row = { "  " }Строка { $row }: { $cells }.
plain-table-prompt = a — добавить строку, номер строки — изменить её, x и номер — удалить (x 2); пустая строка — обратно к шагу.
plain-row-removed = Строка { $row } удалена; u возвращает её.
plain-cell = Строка { $row }, «{ $column }»
plain-edition-available = Есть новая редакция процедуры { $version }; прохождение идёт по своей. Что она изменит: poryadok edition { $id }; принять: poryadok edition { $id } --take
