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
tui-decide = Решение: { $choice } — ещё не выбрано (v)
tui-decided = Решение: { $choice } — { $option }
tui-deadline = Срок: { $deadline }
tui-letter-to = Кому: { $to }
tui-letter-cc = Копия: { $cc }
tui-letter-subject = Тема: { $subject }
tui-choice-current = Этот вариант выбран сейчас: ничего не изменится
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
tui-mode-edition = Прохождение: новая редакция процедуры
tui-key-edition = новая редакция процедуры, когда она есть: что она изменит, принять её или нет
tui-key-scroll-edition = прокрутить список изменений: строка, страница, в начало, в конец
tui-key-take-edition = принять новую редакцию: прохождение переходит на неё, это записывается в журнал
tui-foot-take-edition = принять
tui-key-keep-edition = оставить прохождение на своей редакции (больше не спрашивать; e — посмотреть снова)
tui-foot-keep-edition = оставить
tui-edition-title = Новая редакция процедуры: { $old } → { $new }
tui-edition-intro = Методист изменил процедуру: в файле теперь редакция { $new }. Прохождение идёт по своей редакции { $old }, пока вы не примете новую. Что она изменит:
tui-edition-keys = Enter — принять новую редакцию; Esc — оставить свою (новую можно посмотреть снова клавишей e).
tui-edition-hint = ★ новая редакция { $version } (e)
tui-home-edition = ★ есть новая редакция { $version }
tui-edition-none = Новой редакции процедуры нет: прохождение идёт по редакции из файла.
tui-edition-kept = Прохождение остаётся на своей редакции; новую ({ $version }) можно посмотреть и принять клавишей e.
tui-edition-taken = Прохождение переведено на редакцию { $version }; изменение записано в журнал.
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
tui-refused-not-done = Шаг ещё не выполнен
tui-refused-skipped = Шаг не относится к выбранному варианту
tui-refused-not-optional = Пропустить можно только необязательный шаг
tui-refused-nothing-to-undo = Отменять нечего

tui-help-title = Клавиши
tui-key-pane = переход между прохождениями и процедурами
tui-key-open = открыть прохождение или начать новое по процедуре
tui-key-create = начать прохождение с этим названием
tui-key-back = назад
tui-key-home = к списку прохождений
tui-key-help = этот список клавиш
tui-key-quit = выход (всё сохранено)
tui-key-start = начать шаг
tui-key-wait = ждём ответа извне
tui-key-reopen = снова открыть выполненный шаг
tui-key-pass-over = необязательный шаг не нужен
tui-key-variant = выбрать вариант
tui-key-next-choice = следующий выбор
tui-form = Форма «{ $title }»
tui-results = Записать по выполнении
tui-yes = да
tui-no = нет
tui-rows = { $count ->
    [one] { $count } строка
    [few] { $count } строки
   *[many] { $count } строк
}
tui-value-ok = выглядит верно
tui-no-fields = У этого шага нет полей для заполнения
tui-field-reused = Это значение из другой формы; оно заполняется там

tui-cell = Строка { $row }, «{ $column }»
tui-row-of = Строка { $row } из { $count }
tui-link = Ссылка: { $url }
tui-copy-title = Скопировать или открыть
tui-copied = Отправлено в буфер обмена через терминал: { $text }
tui-opening = Открывается в браузере: { $url }
tui-not-a-link = Это не ссылка: открыть в браузере можно только ссылку
tui-no-links = На этом шаге нет ссылок
tui-nothing-to-copy = На этом шаге нет адресов, тем писем и ссылок
tui-send-failed = Не получилось: { $error }
tui-key-open-link = открыть ссылку в браузере
tui-no-browser-copied = Браузер не открылся; ссылка отправлена в буфер обмена: { $url }
tui-no-browser = Браузер не открылся: { $url }
tui-wait-until = До какого дня ждём? (ДД.ММ.ГГГГ)
tui-wait-no-date = Пусто — ждём без срока
tui-wait-due-forecast = Ждём до { $date }: срок посчитан по прогнозному производственному календарю и может сдвинуться, когда выйдет официальный
tui-prepare = Подготовить:
tui-key-export = выгрузить документы: формы, таблицы, отчёт, письма

