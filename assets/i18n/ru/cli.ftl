## Командная строка: `poryadok --help`, ошибки в командной строке, дополнение в оболочках и
## страница руководства (man). Схема имён сообщений описана в assets/i18n/en/cli.ftl.

cli-about = poryadok проводит ответственного сотрудника через процедуру (электронная подпись, межведомственное взаимодействие, лицензии…) шаг за шагом, с формами, которые нужны на каждом шаге
cli-option-lang = Язык сообщений: ru или en (по умолчанию — из LC_ALL, LC_MESSAGES, LANG)
cli-option-procedures = Читать процедуры ещё и из этой папки (можно указать несколько раз); они заменяют встроенные
cli-option-data-dir = Где хранятся прохождения и собственные процедуры (по умолчанию — PORYADOK_DATA_DIR, затем папка данных системы)
cli-option-plain = Работать строка за строкой, не рисуя экран: для экранных чтецов и простых терминалов (также ACCESSIBLE=1, а при TERM=dumb или без терминала — сам)
cli-option-help = Показать эту справку
cli-option-version = Показать версию

cli-check = Проверить файлы процедур (или папки с ними); без путей — все доступные процедуры
cli-check-paths = Файлы или папки
cli-list = Показать доступные процедуры и откуда каждая взята
cli-schema = Вывести JSON Schema формата процедур
cli-start = Открыть мастер на новом прохождении процедуры (он спросит название прохождения)
cli-start-procedure = Идентификатор процедуры, как его показывает `poryadok list`
cli-open = Открыть мастер на прохождении
cli-open-run = Идентификатор прохождения, как его показывает `poryadok runs`
cli-runs = Показать прохождения: сколько сделано, следующий шаг и ближайший срок
cli-status = Вывести контрольный список прохождения: каждый шаг с состоянием и сроки
cli-status-run = Идентификатор прохождения, как его показывает `poryadok runs`
cli-status-journal = Вывести и журнал: каждое изменение со временем, прежним и новым значением
cli-recover = Переместить нечитаемое прохождение в сторону и восстановить копию перед последним сохранением
cli-recover-run = Идентификатор прохождения
cli-export = Выгрузить документы прохождения: заполненные формы (DOCX), таблицы (XLSX, CSV), отчёт по контрольному списку (Markdown, HTML, JSON) и письма (черновики .eml)
cli-export-run = Идентификатор прохождения, как его показывает `poryadok runs`
cli-export-format = Только эти форматы, через запятую: docx, xlsx, csv, md, html, json, eml
cli-export-out = Папка, куда записать (по умолчанию — poryadok/ПРОХОЖДЕНИЕ в папке документов)
cli-export-include-secrets = Выгрузить и значения секретных полей (пароли) открытым текстом
cli-completions = Вывести сценарий дополнения команд для оболочки: bash, zsh, fish, powershell или elvish
cli-completions-shell = Оболочка
cli-man = Вывести страницу руководства (roff, для `man -l -`)
cli-help = Показать справку по команде
cli-help-command = Команда

cli-value-dir = ПАПКА
cli-value-paths = ПУТЬ
cli-value-procedure = ПРОЦЕДУРА
cli-value-run = ПРОХОЖДЕНИЕ
cli-value-format = ФОРМАТЫ
cli-value-lang = ЯЗЫК
cli-value-shell = ОБОЛОЧКА
cli-value-command = КОМАНДА

## Части каждой страницы справки и строки вызова

cli-heading-usage = Вызов
cli-heading-commands = Команды
cli-heading-arguments = Аргументы
cli-heading-options = Параметры
cli-usage-options = ПАРАМЕТРЫ
cli-usage-command = КОМАНДА
cli-more-help = Подробнее: `{ $command } --help`.

## Ошибки в командной строке (код выхода 2)

