export-yes = да
export-no = нет
export-rows = { $count ->
    [one] { $count } строка
    [few] { $count } строки
   *[many] { $count } строк
}
export-secret-left-out = (не выгружается: секретное значение)
export-state-in-progress = начат
export-state-waiting = ждём ответа
export-state-done = выполнен
export-state-passed-over = не понадобился