tui-refused-done = Шаг уже выполнен (r в списке шагов открывает его снова)
tui-refused-undecided = Сначала выберите вариант (v в списке шагов)
tui-help-layout = Буквы работают и в русской раскладке (й = q, о = j, л = k…). В форме любая печатная клавиша — текст; команды шага — в списке шагов (Esc) или Alt с их буквой.
tui-form-hint = Enter или Tab — заполнить
tui-form-hint-focused = Печатайте — это в поле · Enter изменить · Esc шаги
tui-table-empty = Строк пока нет: печатайте или нажмите Enter или Ins
tui-row-removed = Строка { $row } удалена; Ctrl-Z возвращает её
tui-yesno-keys = Поле «да/нет»: пробел переключает, д или 1 — да, н или 0 — нет
tui-paste-nowhere = Здесь некуда вставить текст: откройте поле (Enter) и вставьте
tui-mode-home = Главный экран
tui-mode-new-run = Название нового прохождения
tui-mode-steps = Прохождение: список шагов
tui-mode-text = Прохождение: текст шага
tui-mode-form = Прохождение: форма шага
tui-mode-table = Открытое табличное поле
tui-mode-editor = Ввод в поле
tui-mode-multiline = Ввод в многострочное поле
tui-mode-wait = До какого дня ждём
tui-mode-options = Варианты поля
tui-mode-picker = Выбор варианта
tui-mode-copy = Скопировать или открыть
tui-mode-help = Список клавиш
tui-mode-too-small = Окно слишком мало
tui-keyname-space = Пробел
tui-keyname-typing = буквы, цифры
tui-keyname-wheel = колесо
tui-foot-keys = клавиши
tui-foot-quit = выход
tui-foot-undo = отмена
tui-foot-move = выбор
tui-foot-done = готово
tui-foot-wait = ждём
tui-foot-variant = вариант
tui-foot-pane = списки
tui-foot-open = открыть
tui-foot-start-run = начать
tui-foot-back = назад
tui-foot-runs = список
tui-foot-scroll = прокрутка
tui-foot-steps = шаги
tui-foot-type = ввод
tui-foot-field = поле
tui-foot-edit = изменить
tui-foot-clear = очистить
tui-foot-cell = ячейка
tui-foot-add-row = строка
tui-foot-remove-row = удалить
tui-foot-fields = к полям
tui-foot-cursor = курсор
tui-foot-keep = сохранить
tui-foot-cancel = отмена
tui-foot-newline = новая строка
tui-foot-find = поиск
tui-foot-choose = выбрать
tui-foot-next-choice = следующий выбор
tui-foot-copy = скопировать
tui-foot-open-link = открыть ссылку
tui-foot-close = закрыть
tui-key-move = перемещение по списку
tui-key-page = на страницу вверх или вниз, в начало или в конец
tui-key-open-step = открыть шаг: его форму или, если формы нет, текст (прохождение не меняется)
tui-key-scroll = прокрутить текст шага
tui-key-scroll-page = на страницу, в начало или в конец текста
tui-key-to-form = к полям шага
tui-key-to-steps = обратно к списку шагов
tui-key-complete = отметить шаг выполненным
tui-key-undo = отменить последнее изменение
tui-key-copy-open = скопировать адрес, тему или ссылку; открыть ссылку
tui-key-alt-commands = команды шага из его формы: начать, готово, ждём, открыть снова, не нужен, вариант
tui-key-type-label = название
tui-key-erase = стереть символ
tui-key-clear-line = стереть всю строку
tui-key-type-field = заполнить выбранное поле: открывается ввод с напечатанным (да/нет: пробел, д, н)
tui-key-field = следующее или предыдущее поле
tui-key-field-ends = первое или последнее поле
tui-key-edit = изменить поле как есть (да/нет переключается, варианты открываются списком, таблица открывается)
tui-key-edit-backspace = изменить поле, стерев последний символ
tui-key-clear = очистить поле
tui-key-type-cell = заполнить выбранную ячейку напечатанным
tui-key-row = строка выше или ниже
tui-key-cell = ячейка слева или справа
tui-key-next-cell = следующая или предыдущая ячейка, по строкам
tui-key-edit-cell = изменить ячейку как есть (в пустой таблице — добавить строку)
tui-key-add-row = добавить строку под выбранной
tui-key-remove-row = удалить строку (Ctrl-Z возвращает её)
tui-key-move-row = переставить строку выше или ниже
tui-key-close-table = закрыть таблицу, к полям шага
tui-key-type = текст
tui-key-cursor = курсор
tui-key-keep = сохранить введённое
tui-key-keep-next = сохранить и перейти к следующему или предыдущему полю
tui-key-newline = новая строка
tui-key-cancel = отменить: значение остаётся прежним
tui-key-type-date = день, ДД.ММ.ГГГГ (пусто — без срока)
tui-key-wait-keep = ждём до этого дня
tui-key-type-option = буквы находят вариант, который с них начинается; пробел отмечает его в списке из нескольких
tui-key-choose-option = сохранить выбор
tui-key-choose = выбрать этот вариант
tui-key-copy = скопировать в буфер обмена (OSC 52)
tui-key-close-help = закрыть список клавиш
tui-more-above = ▲ выше ещё
tui-more-below = ▼ ниже ещё
tui-key-scroll-help = прокрутить список
tui-marks = Значки в списке шагов
tui-mark-ready = можно выполнять
tui-mark-in-progress = выполняется
tui-mark-waiting = ожидание ответа
tui-mark-overdue = ожидание, срок уже прошёл
tui-mark-done = выполнено
tui-mark-passed-over = не потребовалось
tui-mark-skipped = не относится к выбранному варианту
tui-mark-undecided = зависит от ещё не выбранного варианта
tui-mark-blocked = ждёт предыдущих шагов
tui-due-past = Ожидание записано со сроком { $date }, а этот день уже прошёл
tui-wait-past = { $date } уже прошло; Enter всё равно сохранит этот срок
tui-mode-material = Прохождение: справочные материалы
tui-key-material = справочные материалы шага: введение к разделу, материалы, на которые он ссылается, прочие материалы порядка
tui-key-close-material = закрыть материалы
tui-material-title = Справочные материалы к шагу { $step }
tui-material-section = Раздел «{ $section }»
tui-material-others = Прочие справочные материалы порядка:
tui-material-none = В файле порядка нет справочных материалов.
tui-material-hint = ≡ Справочные материалы: i (в форме F3)
tui-attach-hint = ✉ Файлы к письмам: a (в форме Alt-a)
tui-attach-hint-missing = ✉ Нужен файл к письму: a (в форме Alt-a)
tui-reused-from = ↳ берётся из формы «{ $form }»
tui-key-scroll-material = прокрутка материалов: на строку, на страницу, в начало или в конец
tui-key-dated = то же другим днём: спросит дату (сначала сегодняшняя; напечатанное заменяет её)
tui-key-date-keep = отметить этим днём
tui-foot-date = отметить
tui-mode-date = День, когда это было
tui-date-complete = Выполнен — какого числа? (ДД.ММ.ГГГГ)
tui-date-wait = Ждём ответа — с какого числа? (ДД.ММ.ГГГГ)
tui-date-pass-over = Не понадобился — с какого числа? (ДД.ММ.ГГГГ)
tui-date-start = Начат — какого числа? (ДД.ММ.ГГГГ)
tui-date-future = { $date } — позже сегодняшнего дня: шаг отмечается днём, когда это было
tui-key-type-day = день, ДД.ММ.ГГГГ
tui-letter-attach = Вложения: { $files }
tui-letter-added-file = Прилагается: { $what } — файл «{ $name }»
tui-letter-added-missing = Прилагается: { $what } — файла ещё нет (a — добавить файл)
tui-mark-reached = контрольное событие наступило
tui-mark-milestone = контрольное событие ещё не наступило
tui-impact-done-skipped = ✗ выполнен, перестанет применяться (сохранится): { $number }. { $title }
tui-impact-incomplete = ! выполнен, понадобится { $fields }: { $number }. { $title }