cli-unknown-command = нет команды «{ $value }»
cli-unknown-argument = лишний аргумент «{ $value }»
cli-did-you-mean = может быть, «{ $value }»?
cli-dash-dash = чтобы передать «{ $value }» как значение, напишите `-- { $value }`
cli-remove-dash-dash = «{ $value }» — это команда: уберите «--» перед ней
cli-invalid-value = «{ $value }» — недопустимое значение для { $arg }
cli-possible-values = допустимые значения: { $values }
cli-missing-value = для { $arg } нужно указать значение
cli-missing-arguments = не указано: { $args }
cli-argument-conflict = { $arg } нельзя использовать вместе с { $other }
cli-argument-repeated = { $arg } можно указать только один раз
cli-too-many-values = лишнее значение «{ $value }» для { $arg }
cli-wrong-number-of-values = { $arg } принимает значений: { $expected }, указано: { $actual }
cli-not-utf8 = аргумент не является текстом в кодировке UTF-8
cli-no-equals = значение { $arg } пишется после «=», например { $arg }=ЗНАЧЕНИЕ
cli-unknown-format = неизвестный формат «{ $value }»; допустимые форматы: { $formats }
cli-usage-problem = не удалось разобрать командную строку

## Ошибки самой программы

cli-procedures-missing = путь «{ $path }», указанный в --procedures, нельзя использовать: { $reason }
cli-wizard-failed = мастер не смог работать в этом терминале: { $reason }; пошаговый режим `poryadok --plain` работает строка за строкой
catalog-folder-unreadable = не удалось прочитать папку «{ $path }»: { $reason }

## Почему файл или папку нельзя использовать (i18n::io_reason)

io-not-found = по этому пути ничего нет
io-permission-denied = нет прав доступа
io-not-a-directory = это не папка
io-is-a-directory = это папка
io-other = { $detail }

## Страница руководства (`poryadok man`)

cli-man-summary = мастер в терминале, который проводит ответственного сотрудника через процедуру шаг за шагом
cli-man-name = ИМЯ
cli-man-synopsis = ОБЗОР
cli-man-description = ОПИСАНИЕ
cli-man-options = ПАРАМЕТРЫ
cli-man-commands = КОМАНДЫ
cli-man-environment = ОКРУЖЕНИЕ
cli-man-exit-status = КОД ЗАВЕРШЕНИЯ
cli-man-version = ВЕРСИЯ
cli-man-description-wizard = Без команды poryadok открывает мастер в терминале: начатые прохождения и процедуры, которые можно начать. Прохождение — это путь одного сотрудника через одну процедуру, часто в течение недель: что сделано, что дальше, что заблокировано и почему, что кому отправить и к какому сроку. Каждое изменение сохраняется сразу.
cli-man-description-sources = Процедуры — это файлы TOML. Они берутся из трёх мест: встроенные в программу, собственная папка сотрудника (procedures в папке данных) и папки, указанные в --procedures; процедура из более позднего источника заменяет процедуру с тем же id.
cli-man-description-plain = Где терминал не умеет рисовать (TERM=dumb, или ввод или вывод идёт не через терминал), или по просьбе (--plain, ACCESSIBLE=1) мастер работает строка за строкой: пронумерованные шаги с состоянием словами, пронумерованные вопросы о полях и вариантах, те же команды и проверки, без рамок, цвета и движения курсора; экранный чтец читает все строки по порядку.
cli-man-env-accessible = Любое значение, кроме 0: мастер работает строка за строкой, как с --plain.
cli-man-env-term = dumb: терминал не умеет рисовать, и мастер работает строка за строкой.
cli-man-env-lang = Язык сообщений (ru или en), если не указан --lang: решает первая заданная переменная.
cli-man-env-data-dir = Папка данных, если не указан --data-dir.
cli-man-exit-0 = Готово.
cli-man-exit-1 = poryadok check нашёл ошибки в файле процедуры.
cli-man-exit-2 = Ошибка в командной строке, или команду не удалось выполнить; сообщение говорит почему.