## Организации в мастере

tui-mode-organisations = Организации
tui-mode-organisation = Данные организации
tui-key-organisations = организации, для которых вы работаете: добавить или изменить
tui-foot-organisations = организации
tui-key-run-org = выбрать организацию, к которой относится прохождение (или никакой)
tui-foot-run-org = организация
tui-key-open-org = открыть организацию или добавить новую
tui-key-orgs-back = на главный экран
tui-key-type-org = заполнить выбранное значение: открывается ввод с напечатанным
tui-key-to-orgs = к списку организаций
tui-foot-orgs = список
tui-orgs-title = Организации
tui-orgs-new = + новая организация
tui-orgs-none = Организаций пока нет: добавьте первую — её реквизиты попадут в формы и письма.
tui-orgs-hint = Enter — открыть; данные сохраняются сразу. Прохождение относят к организации при его создании.
tui-org-title = Организация { $id }
tui-org-hint = Enter — изменить значение; каждое проверяется и сохраняется сразу.
tui-org-runs = { $count ->
    [one] { $count } прохождение
    [few] { $count } прохождения
   *[many] { $count } прохождений
}
tui-org-invalid = { $key }: { $reason }. Не сохранено — исправьте или Esc.
tui-org-saved = { $key }: сохранено
tui-new-run-org = Организация (↑/↓): { $org }
tui-new-run-no-org = без организации
tui-key-orgs-ends = первая или последняя строка списка
tui-key-org-value = следующее или предыдущее значение
tui-key-org-value-ends = первое или последнее значение
tui-key-org-edit = изменить значение (оно проверяется и сохраняется сразу)
tui-key-org-edit-backspace = изменить значение, стерев последний символ
tui-key-org-clear = удалить значение (сохраняется сразу)
tui-foot-value = значение
tui-new-run-no-orgs = Организаций пока нет: их добавляют клавишей o на главном экране.
tui-mode-journal = Прохождение: журнал изменений
tui-key-journal = журнал: все изменения прохождения, новые сверху — когда, что и как изменилось
tui-key-scroll-journal = прокрутка журнала: на строку, на страницу, в начало или в конец
tui-key-close-journal = закрыть журнал
tui-journal-empty = Изменений пока не было.
tui-mode-attachments = Прохождение: файлы к письмам шага
tui-mode-attach-path = Прохождение: путь к файлу для письма
tui-key-attach = файлы к письмам шага (например, подписанный скан): добавить или убрать
tui-key-attach-file = указать файл для выбранного приложения (путь к нему)
tui-key-detach-file = убрать файл из письма (u на шаге вернёт его)
tui-key-close-attachments = закрыть список
tui-key-type-path = путь к файлу: ~ — домашняя папка; можно вставить из буфера обмена
tui-key-attach-keep = добавить файл к письму (он копируется в папку данных, не больше 25 МБ)
tui-key-attach-cancel = назад к списку: ничего не добавлено
tui-foot-attach-file = указать файл
tui-foot-detach-file = убрать
tui-foot-attach-keep = добавить
tui-attach-title = Файлы к письмам: { $step }
tui-attach-has-file = в письмо «{ $letter }»: файл «{ $name }», { $size }
tui-attach-no-file-yet = в письмо «{ $letter }»: файла ещё нет
tui-attach-path-title = Файл: { $what }
tui-attach-into = Будет приложен к письму «{ $letter }».
tui-attach-path-hint = Путь к файлу (PDF, JPEG и т. п., не больше 25 МБ); ~ — домашняя папка.
tui-attach-path-needed = Введите путь к файлу, например ~/Документы/скан.pdf
tui-attach-none = У писем шага «{ $step }» нет файлов, которые добавляет сотрудник.
tui-attach-no-file = У этого приложения файла нет — убирать нечего.
tui-attached = К письму «{ $letter }» добавлен файл «{ $name }» ({ $size })
tui-detached = Из письма «{ $letter }» убран файл «{ $name }»
tui-mode-rename = Главный экран: новое название прохождения
tui-mode-confirm-delete = Главный экран: удалить прохождение?
tui-mode-shelf = Архив и удалённые прохождения
tui-key-rename = переименовать выбранное прохождение
tui-key-archive = убрать выбранное прохождение в архив (вернуть — A)
tui-key-delete-run = удалить выбранное прохождение (спросит; хранится 30 дней, вернуть — A)
tui-key-shelf = архив и удалённые прохождения: посмотреть и вернуть
tui-foot-shelf = архив
tui-key-keep-label = сохранить новое название
tui-key-cancel-rename = отменить: название остаётся прежним
tui-key-confirm-delete = удалить прохождение
tui-key-keep-run = не удалять
tui-foot-delete = удалить
tui-key-restore = вернуть выбранное прохождение на главный экран
tui-foot-restore = вернуть
tui-rename-title = Новое название прохождения
tui-rename-hint = Enter — сохранить; Esc — оставить прежнее.
tui-same-label = ⚠ { $count ->
    [one] У другого прохождения этой процедуры, начатого { $started }, уже есть такое название.
   *[other] У других прохождений этой процедуры, начатых { $started }, уже есть такое название.
} Можно оставить, но различать их будет труднее.
tui-renamed-same-label = { $count ->
    [one] У другого прохождения этой процедуры, начатого { $started }, уже есть название «{ $label }».
   *[other] У других прохождений этой процедуры, начатых { $started }, уже есть название «{ $label }».
}
tui-renamed = Прохождение переименовано: «{ $label }»
tui-archived = «{ $label }» — в архиве. Посмотреть и вернуть: A (архив и удалённые) или poryadok restore { $id }
tui-deleted = «{ $label }» удалено; оно хранится { $days } дней. Вернуть: A (архив и удалённые) или poryadok restore { $id }
tui-restored = «{ $label }» снова на главном экране
tui-no-run-selected = Сначала выберите прохождение в списке начатых (Tab переключает списки).
tui-delete-title = Удалить прохождение?
tui-delete-question = Удалить прохождение «{ $label }» ({ $procedure })?
tui-delete-kept = Его файлы будут храниться { $days } дней в папке runs/deleted. За это время его можно вернуть: клавиша A на главном экране (архив и удалённые) или команда poryadok restore { $id }. Потом оно удаляется насовсем.
tui-delete-keys = Enter — удалить; Esc — не удалять.
tui-shelf-title = Архив и удалённые прохождения
tui-shelf-archived = В архиве
tui-shelf-deleted = Удалённые (хранятся { $days } дней)
tui-shelf-none = нет
tui-shelf-archived-since = в архиве с { $date }
tui-shelf-deleted-on = удалено { $date }, можно вернуть до { $until }
tui-shelf-hint = Enter — открыть прохождение из архива (оно останется там); r — вернуть выбранное на главный экран; Esc — назад.
tui-shelf-unreadable = файл не читается: { $problem }
tui-key-open-archived = открыть выбранное прохождение из архива, чтобы прочитать (оно остаётся в архиве)
tui-shelf-deleted-open = Удалённое прохождение не открывается: сначала верните его (r).
